import type { MatrixRows } from './types.js';

/** 党员积分 (src/server/modules/points; fixtures: the matrix world's members and organizations). */
export const POINTS_ROUTES: MatrixRows = {
  // One's own points: a member's account finds its member, any other answers 404.
  'GET /api/points/me': { access: 'authenticated', target: 'none' },
  'GET /api/districts/:district/points-rules': { access: 'points.read', target: 'none' },
  'PUT /api/districts/:district/points-rules': {
    access: 'points.manage',
    target: 'global',
    body: () => ({
      rules: [{ sourceKind: 'visits', points: 1, yearlyCap: 50, active: true }],
    }),
  },
  'POST /api/points/accrue': {
    access: 'points.manage',
    target: 'global',
    body: () => ({ district: '230108', year: 2026 }),
  },
  'GET /api/organizations/:id/points': { access: 'points.read', target: 'organization' },
  'GET /api/members/:id/points': { access: 'points.read', target: 'member' },
  'POST /api/members/:id/points': {
    access: 'points.manage',
    target: 'member',
    body: () => ({ points: 5, reason: '矩阵：带头参加社区清雪' }),
  },
};
