import type { MatrixRows } from './types.js';

/** 爱心银行 (time bank). */
export const TIMEBANK_ROUTES: MatrixRows = {
  'GET /api/timebank/accounts': { access: 'timebank.read', target: 'none' },
  'POST /api/timebank/accounts': {
    access: 'timebank.write',
    target: 'none',
    body: (ids) => ({ ownerKind: 'person', ownerId: ids.person }),
    scopedBy: 'body',
  },
  'GET /api/timebank/accounts/:id': { access: 'timebank.read', target: 'timebank_account' },
  'POST /api/timebank/transfers': {
    access: 'timebank.write',
    target: 'none',
    body: (ids) => ({ from: ids.account, to: ids.otherAccount, minutes: 1, memo: '矩阵测试' }),
    scopedBy: 'body',
  },
  'POST /api/timebank/transfers/:id/reverse': {
    access: 'timebank.write',
    target: 'timebank_transfer',
    body: () => ({ memo: '更正' }),
  },
  'POST /api/timebank/donations': {
    access: 'timebank.write',
    target: 'none',
    body: (ids) => ({ from: ids.account, minutes: 1 }),
    scopedBy: 'body',
  },
  'GET /api/timebank/limits': { access: 'timebank.read', target: 'none', scopedBy: { query: 'region' } },
  'PUT /api/districts/:district/timebank-limits': {
    access: 'timebank.settings',
    target: 'global',
    body: () => ({ ownerKind: 'person', floorMinutes: 0, ceilingMinutes: 60_000, starterGrantMinutes: 60 }),
  },
  'GET /api/timebank/posts': { access: 'timebank.read', target: 'none' },
  'POST /api/timebank/posts': {
    access: 'timebank.write',
    target: 'none',
    body: (ids) => ({
      kind: 'request',
      category: 'errands',
      title: '帮忙买菜',
      minutes: 1,
      accountId: ids.account,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
    scopedBy: 'body',
  },
  'POST /api/timebank/posts/:id/accept': {
    access: 'timebank.write',
    target: 'timebank_post',
    body: (ids) => ({ accountId: ids.otherAccount }),
  },
  'POST /api/timebank/posts/:id/confirm': { access: 'timebank.write', target: 'timebank_post' },
  'POST /api/timebank/posts/:id/cancel': { access: 'timebank.write', target: 'timebank_post' },
  'GET /api/timebank/items': { access: 'timebank.read', target: 'none' },
  'POST /api/timebank/items': {
    access: 'timebank.redeem',
    target: 'none',
    body: (ids) => ({ regionCode: ids.region, name: '大米 5 公斤', priceMinutes: 1, stock: 5 }),
    scopedBy: 'body',
  },
  'POST /api/timebank/items/:id/orders': {
    access: 'timebank.write',
    target: 'timebank_item',
    body: (ids) => ({ accountId: ids.account, quantity: 1 }),
  },
  'POST /api/timebank/redemptions': {
    access: 'timebank.redeem',
    target: 'none',
    body: () => ({ code: '000000' }),
  },
  // Statements, rankings, one's own account (statements.routes.ts).
  'GET /api/timebank/accounts/:id/statements/:month.xlsx': {
    access: 'timebank.read',
    target: 'timebank_account',
  },
  'GET /api/timebank/accounts/:id/statements/:month.pdf': {
    access: 'timebank.read',
    target: 'timebank_account',
  },
  'GET /api/timebank/rankings': {
    access: 'timebank.read',
    target: 'none',
    scopedBy: { query: 'region', also: 'from=2020-01&to=2020-12' },
  },
  // The caller's own account, found through their member link: no record named, nothing of others'.
  'GET /api/me/timebank': { access: 'authenticated', target: 'none' },
  'GET /api/me/timebank/statements/:month.xlsx': { access: 'authenticated', target: 'none' },
  'GET /api/me/timebank/statements/:month.pdf': { access: 'authenticated', target: 'none' },
  // The resident portal's time bank (portal-timebank.routes.ts): staff sessions are refused (401);
  // a resident's own account and community are covered by portal-timebank*.test.ts.
  'GET /api/portal/me/timebank': { access: 'resident', target: 'none' },
  'POST /api/portal/me/timebank/account': { access: 'resident', target: 'none' },
  'GET /api/portal/me/timebank/statements/:month.xlsx': { access: 'resident', target: 'none' },
  'GET /api/portal/me/timebank/statements/:month.pdf': { access: 'resident', target: 'none' },
  'GET /api/portal/me/timebank/posts': { access: 'resident', target: 'none' },
  'POST /api/portal/me/timebank/posts': { access: 'resident', target: 'none' },
  'POST /api/portal/me/timebank/posts/:id/accept': { access: 'resident', target: 'none' },
  'POST /api/portal/me/timebank/posts/:id/confirm': { access: 'resident', target: 'none' },
  'POST /api/portal/me/timebank/posts/:id/cancel': { access: 'resident', target: 'none' },
  'GET /api/portal/me/timebank/items': { access: 'resident', target: 'none' },
  'POST /api/portal/me/timebank/items/:id/orders': { access: 'resident', target: 'none' },
  'GET /api/portal/me/timebank/orders': { access: 'resident', target: 'none' },
};
