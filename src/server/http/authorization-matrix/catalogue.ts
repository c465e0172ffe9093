import type { MatrixRows } from './types.js';

/** Catalogue, calendar, hotlines, Open311 keys. */
export const CATALOGUE_ROUTES: MatrixRows = {
  'GET /api/service-categories': { access: 'authenticated', target: 'none' },
  'POST /api/service-categories': {
    access: 'catalogue.manage',
    target: 'global',
    body: () => ({
      code: 'matrix',
      name: '矩阵测试',
      handlerKind: 'community',
      signHours: 4,
      resolveDays: 3,
    }),
  },
  'PATCH /api/service-categories/:code': {
    access: 'catalogue.manage',
    target: 'global',
    body: () => ({ description: '矩阵测试' }),
  },
  'GET /api/calendar': { access: 'authenticated', target: 'none' },
  'PUT /api/calendar/:date': {
    access: 'catalogue.manage',
    target: 'global',
    body: () => ({ kind: 'holiday', name: '矩阵测试' }),
  },
  'DELETE /api/calendar/:date': { access: 'catalogue.manage', target: 'global' },
  // A district's own settings: only admins over the whole district (the fixture's roles sit at a
  // community, so they are refused like on the shared settings; another district's admin gets 404,
  // tested in district-catalogue.test.ts).
  'PUT /api/districts/:district/calendar/:date': {
    access: 'catalogue.manage',
    target: 'global',
    body: () => ({ kind: 'holiday', name: '矩阵测试' }),
  },
  'DELETE /api/districts/:district/calendar/:date': { access: 'catalogue.manage', target: 'global' },
  'PUT /api/districts/:district/service-categories/:code': {
    access: 'catalogue.manage',
    target: 'global',
    body: () => ({ active: true }),
  },
  // A hotline number is public and any operator of the district may take a call on it.
  'GET /api/hotlines': { access: 'workorder.read', target: 'none', listsWholeDistrict: true },
  'POST /api/hotlines': {
    access: 'catalogue.manage',
    target: 'none',
    body: (ids) => ({
      number: `0451-${Math.floor(1000 + Math.random() * 8999)}`,
      name: '矩阵热线',
      regionCode: ids.region,
    }),
    scopedBy: 'body',
  },
  'PATCH /api/hotlines/:id': {
    access: 'catalogue.manage',
    target: 'hotline',
    body: () => ({ active: true }),
  },
  'GET /api/open311/keys': { access: 'catalogue.manage', target: 'none' },
  'POST /api/open311/keys': {
    access: 'catalogue.manage',
    target: 'none',
    body: (ids) => ({ name: `矩阵客户端${Math.random().toString(36).slice(2, 7)}`, regionCode: ids.region }),
    scopedBy: 'body',
  },
  'POST /api/open311/keys/:id/revoke': { access: 'catalogue.manage', target: 'open311_key' },
};
