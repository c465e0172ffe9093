import type { MatrixRows } from './types.js';

/** Organizations, members, care. */
export const ORGANIZATIONS_ROUTES: MatrixRows = {
  'POST /api/members/import': { access: 'member.import', target: 'none' },
  'GET /api/members/import/template': { access: 'member.import', target: 'none' },
  'GET /api/organizations': {
    access: 'org.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'POST /api/organizations': {
    access: 'org.write',
    target: 'none',
    body: (ids) => ({ kind: 'branch', name: '矩阵测试支部', anchorRegionCode: ids.region }),
    scopedBy: 'body',
  },
  'GET /api/organizations/:id': { access: 'org.read', target: 'organization' },
  'POST /api/organizations/:id/move': { access: 'org.write', target: 'organization', body: () => ({}) },
  'PUT /api/organizations/:id/leader': {
    access: 'org.write',
    target: 'organization',
    body: (ids) => ({ memberId: ids.member }),
  },
  'GET /api/organizations/:id/members': { access: 'org.read', target: 'organization' },
  'POST /api/organizations/:id/households': {
    access: 'org.write',
    target: 'organization',
    body: (ids) => ({ householdIds: [ids.household] }),
  },
  'DELETE /api/organizations/:id/households/:householdId': { access: 'org.write', target: 'organization' },
  'POST /api/members': {
    access: 'org.write',
    target: 'none',
    body: (ids) => ({
      organizationId: ids.branch,
      personId: ids.person,
      category: 'formal',
      status: 'in_service',
      joinedOn: '2015-07-01',
    }),
    scopedBy: 'body',
  },
  'GET /api/members': { access: 'org.read', target: 'none' },
  'GET /api/organizations/:id/households': { access: 'org.read', target: 'organization' },
  'GET /api/members/:id': { access: 'org.read', target: 'member' },
  'PUT /api/members/:id/account': {
    access: 'org.write',
    target: 'member',
    body: () => ({ username: 'matrix-nobody' }),
  },
  'GET /api/me/member': { access: 'authenticated', target: 'none' },
  'GET /api/enterprises': { access: 'org.read', target: 'none' },
  'POST /api/enterprises': {
    access: 'org.write',
    target: 'none',
    body: (ids) => ({
      name: '矩阵测试公司',
      creditCode: '91350100M000100Y43',
      regionCode: ids.region,
    }),
    scopedBy: 'body',
  },
  'PUT /api/households/:id/care': {
    access: 'care.assign',
    target: 'household',
    body: (ids) => ({ memberId: ids.member }),
  },
  'DELETE /api/households/:id/care': { access: 'care.assign', target: 'household' },
  'GET /api/coverage/:code': { access: 'org.read', target: 'region' },
  'GET /api/coverage/:code/uncovered': { access: 'org.read', target: 'region' },
  'GET /api/coverage/:code/buildings-without-branch': { access: 'org.read', target: 'region' },
  'GET /api/coverage/:code/enterprises-without-organization': { access: 'org.read', target: 'region' },
};
