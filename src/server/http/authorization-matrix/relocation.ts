import type { MatrixRows } from './types.js';

/** 易地搬迁: relocation cases and their steps, disputes, resettlement communities, totals. */
export const RELOCATION_ROUTES: MatrixRows = {
  // (src/server/modules/relocation; fixtures: relocation/testing.ts)
  'GET /api/relocation-cases': { access: 'relocation.read', target: 'none', scopedBy: { query: 'region' } },
  'POST /api/relocation-cases': {
    access: 'relocation.write',
    target: 'none',
    body: (ids) => ({
      subject: 'household',
      subjectId: ids.household,
      program: 'land',
      landAreaDm2: 50_000,
      houseAreaDm2: 9_000,
      surveyedOn: '2026-01-05',
    }),
    scopedBy: 'body',
  },
  'GET /api/relocation-cases/:id': { access: 'relocation.read', target: 'relocation_case' },
  'POST /api/relocation-cases/:id/agree': {
    access: 'relocation.write',
    target: 'relocation_case',
    body: () => ({ compensationFen: 10_000_000, agreedOn: '2026-01-06' }),
  },
  'POST /api/relocation-cases/:id/pay': {
    access: 'relocation.write',
    target: 'relocation_case',
    body: () => ({ paidOn: '2026-01-07' }),
  },
  'POST /api/relocation-cases/:id/move': {
    access: 'relocation.write',
    target: 'relocation_case',
    body: () => ({ movedOn: '2026-01-08' }),
  },
  'POST /api/relocation-cases/:id/resettle': {
    access: 'relocation.write',
    target: 'relocation_case',
    body: () => ({
      resettlementId: '0190a0b0-0000-7000-8000-000000000000',
      unit: '1-1-101',
      resettledOn: '2026-01-09',
    }),
  },
  'POST /api/relocation-cases/:id/withdraw': {
    access: 'relocation.write',
    target: 'relocation_case',
    body: () => ({ reason: '矩阵撤销', withdrawnOn: '2026-01-09' }),
  },
  'POST /api/relocation-cases/:id/disputes': {
    access: 'relocation.write',
    target: 'relocation_case',
    body: () => ({ description: '对房屋面积认定有异议' }),
  },
  // A case of any place is resettled in any of its district's communities: the list is the district's.
  'GET /api/resettlement-communities': {
    access: 'relocation.read',
    target: 'none',
    listsWholeDistrict: true,
  },
  'POST /api/resettlement-communities': {
    access: 'relocation.write',
    target: 'none',
    body: (ids) => ({ regionCode: ids.region, name: '矩阵安置小区', capacityUnits: 10 }),
    scopedBy: 'body',
  },
  'PATCH /api/resettlement-communities/:id': {
    access: 'relocation.write',
    target: 'resettlement_community',
    body: () => ({ capacityUnits: 100 }),
  },
  'GET /api/relocation-totals': { access: 'relocation.read', target: 'none', scopedBy: { query: 'region' } },
};
