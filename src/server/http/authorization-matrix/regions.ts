import type { MatrixRows } from './types.js';

/** Regions. */
export const REGIONS_ROUTES: MatrixRows = {
  'GET /api/regions': { access: 'region.read', target: 'none' },
  'GET /api/regions/search': { access: 'region.read', target: 'none' },
  'GET /api/regions/names': { access: 'region.read', target: 'none' },
  'GET /api/regions/:code': { access: 'region.read', target: 'region' },
  'GET /api/regions/:code/children': { access: 'region.read', target: 'region' },
  'POST /api/regions/:code/children': {
    access: 'region.write',
    target: 'region',
    body: () => ({ kind: 'grid', name: '矩阵网格' }),
  },
  'PATCH /api/regions/:code': {
    access: 'region.write',
    target: 'region',
    body: () => ({ name: '矩阵改名' }),
  },
  'DELETE /api/regions/:code': { access: 'region.write', target: 'region' },
  'GET /api/audit': { access: 'audit.read', target: 'none' },
};
