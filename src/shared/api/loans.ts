import { z } from 'zod';
import { auditReasonSchema, cursorParam, limitSchema, optionalParam, regionCodeSchema } from './common.js';

/**
 * The start-up loan guarantee workflow (创业担保贷款): request and response shapes shared by the
 * server's routes and the web (which parses every answer with them). Money is integer fen, rates
 * and shares are basis points (1% = 100), dates are Beijing calendar dates (YYYY-MM-DD).
 */

export const LOAN_STATUSES = [
  'submitted',
  'community_review',
  'centre_review',
  'bank_approval',
  'disbursed',
  'repaying',
  'closed',
  'rejected',
  'withdrawn',
] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

/** The steps that wait on somebody and so carry a deadline from the district's settings. */
export const LOAN_TIMED_STEPS = ['submitted', 'community_review', 'centre_review', 'bank_approval'] as const;
export type LoanTimedStep = (typeof LOAN_TIMED_STEPS)[number];

/** Each named action of the workflow (one route each; see loan-rules.ts on the server). */
export const LOAN_ACTIONS = [
  'accept',
  'community_approve',
  'community_reject',
  'centre_approve',
  'centre_reject',
  'bank_reject',
  'disburse',
  'withdraw',
] as const;
export type LoanAction = (typeof LOAN_ACTIONS)[number];

export const REPAYMENT_METHODS = ['equal_instalment', 'equal_principal'] as const;
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number];

/** Days past the oldest unpaid due date, in the buckets a guarantee centre reports. */
export const DELINQUENCY_BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type DelinquencyBucket = (typeof DELINQUENCY_BUCKETS)[number];

/** The most any district may configure: the national cap for an individual is ¥300,000 / 3 years. */
export const LOAN_HARD_MAX_FEN = 300_000_000;
export const LOAN_HARD_MAX_MONTHS = 120;

const uuid = z.string().uuid('field.invalid');
const dateSchema = z.iso.date({ error: 'loan.date_format' });

export const loanSettingsSchema = z.object({
  districtCode: z.string(),
  maxAmountFen: z.number().int(),
  maxTermMonths: z.number().int(),
  annualRateBp: z.number().int(),
  subsidyShareBp: z.number().int(),
  requiredDocuments: z.array(z.string()),
  stepDays: z.object({
    submitted: z.number().int(),
    community_review: z.number().int(),
    centre_review: z.number().int(),
    bank_approval: z.number().int(),
  }),
  changedAt: z.string().nullable(),
  changedBy: z.string().nullable(),
});
export type LoanSettings = z.infer<typeof loanSettingsSchema>;
export const loanSettingsAnswerSchema = z.object({
  current: loanSettingsSchema,
  changes: z.array(loanSettingsSchema),
});

const stepDays = z
  .number({ error: 'loan.step_days' })
  .int('loan.step_days')
  .min(1, 'loan.step_days')
  .max(90, 'loan.step_days');
export const loanSettingsBody = z
  .object({
    maxAmountFen: z
      .number({ error: 'loan.amount_positive' })
      .int('loan.amount_positive')
      .min(100_000, 'loan.max_amount_range')
      .max(LOAN_HARD_MAX_FEN, 'loan.max_amount_range'),
    maxTermMonths: z
      .number({ error: 'loan.term_range' })
      .int('loan.term_range')
      .min(1, 'loan.term_range')
      .max(LOAN_HARD_MAX_MONTHS, 'loan.term_range'),
    annualRateBp: z
      .number({ error: 'loan.rate_range' })
      .int('loan.rate_range')
      .min(0, 'loan.rate_range')
      .max(2400, 'loan.rate_range'),
    subsidyShareBp: z
      .number({ error: 'loan.share_range' })
      .int('loan.share_range')
      .min(0, 'loan.share_range')
      .max(10_000, 'loan.share_range'),
    requiredDocuments: z.array(z.string().trim().min(1, 'field.required').max(40)).max(20),
    stepDays: z.object({
      submitted: stepDays,
      community_review: stepDays,
      centre_review: stepDays,
      bank_approval: stepDays,
    }),
  })
  .strict();
export const districtParams = z.object({ district: z.string().regex(/^\d{6}$/, 'field.region_code') });

/** What the register knows of an applicant: shown masked, never beside what rebuilds the mask. */
export const loanPrefillSchema = z.object({
  personId: z.string(),
  name: z.string(),
  idNumber: z.string(),
  phone: z.string().nullable(),
  householdId: z.string().nullable(),
  address: z.string(),
  regionCode: z.string(),
  guided: z.boolean(),
  settings: loanSettingsSchema,
});

export const guidanceBody = z.object({
  personId: uuid,
  attendedOn: dateSchema,
  topic: z.string().trim().min(1, 'field.required').max(100),
});
export const guidanceSchema = z.object({
  id: z.string(),
  personId: z.string(),
  attendedOn: z.string(),
  topic: z.string(),
});

export const createLoanBody = z.object({
  personId: uuid,
  amountFen: z
    .number({ error: 'loan.amount_positive' })
    .int('loan.amount_positive')
    .min(1, 'loan.amount_positive'),
  termMonths: z.number({ error: 'loan.term_range' }).int('loan.term_range').min(1, 'loan.term_range'),
  purpose: z.string().trim().min(2, 'loan.purpose_required').max(200),
  business: z.string().trim().min(2, 'loan.business_required').max(200),
  repaymentMethod: z.enum(REPAYMENT_METHODS, { error: 'field.invalid_value' }),
});
export type CreateLoanBody = z.infer<typeof createLoanBody>;

/** A refusal (reject) needs its reason; an approval may carry a note. */
export const decisionBody = z.object({ reason: auditReasonSchema.optional() });
export const rejectBody = z.object({ reason: auditReasonSchema });
export const disburseBody = z.object({
  disbursedOn: dateSchema,
  bankName: z.string().trim().min(2, 'loan.bank_required').max(60),
  contractNo: z.string().trim().min(2, 'loan.contract_required').max(60),
});
export const documentBody = z.object({
  item: z.string().trim().min(1, 'field.required').max(40),
  ticked: z.boolean(),
});
export const repaymentBody = z.object({
  amountFen: z
    .number({ error: 'loan.amount_positive' })
    .int('loan.amount_positive')
    .min(1, 'loan.amount_positive'),
  paidOn: dateSchema,
});
export const hardshipBody = z.object({ pause: z.boolean(), reason: auditReasonSchema });

export const loanEventSchema = z.object({
  id: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export const loanDocumentSchema = z.object({
  item: z.string(),
  ticked: z.boolean(),
  tickedBy: z.string().nullable(),
  tickedAt: z.string().nullable(),
});
export const instalmentSchema = z.object({
  seq: z.number().int(),
  dueOn: z.string(),
  principalFen: z.number().int(),
  borrowerInterestFen: z.number().int(),
  subsidyInterestFen: z.number().int(),
  paidFen: z.number().int(),
  paidOn: z.string().nullable(),
});
export const repaymentSchema = z.object({ id: z.string(), amountFen: z.number().int(), paidOn: z.string() });
export const pauseSchema = z.object({
  id: z.string(),
  reason: z.string(),
  fromOn: z.string(),
  toOn: z.string().nullable(),
});

export const loanSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  personId: z.string(),
  name: z.string(),
  regionCode: z.string(),
  amountFen: z.number().int(),
  termMonths: z.number().int(),
  status: z.enum(LOAN_STATUSES),
  stepDueOn: z.string().nullable(),
  overdue: z.boolean(),
  bucket: z.enum(DELINQUENCY_BUCKETS),
  daysPastDue: z.number().int(),
  paused: z.boolean(),
  createdAt: z.string(),
});
export type LoanSummary = z.infer<typeof loanSummarySchema>;
export const loanPageSchema = z.object({
  items: z.array(loanSummarySchema),
  nextCursor: z.string().nullable(),
});

export const loanDetailSchema = loanSummarySchema.extend({
  idNumber: z.string(),
  phone: z.string().nullable(),
  householdId: z.string().nullable(),
  purpose: z.string(),
  business: z.string(),
  repaymentMethod: z.enum(REPAYMENT_METHODS),
  annualRateBp: z.number().int().nullable(),
  subsidyShareBp: z.number().int().nullable(),
  bankName: z.string().nullable(),
  contractNo: z.string().nullable(),
  disbursedOn: z.string().nullable(),
  escalatedRegionCode: z.string().nullable(),
  followUpOrderId: z.string().nullable(),
  documents: z.array(loanDocumentSchema),
  events: z.array(loanEventSchema),
  instalments: z.array(instalmentSchema),
  repayments: z.array(repaymentSchema),
  pauses: z.array(pauseSchema),
  outstandingFen: z.number().int(),
});
export type LoanDetail = z.infer<typeof loanDetailSchema>;

export const loanListQuery = z.object({
  cursor: cursorParam,
  limit: limitSchema,
  status: optionalParam(z.enum(LOAN_STATUSES, { error: 'field.invalid_value' })),
  overdue: optionalParam(z.enum(['true', 'false'], { error: 'field.invalid_value' })),
  region: optionalParam(regionCodeSchema),
});

export const loanTotalsQuery = z.object({ region: optionalParam(regionCodeSchema) });
export const loanTotalsSchema = z.object({
  regionCode: z.string().nullable(),
  guided: z.number().int(),
  applied: z.number().int(),
  approved: z.number().int(),
  disbursedCount: z.number().int(),
  disbursedFen: z.number().int(),
  inArrears: z.number().int(),
  inArrearsFen: z.number().int(),
});
export type LoanTotals = z.infer<typeof loanTotalsSchema>;
