import { z } from 'zod';
import { cursorParam, limitSchema, optionalParam, regionCodeSchema } from './common.js';

/**
 * Village collective economic organizations (村集体经济组织) and their dividends: request and
 * response shapes shared by server and web. Money is integer fen; rates are basis points (10% = 1000).
 */

export const DIVIDEND_RUN_STATUSES = ['draft', 'approved'] as const;
export type DividendRunStatus = (typeof DIVIDEND_RUN_STATUSES)[number];

/** The largest single income entry: ¥1,000,000,000 (keeps every product of fen and rates exact). */
export const MAX_INCOME_FEN = 100_000_000_000;

const uuid = z.string().uuid('field.invalid');
const retentionBp = z
  .number({ error: 'collective.retention_range' })
  .int('collective.retention_range')
  .min(0, 'collective.retention_range')
  .max(10_000, 'collective.retention_range');
const yearSchema = z
  .number({ error: 'collective.year_range' })
  .int('collective.year_range')
  .min(2000, 'collective.year_range')
  .max(2100, 'collective.year_range');

export const createCollectiveBody = z
  .object({
    regionCode: regionCodeSchema,
    name: z.string({ error: 'collective.name_required' }).trim().min(2, 'collective.name_required').max(100),
    retentionBp,
  })
  .strict();

export const shareholderBody = z
  .object({
    personId: uuid,
    shares: z
      .number({ error: 'collective.shares_range' })
      .int('collective.shares_range')
      .min(1, 'collective.shares_range')
      .max(10_000, 'collective.shares_range'),
  })
  .strict();

export const incomeBody = z
  .object({
    year: yearSchema,
    amountFen: z
      .number({ error: 'collective.amount_positive' })
      .int('collective.amount_positive')
      .min(1, 'collective.amount_positive')
      .max(MAX_INCOME_FEN, 'collective.amount_positive'),
    source: z
      .string({ error: 'collective.source_required' })
      .trim()
      .min(2, 'collective.source_required')
      .max(200),
    receivedOn: z.iso.date({ error: 'collective.date_format' }),
  })
  .strict();

export const draftRunBody = z.object({ year: yearSchema }).strict();

export const collectiveSummarySchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  retentionBp: z.number().int(),
  shareholders: z.number().int(),
  totalShares: z.number().int(),
  createdAt: z.string(),
});
export const collectivePageSchema = z.object({
  items: z.array(collectiveSummarySchema),
  nextCursor: z.string().nullable(),
});

export const incomeSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  amountFen: z.number().int(),
  source: z.string(),
  receivedOn: z.string(),
});

export const dividendRunSchema = z.object({
  id: z.string(),
  collectiveId: z.string(),
  year: z.number().int(),
  incomeFen: z.number().int(),
  retentionBp: z.number().int(),
  retainedFen: z.number().int(),
  remainderFen: z.number().int(),
  totalShares: z.number().int(),
  perShareFen: z.number().int(),
  paidFen: z.number().int(),
  status: z.enum(DIVIDEND_RUN_STATUSES),
  draftedBy: z.string(),
  draftedAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
});
export type DividendRun = z.infer<typeof dividendRunSchema>;

export const collectiveDetailSchema = collectiveSummarySchema.extend({
  incomes: z.array(incomeSchema),
  runs: z.array(dividendRunSchema),
});
export type CollectiveDetail = z.infer<typeof collectiveDetailSchema>;

export const shareholderSchema = z.object({
  personId: z.string(),
  name: z.string(),
  idNumber: z.string(),
  shares: z.number().int(),
});
export const shareholderPageSchema = z.object({
  items: z.array(shareholderSchema),
  nextCursor: z.string().nullable(),
});

export const payoutSchema = z.object({
  personId: z.string(),
  name: z.string(),
  idNumber: z.string(),
  shares: z.number().int(),
  amountFen: z.number().int(),
});
export const payoutPageSchema = z.object({ items: z.array(payoutSchema), nextCursor: z.string().nullable() });

export const collectiveListQuery = z.object({
  cursor: cursorParam,
  limit: limitSchema,
  region: optionalParam(regionCodeSchema),
});
export const pagedQuery = z.object({ cursor: cursorParam, limit: limitSchema });
export const payoutsXlsxQuery = z.object({ reveal: optionalParam(z.string().trim().min(2).max(200)) });
