import type { MatrixRows } from './types.js';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const month = () => today().slice(0, 7);

/** 党费 and the fund ledger (src/server/modules/funds; fixtures: funds/testing.ts). */
export const FUNDS_ROUTES: MatrixRows = {
  'GET /api/organizations/:id/fund-accounts': { access: 'fund.read', target: 'organization' },
  'POST /api/organizations/:id/fund-ledger': { access: 'fund.write', target: 'organization' },
  'POST /api/organizations/:id/fund-accounts': {
    access: 'fund.write',
    target: 'organization',
    body: () => ({ code: '4199', name: '矩阵科目', type: 'income', fund: 'donation', restricted: false }),
  },
  'GET /api/organizations/:id/fund-vouchers': { access: 'fund.read', target: 'organization' },
  'POST /api/organizations/:id/fund-vouchers': {
    access: 'fund.write',
    target: 'organization',
    body: (ids) => ({
      date: today(),
      summary: '矩阵凭证',
      kind: 'general',
      lines: [
        { accountId: ids.account, debitFen: 100, creditFen: 0 },
        { accountId: ids.otherAccount, debitFen: 0, creditFen: 100 },
      ],
    }),
  },
  'GET /api/fund-vouchers/:id': { access: 'fund.read', target: 'fund_voucher' },
  'POST /api/fund-vouchers/:id/approve': { access: 'fund.approve', target: 'fund_voucher', body: () => ({}) },
  'POST /api/fund-vouchers/:id/reject': {
    access: 'fund.approve',
    target: 'fund_voucher',
    body: () => ({ note: '矩阵退回' }),
  },
  'POST /api/fund-transfers': {
    access: 'fund.write',
    target: 'none',
    body: (ids) => ({
      fromOrganizationId: ids.organization,
      toOrganizationId: ids.branch,
      amountFen: 100,
      date: today(),
      summary: '矩阵划拨',
    }),
    scopedBy: 'body',
  },
  'GET /api/organizations/:id/fund-periods': { access: 'fund.read', target: 'organization' },
  'POST /api/organizations/:id/fund-periods/:month/close': { access: 'fund.approve', target: 'organization' },
  'GET /api/organizations/:id/fund-statement': { access: 'fund.read', target: 'organization' },
  'GET /api/organizations/:id/fund-report.xlsx': { access: 'fund.read', target: 'organization' },
  'GET /api/districts/:district/fund-settings': { access: 'fund.read', target: 'none' },
  'PUT /api/districts/:district/fund-settings': {
    access: 'fund.approve',
    target: 'global',
    body: () => ({ approvalThresholdFen: 100_000 }),
  },
  'GET /api/public/organizations/:id/fund-disclosure': { access: 'public', target: 'none' },
  'POST /api/dues/calculate': {
    access: 'dues.read',
    target: 'none',
    body: () => ({ category: 'in_service', incomeFen: 500_000 }),
  },
  'GET /api/members/:id/dues': { access: 'dues.read', target: 'member' },
  'PUT /api/members/:id/dues-base': {
    access: 'dues.write',
    target: 'member',
    body: () => ({ category: 'in_service', incomeFen: 500_000, effectiveMonth: month() }),
  },
  'POST /api/members/:id/dues-payments': {
    access: 'dues.write',
    target: 'member',
    body: () => ({ months: [month()], paidOn: today() }),
  },
  'GET /api/me/dues': { access: 'authenticated', target: 'none' },
  'POST /api/me/dues-payments': {
    access: 'authenticated',
    target: 'none',
    body: () => ({ months: [month()], paidOn: today() }),
  },
  // Lists members of the caller's subtree only; its `organization` filter is an id, not a region.
  'GET /api/dues-arrears': { access: 'dues.read', target: 'none' },
  'POST /api/dues-arrears/notify': { access: 'dues.write', target: 'none' },
};
