import type { MatrixRows } from './types.js';

const reason = () => ({ reason: '矩阵检查的理由' });

/** 创业担保贷款: applications, the one-stop workflow, repayments, totals, the district's settings. */
export const LOANS_ROUTES: MatrixRows = {
  // Loans (src/server/modules/loans; fixtures: loans/testing.ts)
  'GET /api/loan-applications': { access: 'loan.read', target: 'none', scopedBy: { query: 'region' } },
  'GET /api/loan-totals': { access: 'loan.read', target: 'none', scopedBy: { query: 'region' } },
  'GET /api/persons/:id/loan-prefill': { access: 'loan.apply', target: 'person' },
  'POST /api/loan-guidance': {
    access: 'loan.apply',
    target: 'none',
    body: (ids) => ({ personId: ids.person, attendedOn: '2026-01-05', topic: '矩阵辅导' }),
    scopedBy: 'body',
  },
  'POST /api/loan-applications': {
    access: 'loan.apply',
    target: 'none',
    body: (ids) => ({
      personId: ids.person,
      amountFen: 5_000_000,
      termMonths: 12,
      purpose: '矩阵用途',
      business: '矩阵经营',
      repaymentMethod: 'equal_instalment',
    }),
    scopedBy: 'body',
  },
  'GET /api/loan-applications/:id': { access: 'loan.read', target: 'loan_application' },
  'POST /api/loan-applications/:id/documents': {
    access: 'loan.apply',
    target: 'loan_application',
    body: () => ({ item: '身份证', ticked: true }),
  },
  'POST /api/loan-applications/:id/accept': {
    access: 'loan.review',
    target: 'loan_application',
    body: () => ({}),
  },
  'POST /api/loan-applications/:id/community-approve': {
    access: 'loan.review',
    target: 'loan_application',
    body: () => ({}),
  },
  'POST /api/loan-applications/:id/community-reject': {
    access: 'loan.review',
    target: 'loan_application',
    body: reason,
  },
  'POST /api/loan-applications/:id/centre-approve': {
    access: 'loan.guarantee',
    target: 'loan_application',
    body: () => ({}),
  },
  'POST /api/loan-applications/:id/centre-reject': {
    access: 'loan.guarantee',
    target: 'loan_application',
    body: reason,
  },
  'POST /api/loan-applications/:id/bank-reject': {
    access: 'loan.bank',
    target: 'loan_application',
    body: reason,
  },
  'POST /api/loan-applications/:id/disburse': {
    access: 'loan.bank',
    target: 'loan_application',
    body: () => ({ disbursedOn: '2026-01-05', bankName: '矩阵银行', contractNo: 'JZ-001' }),
  },
  'POST /api/loan-applications/:id/withdraw': {
    access: 'loan.apply',
    target: 'loan_application',
    body: reason,
  },
  'POST /api/loan-applications/:id/repayments': {
    access: 'loan.bank',
    target: 'loan_application',
    body: () => ({ amountFen: 100, paidOn: '2026-01-05' }),
  },
  'POST /api/loan-applications/:id/hardship': {
    access: 'loan.review',
    target: 'loan_application',
    body: () => ({ pause: true, reason: '矩阵困难' }),
  },
  'GET /api/districts/:district/loan-settings': { access: 'loan.read', target: 'none' },
  'PUT /api/districts/:district/loan-settings': {
    access: 'loan.settings',
    target: 'global',
    body: () => ({
      maxAmountFen: 30_000_000,
      maxTermMonths: 36,
      annualRateBp: 345,
      subsidyShareBp: 5000,
      requiredDocuments: ['身份证'],
      stepDays: { submitted: 3, community_review: 5, centre_review: 7, bank_approval: 10 },
    }),
  },
};
