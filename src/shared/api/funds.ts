import { z } from 'zod';
import { cursorParam, limitSchema, optionalParam } from './common.js';

/**
 * Dues (党费) and the organizations' fund ledger (党建经费, issue 14): request and response shapes
 * shared by the server's routes and the web. Money is integer fen; months are `YYYY-MM` and dates
 * `YYYY-MM-DD`, Beijing calendar.
 */

// ---------------------------------------------------------------- dues

/** Who pays by which rule: in service and retired by income bands, the rest the flat ¥0.20. */
export const DUES_CATEGORIES = ['in_service', 'retired', 'student', 'unemployed', 'low_income'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];

/** How far back a month may still be paid: the current month and the six before it. */
export const DUES_BACK_MONTHS = 6;
/** Unpaid months (up to last month) from which a member is listed as in arrears and the secretary told. */
export const DUES_ARREARS_MONTHS = 6;

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'dues.month_format');
const dateSchema = z.iso.date({ error: 'fund.date_format' });
const uuid = z.string().uuid('field.invalid');
const fen = (code: 'fund.amount_positive' | 'dues.income_range') => z.number({ error: code }).int(code);

export const duesCalculateBody = z.object({
  category: z.enum(DUES_CATEGORIES, { error: 'field.invalid_value' }),
  /** Monthly income after tax, in fen; ignored (may be 0) for the flat categories. */
  incomeFen: fen('dues.income_range').min(0, 'dues.income_range').max(100_000_000, 'dues.income_range'),
});
export type DuesCalculateBody = z.infer<typeof duesCalculateBody>;

export const duesCalculationSchema = z.object({
  category: z.enum(DUES_CATEGORIES),
  incomeFen: z.number().int(),
  /** The rate applied in basis points (50 = 0.5%); null for the flat amount. */
  rateBp: z.number().int().nullable(),
  monthlyFen: z.number().int(),
  /** Which band applied, e.g. `in_service.3000_5000`. */
  band: z.string(),
});
export type DuesCalculation = z.infer<typeof duesCalculationSchema>;

export const duesBaseBody = duesCalculateBody.extend({ effectiveMonth: monthSchema });

export const duesPaymentBody = z.object({
  months: z.array(monthSchema).min(1, 'dues.months_required').max(12, 'dues.months_too_many'),
  paidOn: dateSchema,
  /**
   * Who handed the money over. Dues are the member's own: naming anybody else is refused
   * (`dues.proxy_forbidden`); left out, the payer is the member.
   */
  payerMemberId: uuid.optional(),
});
export type DuesPaymentBody = z.infer<typeof duesPaymentBody>;

export const myDuesPaymentBody = duesPaymentBody.extend({ memberId: uuid.optional() });

export const duesMonthSchema = z.object({
  month: z.string(),
  amountFen: z.number().int(),
  paidOn: z.string(),
  channel: z.enum(['self', 'recorded']),
  recordedBy: z.string().nullable(),
});
export const duesRecordSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  base: duesCalculationSchema.extend({ effectiveMonth: z.string(), setAt: z.string() }).nullable(),
  payments: z.array(duesMonthSchema),
  /** Months from joining (or the base's first month) to last month with nothing paid. */
  unpaidMonths: z.array(z.string()),
  /** The oldest month that may still be paid (back payment of at most six months). */
  earliestPayable: z.string(),
});
export type DuesRecord = z.infer<typeof duesRecordSchema>;

export const arrearsItemSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  regionCode: z.string(),
  lastPaidMonth: z.string().nullable(),
  unpaidCount: z.number().int(),
});
export const arrearsPageSchema = z.object({
  items: z.array(arrearsItemSchema),
  nextCursor: z.string().nullable(),
});
export const arrearsQuery = z.object({
  cursor: cursorParam,
  limit: limitSchema,
  organization: optionalParam(uuid),
});
export const arrearsNotifySchema = z.object({ notified: z.number().int(), members: z.number().int() });

// ---------------------------------------------------------------- ledger

export const ACCOUNT_TYPES = ['asset', 'liability', 'net_assets', 'income', 'expense'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
/** Which money an account keeps: the fiscal allocation (1% of revenue), dues, donations, or general. */
export const FUND_SOURCES = ['fiscal', 'dues', 'donation', 'general'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
export const VOUCHER_KINDS = ['income', 'spending', 'transfer', 'general'] as const;
export type VoucherKind = (typeof VOUCHER_KINDS)[number];
/** What money is spent on: awards, consolation of members in difficulty, allowances, transfers out. */
export const SPENDING_KINDS = [
  'award',
  'consolation',
  'allowance',
  'activity',
  'transfer_out',
  'other',
] as const;
export type SpendingKind = (typeof SPENDING_KINDS)[number];
export const VOUCHER_STATUSES = ['pending', 'posted', 'rejected'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];

/** The largest amount of one line: ¥100,000,000. */
export const MAX_LINE_FEN = 10_000_000_000;

export const accountSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(ACCOUNT_TYPES),
  fund: z.enum(FUND_SOURCES),
  restricted: z.boolean(),
  spendingKind: z.enum(SPENDING_KINDS).nullable(),
  /** On the account's normal side: debit for assets and expenses, credit for the rest. */
  balanceFen: z.number().int(),
});
export type FundAccount = z.infer<typeof accountSchema>;
export const accountListSchema = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  opened: z.boolean(),
  thresholdFen: z.number().int(),
  items: z.array(accountSchema),
});

export const accountBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{4,6}$/, 'fund.account_code'),
  name: z.string().trim().min(2, 'fund.account_name').max(60),
  type: z.enum(ACCOUNT_TYPES, { error: 'field.invalid_value' }),
  fund: z.enum(FUND_SOURCES, { error: 'field.invalid_value' }),
  restricted: z.boolean(),
  spendingKind: z.enum(SPENDING_KINDS, { error: 'field.invalid_value' }).optional(),
});

const lineAmount = z
  .number({ error: 'fund.amount_nonnegative' })
  .int('fund.amount_nonnegative')
  .min(0, 'fund.amount_nonnegative')
  .max(MAX_LINE_FEN, 'fund.amount_too_large');
export const voucherLineBody = z.object({
  accountId: uuid,
  debitFen: lineAmount,
  creditFen: lineAmount,
  memo: z.string().trim().max(100).optional(),
});
export const beneficiaryBody = z.object({
  memberId: uuid,
  amountFen: fen('fund.amount_positive')
    .min(1, 'fund.amount_positive')
    .max(MAX_LINE_FEN, 'fund.amount_too_large'),
});
export const voucherBody = z.object({
  date: dateSchema,
  summary: z.string().trim().min(2, 'fund.summary_required').max(200),
  kind: z.enum(VOUCHER_KINDS, { error: 'field.invalid_value' }),
  spendingKind: z.enum(SPENDING_KINDS, { error: 'field.invalid_value' }).optional(),
  attachmentCount: z
    .number({ error: 'fund.attachment_count' })
    .int('fund.attachment_count')
    .min(0, 'fund.attachment_count')
    .max(99, 'fund.attachment_count')
    .default(0),
  lines: z.array(voucherLineBody).min(2, 'fund.lines_min').max(50, 'fund.lines_max'),
  /** Members paid (consolation, allowances): kept for the ledger, never shown in the public view. */
  beneficiaries: z.array(beneficiaryBody).max(2000).optional(),
});
export type VoucherBody = z.infer<typeof voucherBody>;

export const transferBody = z.object({
  fromOrganizationId: uuid,
  toOrganizationId: uuid,
  amountFen: fen('fund.amount_positive')
    .min(1, 'fund.amount_positive')
    .max(MAX_LINE_FEN, 'fund.amount_too_large'),
  date: dateSchema,
  summary: z.string().trim().min(2, 'fund.summary_required').max(200),
});

export const decisionBody = z.object({ note: z.string().trim().max(200).optional() });
export const rejectVoucherBody = z.object({
  note: z.string().trim().min(2, 'fund.reason_required').max(200),
});

export const voucherLineSchema = z.object({
  accountId: z.string(),
  accountCode: z.string(),
  accountName: z.string(),
  debitFen: z.number().int(),
  creditFen: z.number().int(),
  memo: z.string(),
});
export const voucherSummarySchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  number: z.string(),
  period: z.string(),
  date: z.string(),
  summary: z.string(),
  kind: z.enum(VOUCHER_KINDS),
  spendingKind: z.enum(SPENDING_KINDS).nullable(),
  totalFen: z.number().int(),
  status: z.enum(VOUCHER_STATUSES),
  madeByName: z.string().nullable(),
  approvedByName: z.string().nullable(),
  transferId: z.string().nullable(),
  createdAt: z.string(),
});
export type VoucherSummary = z.infer<typeof voucherSummarySchema>;
export const voucherDetailSchema = voucherSummarySchema.extend({
  attachmentCount: z.number().int(),
  madeBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  note: z.string().nullable(),
  lines: z.array(voucherLineSchema),
  beneficiaryCount: z.number().int(),
  /** Whether the caller may approve it (pending, another person than the maker, fund.approve). */
  canApprove: z.boolean(),
});
export type VoucherDetail = z.infer<typeof voucherDetailSchema>;
export const voucherPageSchema = z.object({
  items: z.array(voucherSummarySchema),
  nextCursor: z.string().nullable(),
});
export const voucherListQuery = z.object({
  cursor: cursorParam,
  limit: limitSchema,
  status: optionalParam(z.enum(VOUCHER_STATUSES, { error: 'field.invalid_value' })),
  period: optionalParam(monthSchema),
});
export const transferResultSchema = z.object({
  transferId: z.string(),
  vouchers: z.array(voucherDetailSchema),
});

export const periodParams = z.object({ id: uuid, month: monthSchema });
export const periodSchema = z.object({
  period: z.string(),
  closed: z.boolean(),
  closedByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  posted: z.number().int(),
  pending: z.number().int(),
});
export const periodListSchema = z.object({ items: z.array(periodSchema) });

/** Without `from`/`to`: January of this year to this month. */
export const statementQuery = z.object({
  from: optionalParam(monthSchema),
  to: optionalParam(monthSchema),
  account: optionalParam(uuid),
});
export const statementRowSchema = z.object({
  accountId: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(ACCOUNT_TYPES),
  openingFen: z.number().int(),
  debitFen: z.number().int(),
  creditFen: z.number().int(),
  closingFen: z.number().int(),
});
export const statementEntrySchema = z.object({
  voucherId: z.string(),
  number: z.string(),
  date: z.string(),
  summary: z.string(),
  debitFen: z.number().int(),
  creditFen: z.number().int(),
  /** The account's balance after this entry, on its normal side. */
  balanceFen: z.number().int(),
});
export const statementSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(statementRowSchema),
  /** With `account`: that account's entries in the range, in posting order. */
  entries: z.array(statementEntrySchema),
});
export type Statement = z.infer<typeof statementSchema>;

/** Without `year`: this year. */
export const yearQuery = z.object({
  year: optionalParam(
    z.coerce
      .number({ error: 'fund.year_range' })
      .int('fund.year_range')
      .min(2000, 'fund.year_range')
      .max(2100, 'fund.year_range'),
  ),
});

export const fundSettingsSchema = z.object({
  districtCode: z.string(),
  approvalThresholdFen: z.number().int(),
  changedAt: z.string().nullable(),
  changedBy: z.string().nullable(),
});
export const fundSettingsBody = z.object({
  approvalThresholdFen: z
    .number({ error: 'fund.threshold_range' })
    .int('fund.threshold_range')
    .min(0, 'fund.threshold_range')
    .max(MAX_LINE_FEN, 'fund.threshold_range'),
});

/** The public view (党务公开): totals only, no names, no member of the payments. */
export const disclosureSchema = z.object({
  organizationName: z.string(),
  year: z.number().int(),
  incomeByFund: z.array(z.object({ fund: z.enum(FUND_SOURCES), amountFen: z.number().int() })),
  spendingByKind: z.array(
    z.object({ kind: z.enum(SPENDING_KINDS), amountFen: z.number().int(), vouchers: z.number().int() }),
  ),
  /** People helped by consolation payments (a count, never who). */
  consoledMembers: z.number().int(),
  balanceFen: z.number().int(),
  closedThrough: z.string().nullable(),
});
export type Disclosure = z.infer<typeof disclosureSchema>;
