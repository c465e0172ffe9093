import { beijingMonth } from './sample-bodies.js';
import type { MatrixRows } from './types.js';

/** Member workflows. */
export const MEMBER_WORKFLOWS_ROUTES: MatrixRows = {
  'GET /api/me/registration': { access: 'authenticated', target: 'none' },
  'POST /api/me/registration': { access: 'authenticated', target: 'none' },
  'GET /api/registrations': {
    access: 'org.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'GET /api/registrations/summary': {
    access: 'org.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'POST /api/registrations/:id/decision': {
    access: 'org.write',
    target: 'registration',
    body: () => ({ decision: 'reject', note: '矩阵测试' }),
  },
  'POST /api/transfers': {
    access: 'org.write',
    target: 'none',
    body: (ids) => ({
      memberId: ids.member,
      toOrganizationId: ids.otherBranch,
      duesPaidUntil: beijingMonth(),
      letterValidDays: 30,
    }),
    scopedBy: 'body',
  },
  'GET /api/transfers': { access: 'org.read', target: 'none' },
  'POST /api/transfers/expire': { access: 'org.write', target: 'none' },
  'GET /api/transfers/:id': { access: 'org.read', target: 'transfer' },
  'POST /api/transfers/:id/actions': {
    access: 'org.write',
    target: 'transfer',
    body: () => ({ action: 'reject', note: '矩阵测试' }),
  },
  'POST /api/members/:id/commitments': {
    access: 'authenticated',
    target: 'own_member',
    body: () => ({ year: new Date().getUTCFullYear(), content: '矩阵测试承诺' }),
  },
  'GET /api/me/commitments': { access: 'authenticated', target: 'none' },
  'POST /api/commitments/:id/progress': {
    access: 'authenticated',
    target: 'own_commitment',
    body: () => ({ progress: 10, note: '矩阵测试' }),
  },
  'POST /api/commitments/:id/ratings': {
    access: 'org.read',
    target: 'commitment',
    body: () => ({ rating: 'satisfied' }),
  },
  'GET /api/commitments': {
    access: 'org.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'GET /api/commitments/:id': { access: 'org.read', target: 'commitment' },
  'POST /api/commendations': {
    access: 'org.write',
    target: 'none',
    body: (ids) => ({
      year: new Date().getUTCFullYear() - 1,
      title: '优秀党员',
      subjectType: 'member',
      subjectId: ids.member,
    }),
    scopedBy: 'body',
  },
  'GET /api/commendations': {
    access: 'org.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
};
