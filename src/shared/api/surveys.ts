import { z } from 'zod';
import { cursorParam, limitSchema, optionalParam, regionCodeSchema } from './common.js';

/**
 * Satisfaction surveys (群众满意度测评): request and response shapes shared by the server's routes
 * and the web. Dates are Beijing calendar dates (YYYY-MM-DD); shares are per mille (0–1000).
 */

export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Where the sample comes from: adult residents on the register, or orders closed in a period. */
export const SURVEY_SOURCES = ['register', 'work_orders'] as const;
export type SurveySource = (typeof SURVEY_SOURCES)[number];

/** draft: being designed; open: drawn, answers come in; closed: results final. */
export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/**
 * A sample row: `waiting` (drawn and to be asked), `reserve` (not yet needed), `answered`,
 * `refused`, `unreachable` (each of the last two brings the stratum's next reserve in).
 */
export const SAMPLE_STATUSES = ['waiting', 'reserve', 'answered', 'refused', 'unreachable'] as const;
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];

export const INTERVIEW_OUTCOMES = ['answered', 'refused', 'unreachable'] as const;
export type InterviewOutcome = (typeof INTERVIEW_OUTCOMES)[number];

export const ANSWER_CHANNELS = ['portal', 'phone'] as const;
export type AnswerChannel = (typeof ANSWER_CHANNELS)[number];

/** On the 1–5 scale of the satisfaction question, 4 (满意) and 5 (非常满意) count as satisfied. */
export const SATISFIED_FROM = 4;
/** An answer of 1 (非常不满意) or 2 (不满意) about a named order reopens it, as an unsatisfied callback. */
export const UNSATISFIED_UP_TO = 2;

const dateSchema = z.iso.date({ error: 'survey.date_format' });
const title = z.string({ error: 'field.required' }).trim().min(2, 'survey.title_required').max(100);

export const questionInput = z
  .object({
    kind: z.enum(QUESTION_KINDS, { error: 'field.invalid_value' }),
    text: z.string({ error: 'field.required' }).trim().min(2, 'survey.question_text').max(300),
    /** The choices of a single or multiple choice question (2–10); nothing for scale and text. */
    options: z
      .array(z.string().trim().min(1, 'field.required').max(100), { error: 'field.invalid_type' })
      .max(10, 'field.too_many_items')
      .default([]),
    required: z.boolean().default(true),
  })
  .strict();
export type QuestionInput = z.output<typeof questionInput>;

export const surveyDesignBody = z
  .object({
    title,
    description: z.string().trim().max(1000, 'field.too_long').default(''),
    regionCode: regionCodeSchema,
    anonymous: z.boolean({ error: 'field.invalid_type' }),
    source: z.enum(SURVEY_SOURCES, { error: 'field.invalid_value' }),
    /** For a sample of closed orders: the period they were closed in. */
    periodFrom: optionalParam(dateSchema),
    periodTo: optionalParam(dateSchema),
    sampleSize: z.number({ error: 'field.invalid_type' }).int('field.invalid').min(1).max(10_000),
    /** Reserves per stratum as a percentage of its quota (rounded up). */
    reservePercent: z
      .number({ error: 'field.invalid_type' })
      .int('field.invalid')
      .min(0)
      .max(300)
      .default(50),
    /** Nobody is drawn who was contacted (a survey or an order's callback) in this many days before. */
    contactWindowDays: z
      .number({ error: 'field.invalid_type' })
      .int('field.invalid')
      .min(0)
      .max(730)
      .default(90),
    /** Any text; the draw is reproducible from it. Omitted: one is made up and stored. */
    seed: optionalParam(z.string().trim().min(1).max(64)),
    questions: z.array(questionInput, { error: 'field.invalid_type' }).min(1, 'field.too_few_items').max(50),
    /** The index in `questions` of the satisfaction question (it must be a scale question). */
    satisfactionQuestion: z.number({ error: 'field.invalid_type' }).int('field.invalid').min(0),
  })
  .strict();
export type SurveyDesignBody = z.output<typeof surveyDesignBody>;

/** One answer: the chosen option indexes, the scale value (1–5), or the text. */
export const answerInput = z
  .object({
    questionId: z.string().uuid('field.invalid'),
    choices: z.array(z.number().int().min(0).max(9)).max(10).optional(),
    scale: z.number().int().min(1, 'survey.scale_range').max(5, 'survey.scale_range').optional(),
    text: z.string().trim().max(1000, 'field.too_long').optional(),
  })
  .strict();
export const answersBody = z
  .object({ answers: z.array(answerInput, { error: 'field.invalid_type' }).max(50) })
  .strict();
export type AnswersBody = z.output<typeof answersBody>;

export const interviewBody = z
  .object({
    outcome: z.enum(INTERVIEW_OUTCOMES, { error: 'field.invalid_value' }),
    answers: z.array(answerInput, { error: 'field.invalid_type' }).max(50).optional(),
    note: z.string().trim().max(200, 'field.too_long').optional(),
  })
  .strict();
export type InterviewBody = z.output<typeof interviewBody>;

export const surveyListQuery = z.object({
  cursor: cursorParam,
  limit: limitSchema,
  status: optionalParam(z.enum(SURVEY_STATUSES, { error: 'field.invalid_value' })),
  region: optionalParam(regionCodeSchema),
});

export const sampleListQuery = z.object({
  cursor: cursorParam,
  limit: limitSchema,
  status: optionalParam(z.enum(SAMPLE_STATUSES, { error: 'field.invalid_value' })),
  stratum: optionalParam(regionCodeSchema),
});

export const resultsQuery = z.object({ region: optionalParam(regionCodeSchema) });

export const rankingQuery = z.object({
  /** A city's code: the first four digits of its districts' codes. */
  city: z.string({ error: 'field.required' }).regex(/^\d{4}$/, 'survey.city_code'),
  from: optionalParam(dateSchema),
  to: optionalParam(dateSchema),
});

export const questionSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  kind: z.enum(QUESTION_KINDS),
  text: z.string(),
  options: z.array(z.string()),
  required: z.boolean(),
});
export type SurveyQuestion = z.infer<typeof questionSchema>;

export const surveySummarySchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  title: z.string(),
  anonymous: z.boolean(),
  source: z.enum(SURVEY_SOURCES),
  status: z.enum(SURVEY_STATUSES),
  sampleSize: z.number().int(),
  createdAt: z.string(),
});
export type SurveySummary = z.infer<typeof surveySummarySchema>;
export const surveyPageSchema = z.object({
  items: z.array(surveySummarySchema),
  nextCursor: z.string().nullable(),
});

export const stratumSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  population: z.number().int(),
  quota: z.number().int(),
  reserves: z.number().int(),
  /** Reserves brought in so far (a refusal or no answer each brings the next). */
  reservesUsed: z.number().int(),
  answered: z.number().int(),
});

export const surveyDetailSchema = surveySummarySchema.extend({
  description: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  reservePercent: z.number().int(),
  contactWindowDays: z.number().int(),
  seed: z.string(),
  satisfactionQuestionId: z.string().nullable(),
  drawnAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Sampled residents who were left out because they were contacted within the window. */
  capped: z.number().int(),
  questions: z.array(questionSchema),
  strata: z.array(stratumSchema),
});
export type SurveyDetail = z.infer<typeof surveyDetailSchema>;

export const sampleRowSchema = z.object({
  id: z.string(),
  stratumCode: z.string(),
  position: z.number().int(),
  reserve: z.boolean(),
  status: z.enum(SAMPLE_STATUSES),
  /** Masked (王**): the operator calls them, nobody lists them in clear. */
  name: z.string(),
  /** Masked (138****5678), or null without a number. */
  phone: z.string().nullable(),
  personId: z.string().nullable(),
  workOrderId: z.string().nullable(),
  workOrderNumber: z.string().nullable(),
  texted: z.boolean(),
  outcomeOn: z.string().nullable(),
});
export type SampleRow = z.infer<typeof sampleRowSchema>;
export const samplePageSchema = z.object({
  items: z.array(sampleRowSchema),
  nextCursor: z.string().nullable(),
});

export const intervalSchema = z.object({
  /** Per mille; null without answers. */
  share: z.number().int().nullable(),
  low: z.number().int().nullable(),
  high: z.number().int().nullable(),
});
export type Interval = z.infer<typeof intervalSchema>;

export const regionResultSchema = z.object({
  regionCode: z.string(),
  name: z.string(),
  /** Answers to the satisfaction question. */
  n: z.number().int(),
  satisfied: z.number().int(),
  interval: intervalSchema,
});
export type RegionResult = z.infer<typeof regionResultSchema>;

export const questionResultSchema = z.object({
  questionId: z.string(),
  kind: z.enum(QUESTION_KINDS),
  text: z.string(),
  answered: z.number().int(),
  /** Per option (choice) or per scale value 1–5: how many chose it. Text questions: none. */
  counts: z.array(z.object({ label: z.string(), count: z.number().int() })),
});

export const surveyResultsSchema = z.object({
  surveyId: z.string(),
  responses: z.number().int(),
  region: regionResultSchema,
  children: z.array(regionResultSchema),
  questions: z.array(questionResultSchema),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

export const rankingSchema = z.object({
  city: z.string(),
  rows: z.array(regionResultSchema.extend({ rank: z.number().int(), surveys: z.number().int() })),
});
export type SurveyRanking = z.infer<typeof rankingSchema>;

export const smsResultSchema = z.object({ queued: z.number().int() });

/** The resident's side: the surveys waiting for their answer. */
export const portalSurveySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  anonymous: z.boolean(),
  questions: z.array(questionSchema),
});
export type PortalSurvey = z.infer<typeof portalSurveySchema>;
export const portalSurveyListSchema = z.object({ items: z.array(portalSurveySchema) });
