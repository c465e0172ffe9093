import { randomUUID } from 'node:crypto';
import type { MatrixRows } from './types.js';

/** A visit that just happened: a fresh idempotency key each call, so no row collides with another. */
const visitNow = () => ({
  idempotencyKey: randomUUID(),
  startedAt: new Date(Date.now() - 3600_000).toISOString(),
  endedAt: new Date(Date.now() - 3000_000).toISOString(),
});

/** Visits (大走访). */
export const VISITS_ROUTES: MatrixRows = {
  // 大走访 (visits): recording is open to staff; the service decides by visit.record scope or by
  // the households a campaign or care pairing gave the caller (members).
  'GET /api/visit-campaigns': { access: 'visit.read', target: 'none', scopedBy: { query: 'region' } },
  'POST /api/visit-campaigns': {
    access: 'visit.plan',
    target: 'none',
    body: (ids) => ({
      name: '矩阵走访',
      regionCode: ids.region,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      rule: 'every_household',
    }),
    scopedBy: 'body',
  },
  'GET /api/visit-campaigns/:id': { access: 'visit.read', target: 'visit_campaign' },
  'GET /api/visit-campaigns/:id/coverage': { access: 'visit.read', target: 'visit_campaign' },
  // The grid's map by visit state: the path names the grid (the matrix's region is a grid).
  'GET /api/visit-map/:code': { access: 'visit.read', target: 'region' },
  'POST /api/visit-campaigns/:id/assignments': {
    access: 'visit.plan',
    target: 'visit_campaign',
    body: (ids) => ({ householdIds: [ids.household], visitorUserId: null }),
  },
  'POST /api/visit-campaigns/:id/targets': {
    access: 'visit.plan',
    target: 'visit_campaign',
    body: (ids) => ({ targetVisits: 2, regionCode: ids.region }),
  },
  'POST /api/visit-campaigns/:id/close': { access: 'visit.plan', target: 'visit_campaign' },
  'POST /api/visits': {
    access: 'authenticated',
    target: 'none',
    scopePermission: 'visit.record',
    body: (ids) => ({ ...visitNow(), householdId: ids.household, method: 'home', outcome: 'met' }),
    scopedBy: 'body',
  },
  'POST /api/visits/not-home': {
    access: 'authenticated',
    target: 'none',
    scopePermission: 'visit.record',
    body: (ids) => ({
      householdIds: [ids.household],
      at: visitNow().startedAt,
      idempotencyKeys: [randomUUID()],
    }),
    scopedBy: 'body',
  },
  'GET /api/visits': { access: 'visit.read', target: 'none', scopedBy: { query: 'region' } },
  'GET /api/visits/:id': { access: 'visit.read', target: 'visit' },
  'GET /api/visit-households/:id': {
    access: 'authenticated',
    target: 'household',
    scopePermission: 'visit.read',
  },
  'GET /api/visit-targets': { access: 'visit.read', target: 'none', scopedBy: { query: 'region' } },
  'GET /api/me/visit-targets': { access: 'authenticated', target: 'none' },
  'POST /api/visit-needs/:id/order': { access: 'workorder.intake', target: 'visit_need' },
  'GET /api/visit-change-requests': {
    access: 'register.change_confirm',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'POST /api/visit-change-requests/:id/decision': {
    access: 'register.change_confirm',
    target: 'visit_change_request',
    body: () => ({ decision: 'reject', note: '矩阵' }),
  },
};
