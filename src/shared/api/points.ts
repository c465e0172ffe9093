import { z } from 'zod';
import { auditReasonSchema, optionalParam } from './common.js';

/**
 * 党员积分 (issue 14, the annual review): request and response shapes shared by the server's routes
 * and the web. Points come from a district's rules over what the platform already records
 * (confirmed volunteer hours, visits recorded, meetings attended) and from a secretary's manual
 * awards and deductions; each is one ledger row with its reason. Dates are Beijing dates.
 */

/** The sources a rule may count; `manual` is a secretary's award or deduction. */
export const POINTS_SOURCE_KINDS = [
  'volunteer_hours',
  'visits',
  'meetings_attended',
  'study_passed',
] as const;
export type PointsSourceKind = (typeof POINTS_SOURCE_KINDS)[number];
export const POINTS_LEDGER_KINDS = [...POINTS_SOURCE_KINDS, 'manual'] as const;
export type PointsLedgerKind = (typeof POINTS_LEDGER_KINDS)[number];

/** The largest award or deduction one manual row may carry. */
export const MANUAL_POINTS_LIMIT = 100;

const year = z.coerce
  .number({ error: 'points.year' })
  .int('points.year')
  .min(2000, 'points.year')
  .max(2100, 'points.year');

export const pointsRuleSchema = z
  .object({
    sourceKind: z.enum(POINTS_SOURCE_KINDS, { error: 'field.invalid_value' }),
    /** Points per confirmed hour, per visit, per meeting attended. */
    points: z
      .number({ error: 'points.rule_points' })
      .int('points.rule_points')
      .min(0, 'points.rule_points')
      .max(1000, 'points.rule_points'),
    /** The most a member earns from this rule in a calendar year. */
    yearlyCap: z
      .number({ error: 'points.rule_cap' })
      .int('points.rule_cap')
      .min(1, 'points.rule_cap')
      .max(100_000, 'points.rule_cap'),
    active: z.boolean({ error: 'field.invalid' }),
  })
  .strict();
export type PointsRule = z.infer<typeof pointsRuleSchema>;

export const pointsRulesBody = z
  .object({ rules: z.array(pointsRuleSchema).max(POINTS_SOURCE_KINDS.length, 'field.too_many_items') })
  .strict();
export const pointsRulesSchema = z.object({
  districtCode: z.string(),
  rules: z.array(pointsRuleSchema),
  /** Null while the district keeps the defaults. */
  changedAt: z.string().nullable(),
});
export type PointsRules = z.infer<typeof pointsRulesSchema>;

export const accrueBody = z
  .object({
    district: z.string({ error: 'field.required' }).regex(/^\d{6}$/, 'field.region_code'),
    /** Without a year: the current (Beijing) one. */
    year: year.optional(),
  })
  .strict();
export const accrualSchema = z.object({
  districtCode: z.string(),
  year: z.number(),
  /** Ledger rows this run added (0 on a re-run), and their points. */
  added: z.number(),
  points: z.number(),
});
export type Accrual = z.infer<typeof accrualSchema>;

/** Without a year: the current (Beijing) one. */
export const pointsYearQuery = z.object({ year: optionalParam(year) });

export const manualPointsBody = z
  .object({
    /** An award (positive) or a deduction (negative), never 0. */
    points: z
      .number({ error: 'points.manual_points' })
      .int('points.manual_points')
      .min(-MANUAL_POINTS_LIMIT, 'points.manual_points')
      .max(MANUAL_POINTS_LIMIT, 'points.manual_points')
      .refine((value) => value !== 0, 'points.manual_points'),
    /** Why: kept on the ledger row and in the audit log. */
    reason: auditReasonSchema,
  })
  .strict();

export const ledgerRowSchema = z.object({
  id: z.string(),
  sourceKind: z.enum(POINTS_LEDGER_KINDS),
  sourceId: z.string(),
  points: z.number(),
  reason: z.string(),
  onDate: z.string(),
  createdAt: z.string(),
});
export type LedgerRow = z.infer<typeof ledgerRowSchema>;

export const memberPointsSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  year: z.number(),
  total: z.number(),
  byKind: z.record(z.enum(POINTS_LEDGER_KINDS), z.number()),
  /** Newest first. */
  rows: z.array(ledgerRowSchema),
});
export type MemberPoints = z.infer<typeof memberPointsSchema>;

export const pointsRankingSchema = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  year: z.number(),
  /** When the district's points were last accrued for this year (null: never). */
  accruedAt: z.string().nullable(),
  rows: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      /** 1 for the most points; equal totals share a rank. */
      rank: z.number(),
      total: z.number(),
      byKind: z.record(z.enum(POINTS_LEDGER_KINDS), z.number()),
    }),
  ),
});
export type PointsRanking = z.infer<typeof pointsRankingSchema>;
