import type { MatrixRows } from './types.js';

/** 帮扶结对 and 村集体经济组织: pairings, coverage, collectives, dividend runs. */
export const PAIRINGS_ROUTES: MatrixRows = {
  // Pairings (src/server/modules/pairings; fixtures: pairings/testing.ts)
  'GET /api/pairings': { access: 'pairing.read', target: 'none', scopedBy: { query: 'region' } },
  'POST /api/pairings': {
    access: 'pairing.manage',
    target: 'none',
    body: (ids) => ({
      helperKind: 'member',
      helperId: ids.member,
      targetKind: 'household',
      targetId: ids.household,
      goals: '矩阵帮扶目标',
      startedOn: '2026-01-05',
    }),
    scopedBy: 'body',
  },
  'GET /api/pairings/:id': { access: 'pairing.read', target: 'pairing' },
  'POST /api/pairings/:id/contacts': {
    access: 'pairing.manage',
    target: 'pairing',
    body: () => ({ contactedOn: '2026-01-05', method: 'visit', note: '矩阵走访' }),
  },
  'POST /api/pairings/:id/supports': {
    access: 'pairing.manage',
    target: 'pairing',
    body: () => ({ givenOn: '2026-01-05', kind: 'goods', description: '矩阵物资' }),
  },
  'POST /api/pairings/:id/outcomes': {
    access: 'pairing.manage',
    target: 'pairing',
    body: () => ({ achievedOn: '2026-01-05', description: '矩阵成效' }),
  },
  'POST /api/pairings/:id/end': {
    access: 'pairing.manage',
    target: 'pairing',
    body: () => ({ reason: 'other', note: '矩阵结束', endedOn: '2026-01-05' }),
  },
  'GET /api/pairing-coverage': { access: 'pairing.read', target: 'none', scopedBy: { query: 'region' } },
  'GET /api/pairing-coverage/uncovered': {
    access: 'pairing.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'GET /api/pairing-totals': { access: 'pairing.read', target: 'none', scopedBy: { query: 'region' } },

  // Collectives (src/server/modules/collectives; fixtures: collectives/testing.ts)
  'GET /api/collectives': { access: 'collective.read', target: 'none', scopedBy: { query: 'region' } },
  'POST /api/collectives': {
    access: 'collective.manage',
    target: 'none',
    body: (ids) => ({ regionCode: ids.region, name: '矩阵合作社', retentionBp: 1000 }),
    scopedBy: 'body',
  },
  'GET /api/collectives/:id': { access: 'collective.read', target: 'collective' },
  'GET /api/collectives/:id/shareholders': { access: 'collective.read', target: 'collective' },
  'POST /api/collectives/:id/shareholders': {
    access: 'collective.manage',
    target: 'collective',
    body: (ids) => ({ personId: ids.person, shares: 1 }),
  },
  'POST /api/collectives/:id/incomes': {
    access: 'collective.manage',
    target: 'collective',
    body: () => ({ year: 2025, amountFen: 100, source: '矩阵收入', receivedOn: '2025-03-01' }),
  },
  'POST /api/collectives/:id/dividend-runs': {
    access: 'collective.manage',
    target: 'collective',
    body: () => ({ year: 2025 }),
  },
  'GET /api/dividend-runs/:id': { access: 'collective.read', target: 'dividend_run' },
  'POST /api/dividend-runs/:id/approve': { access: 'collective.manage', target: 'dividend_run' },
  'GET /api/dividend-runs/:id/payouts': { access: 'collective.read', target: 'dividend_run' },
  'GET /api/dividend-runs/:id/payouts.xlsx': { access: 'collective.read', target: 'dividend_run' },
};
