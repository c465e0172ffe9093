import type { MatrixRows } from './types.js';

/** Staff sign-in and accounts. */
export const ACCOUNTS_ROUTES: MatrixRows = {
  'POST /api/auth/login': { access: 'public', target: 'none' },
  'POST /api/auth/logout': { access: 'authenticated', target: 'none', selfAffecting: true },
  'GET /api/auth/me': { access: 'authenticated', target: 'none' },
  'POST /api/auth/password': { access: 'authenticated', target: 'none', selfAffecting: true },
  'GET /api/roles': { access: 'authenticated', target: 'none' },
  'GET /api/users': { access: 'user.read', target: 'none' },
  'POST /api/users': {
    access: 'user.manage',
    target: 'none',
    body: (ids) => ({
      username: `matrix${Math.random().toString(36).slice(2, 9)}`,
      password: 'Matrix-Pass-2026x',
      displayName: '矩阵测试',
      regionCode: ids.region,
    }),
    scopedBy: 'body',
  },
  'GET /api/users/:id': { access: 'user.read', target: 'user' },
  'PATCH /api/users/:id': {
    access: 'user.manage',
    target: 'user',
    body: () => ({ displayName: '矩阵测试改名' }),
  },
  'POST /api/users/:id/password': {
    access: 'user.manage',
    target: 'user',
    body: () => ({ password: 'Matrix-Reset-2026x' }),
  },
  'DELETE /api/users/:id/sessions': { access: 'user.manage', target: 'user' },
  'POST /api/users/:id/roles': {
    access: 'user.manage',
    target: 'user',
    body: (ids) => ({ role: 'grid_worker', regionCode: ids.region }),
  },
  'DELETE /api/users/:id/roles/:assignmentId': { access: 'user.manage', target: 'user' },
};
