import type { MatrixRows } from './types.js';

/** An id that names nothing, for samples without an enterprise. */
const NOTHING = '0190a0b0-0000-7000-8000-00000000abcd';

/** 大项目 and 区厂共建: projects and their coverage, co-building units, venues and bookings, task forces. */
export const COBUILDING_ROUTES: MatrixRows = {
  // (src/server/modules/cobuilding; fixtures: cobuilding/testing.ts)
  'GET /api/projects': { access: 'cobuilding.read', target: 'none', scopedBy: { query: 'region' } },
  'POST /api/projects': {
    access: 'cobuilding.write',
    target: 'none',
    body: (ids) => ({ regionCode: ids.region, name: '矩阵大项目', startedOn: '2026-01-05' }),
    scopedBy: 'body',
  },
  'GET /api/projects/:id': { access: 'cobuilding.read', target: 'project' },
  'PATCH /api/projects/:id': {
    access: 'cobuilding.write',
    target: 'project',
    body: () => ({ status: 'producing' }),
  },
  'POST /api/projects/:id/enterprises': {
    access: 'cobuilding.write',
    target: 'project',
    body: (ids) => ({ enterpriseId: ids.enterprise ?? NOTHING }),
  },
  'POST /api/projects/:id/organizations': {
    access: 'cobuilding.write',
    target: 'project',
    body: (ids) => ({ organizationId: ids.branch, enterpriseIds: [] }),
  },
  'POST /api/projects/:id/enterprises/:enterpriseId/follow-up': {
    access: 'cobuilding.write',
    target: 'project',
    body: () => ({ note: '请街道党工委跟进' }),
  },
  'GET /api/project-coverage': { access: 'cobuilding.read', target: 'none', scopedBy: { query: 'region' } },
  'GET /api/cobuilding-units': { access: 'cobuilding.read', target: 'none', scopedBy: { query: 'region' } },
  'POST /api/cobuilding-units': {
    access: 'cobuilding.write',
    target: 'none',
    body: (ids) => ({ regionCode: ids.region, name: '矩阵共建单位', kind: 'school' }),
    scopedBy: 'body',
  },
  'GET /api/cobuilding-units/:id': { access: 'cobuilding.read', target: 'cobuilding_unit' },
  'POST /api/cobuilding-units/:id/members': {
    access: 'cobuilding.write',
    target: 'cobuilding_unit',
    body: (ids) => ({ memberId: ids.member }),
  },
  'POST /api/cobuilding-units/:id/activities': {
    access: 'cobuilding.write',
    target: 'cobuilding_unit',
    body: () => ({ area: '社区环境', title: '矩阵共建活动', heldOn: '2026-01-05' }),
  },
  'POST /api/cobuilding-units/:id/venues': {
    access: 'cobuilding.write',
    target: 'cobuilding_unit',
    body: () => ({ name: '矩阵活动室', capacity: 30, opensAt: '08:00', closesAt: '20:00' }),
  },
  'GET /api/venues': { access: 'cobuilding.read', target: 'none' },
  'GET /api/venues/:id/bookings': { access: 'cobuilding.read', target: 'venue' },
  'POST /api/venues/:id/bookings': {
    access: 'cobuilding.write',
    target: 'venue',
    body: () => ({
      startsAt: '2030-01-07T10:00:00+08:00',
      endsAt: '2030-01-07T11:00:00+08:00',
      purpose: '矩阵预约',
      attendees: 10,
    }),
  },
  'POST /api/venue-bookings/:id/cancel': {
    access: 'cobuilding.write',
    target: 'venue_booking',
    body: () => ({ reason: '矩阵取消' }),
  },
  'GET /api/task-forces': { access: 'cobuilding.read', target: 'none', scopedBy: { query: 'region' } },
  'POST /api/task-forces': {
    access: 'cobuilding.write',
    target: 'none',
    body: (ids) => ({
      regionCode: ids.region,
      name: '矩阵攻坚队',
      kind: 'vanguard_team',
      purpose: '矩阵攻坚',
      startsOn: '2026-01-01',
    }),
    scopedBy: 'body',
  },
  'GET /api/task-forces/:id': { access: 'cobuilding.read', target: 'task_force' },
  'POST /api/task-forces/:id/secondments': {
    access: 'cobuilding.write',
    target: 'task_force',
    body: (ids) => ({ memberId: ids.member, fromOn: '2026-01-05' }),
  },
  'POST /api/task-forces/:id/results': {
    access: 'cobuilding.write',
    target: 'task_force',
    body: () => ({ onDay: '2026-01-06', text: '矩阵攻坚成果' }),
  },
};
