import { z } from 'zod';
import { itemsOf, optionalParam, regionCodeSchema } from './common.js';

/**
 * The annual review (述职评议) and the members' evaluation (民主评议党员): request and response
 * shapes shared by the server's routes and the web. Scores are 0–100 with two decimals.
 */

/** The platform's figures a round weighs, each computed per reviewed region over the round's months. */
export const REVIEW_KPIS = [
  'on_time_rate',
  'satisfaction_rate',
  'visit_coverage',
  'care_coverage',
  'volunteer_hours',
  'commitments_kept',
  'placements',
] as const;
export type ReviewKpi = (typeof REVIEW_KPIS)[number];

/** KPIs that are counts: scored against the best reviewed unit (its value scores 100). */
export const COUNT_KPIS: readonly ReviewKpi[] = ['volunteer_hours', 'placements'];

export const REVIEW_KPI_LABELS: Record<ReviewKpi, { zh: string; en: string }> = {
  on_time_rate: { zh: '工单按时办结率', en: 'Orders closed on time' },
  satisfaction_rate: { zh: '工单群众满意率', en: 'Satisfaction with orders' },
  visit_coverage: { zh: '走访覆盖率', en: 'Visit coverage' },
  care_coverage: { zh: '党员联户覆盖率', en: 'Care coverage' },
  volunteer_hours: { zh: '志愿服务时长', en: 'Volunteer hours' },
  commitments_kept: { zh: '承诺践诺率', en: 'Commitments kept' },
  placements: { zh: '就业安置', en: 'Job placements' },
};

/** Evaluator groups: leaders, party members, residents' representatives. */
export const EVALUATOR_GROUPS = ['leader', 'member', 'resident'] as const;
export type EvaluatorGroup = (typeof EVALUATOR_GROUPS)[number];

export const ROUND_STATUSES = ['open', 'closed', 'published'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** 民主评议党员 grades: 优秀, 合格, 基本合格, 不合格. */
export const MEMBER_GRADES = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export type MemberGrade = (typeof MEMBER_GRADES)[number];
export const MEMBER_GRADE_LABELS: Record<MemberGrade, { zh: string; en: string }> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  qualified: { zh: '合格', en: 'Qualified' },
  basically_qualified: { zh: '基本合格', en: 'Basically qualified' },
  unqualified: { zh: '不合格', en: 'Unqualified' },
};

/** How many of an organization's `members` may be graded 优秀: one third, rounded down. */
export const excellentCap = (members: number): number => Math.floor(members / 3);

const month = z.string({ error: 'field.required' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'review.month_format');
const weight = z
  .number({ error: 'review.weight' })
  .int('review.weight')
  .min(0, 'review.weight')
  .max(100, 'review.weight');
const year = z.coerce
  .number({ error: 'review.year' })
  .int('review.year')
  .min(2000, 'review.year')
  .max(2100, 'review.year');

export const rubricItemSchema = z
  .object({
    id: z.string({ error: 'field.required' }).regex(/^[a-z0-9_]{1,20}$/, 'review.item_id'),
    title: z
      .string({ error: 'field.required' })
      .trim()
      .min(2, 'review.item_title')
      .max(100, 'field.too_long'),
    max: z
      .number({ error: 'review.item_max' })
      .int('review.item_max')
      .min(1, 'review.item_max')
      .max(100, 'review.item_max'),
  })
  .strict();

export const createRoundBody = z
  .object({
    regionCode: regionCodeSchema,
    name: z
      .string({ error: 'field.required' })
      .trim()
      .min(2, 'review.name_required')
      .max(100, 'field.too_long'),
    year,
    fromMonth: month,
    toMonth: month,
    rubric: z.array(rubricItemSchema).min(1, 'review.rubric_required').max(20, 'field.too_many_items'),
    groupWeights: z.object({ leader: weight, member: weight, resident: weight }).strict(),
    kpiWeights: z
      .object(Object.fromEntries(REVIEW_KPIS.map((k) => [k, weight])) as Record<ReviewKpi, typeof weight>)
      .strict(),
    rubricWeight: weight,
    kpiWeight: weight,
  })
  .strict();
export type CreateRoundBody = z.output<typeof createRoundBody>;

export const roundListQuery = z.object({
  region: optionalParam(regionCodeSchema),
  year: optionalParam(year),
});

export const addEvaluatorBody = z
  .object({
    userId: z.string({ error: 'field.required' }).uuid('field.invalid'),
    group: z.enum(EVALUATOR_GROUPS, { error: 'field.invalid_value' }),
  })
  .strict();

export const reportBody = z
  .object({
    report: z
      .string({ error: 'field.required' })
      .trim()
      .min(10, 'review.report_short')
      .max(20_000, 'field.too_long'),
  })
  .strict();

export const scoresBody = z
  .object({
    scores: z
      .array(
        z
          .object({
            itemId: z.string({ error: 'field.required' }).max(20, 'field.too_long'),
            score: z
              .number({ error: 'review.score_range' })
              .int('review.score_range')
              .min(0, 'review.score_range'),
          })
          .strict(),
      )
      .min(1, 'field.too_few_items')
      .max(20, 'field.too_many_items'),
  })
  .strict();
export type ScoresBody = z.output<typeof scoresBody>;

const kpiFigure = z.object({
  /** Percent for rates, hours or a count otherwise; null where there is nothing to count. */
  value: z.number().nullable(),
  /** 0–100; null when the KPI is left out for this unit (nothing to count). */
  score: z.number().nullable(),
});

export const reviewUnitSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  name: z.string(),
  report: z.string().nullable(),
  reportByName: z.string().nullable(),
  reportAt: z.string().nullable(),
  kpis: z.record(z.enum(REVIEW_KPIS), kpiFigure),
  rubricScore: z.number().nullable(),
  kpiScore: z.number().nullable(),
  totalScore: z.number().nullable(),
  rank: z.number().nullable(),
  /** How many evaluators scored this unit. */
  scoredBy: z.number(),
});
export type ReviewUnit = z.infer<typeof reviewUnitSchema>;

export const evaluatorSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  group: z.enum(EVALUATOR_GROUPS),
});

export const roundSummarySchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  year: z.number(),
  fromMonth: z.string(),
  toMonth: z.string(),
  status: z.enum(ROUND_STATUSES),
  units: z.number(),
  closedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type RoundSummary = z.infer<typeof roundSummarySchema>;

export const roundDetailSchema = roundSummarySchema.extend({
  rubric: z.array(rubricItemSchema),
  groupWeights: z.record(z.enum(EVALUATOR_GROUPS), z.number()),
  kpiWeights: z.record(z.enum(REVIEW_KPIS), z.number()),
  rubricWeight: z.number(),
  kpiWeight: z.number(),
  evaluators: z.array(evaluatorSchema),
  /** Ranked by total score once closed; while open, live figures in region order. */
  units: z.array(reviewUnitSchema),
});
export type RoundDetail = z.infer<typeof roundDetailSchema>;
export const roundListSchema = itemsOf(roundSummarySchema);

/** A round an evaluator scores: its rubric, the units and the evaluator's own scores so far. */
export const assignmentSchema = z.object({
  roundId: z.string(),
  roundName: z.string(),
  group: z.enum(EVALUATOR_GROUPS),
  rubric: z.array(rubricItemSchema),
  units: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      report: z.string().nullable(),
      scores: z.record(z.string(), z.number()),
    }),
  ),
});
export type Assignment = z.infer<typeof assignmentSchema>;
export const assignmentListSchema = itemsOf(assignmentSchema);

/** Without a year: the current (Beijing) year. */
export const memberEvaluationQuery = z.object({ year: optionalParam(year) });
export const memberEvaluationBody = z
  .object({
    year: z
      .number({ error: 'review.year' })
      .int('review.year')
      .min(2000, 'review.year')
      .max(2100, 'review.year'),
    memberId: z.string({ error: 'field.required' }).uuid('field.invalid'),
    grade: z.enum(MEMBER_GRADES, { error: 'field.invalid_value' }),
  })
  .strict();

export const memberEvaluationGridSchema = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  year: z.number(),
  members: z.number(),
  /** floor(members / 3): how many may be 优秀. */
  excellentCap: z.number(),
  excellent: z.number(),
  rows: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      grade: z.enum(MEMBER_GRADES).nullable(),
    }),
  ),
});
export type MemberEvaluationGrid = z.infer<typeof memberEvaluationGridSchema>;
