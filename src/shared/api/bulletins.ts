import { z } from 'zod';
import { itemsOf, regionCodeSchema } from './common.js';

/**
 * Bulletins and study (手机党校, issue 14): posts targeted at organizations or regions, read
 * receipts, study courses with timed reading and a quiz scored on the server. Request and response
 * shapes shared by the server's routes and the web. Bodies are plain text: the web renders text,
 * never HTML.
 */

/** 新闻, 通知, 学习资料. */
export const POST_KINDS = ['news', 'notice', 'study'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** draft → published → withdrawn (a course the same). */
export const POST_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const QUESTION_KINDS = ['single', 'multiple'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

const uuid = z.string({ error: 'field.required' }).uuid('field.invalid');

/** An organization (and, if asked, every organization under it) or a region's subtree. */
export const targetSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('organization'),
        organizationId: uuid,
        includeDescendants: z.boolean({ error: 'field.invalid_value' }).default(false),
      })
      .strict(),
    z.object({ kind: z.literal('region'), regionCode: regionCodeSchema }).strict(),
  ],
  { error: 'field.invalid_value' },
);
export type Target = z.output<typeof targetSchema>;

const targets = z
  .array(targetSchema, { error: 'field.required' })
  .min(1, 'bulletin.targets_required')
  .max(50, 'field.too_many_items');

export const postBody = z
  .object({
    kind: z.enum(POST_KINDS, { error: 'field.invalid_value' }),
    title: z
      .string({ error: 'bulletin.title_required' })
      .trim()
      .min(2, 'bulletin.title_required')
      .max(200, 'field.too_long'),
    body: z
      .string({ error: 'bulletin.body_required' })
      .trim()
      .min(2, 'bulletin.body_required')
      .max(20_000, 'field.too_long'),
    /** The region the post is filed under: who of the staff sees it. */
    regionCode: regionCodeSchema,
    targets,
  })
  .strict();
export type PostBody = z.output<typeof postBody>;

export const postListQuery = z.object({
  kind: z.preprocess((v) => (v === '' ? undefined : v), z.enum(POST_KINDS).optional()),
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(POST_STATUSES).optional()),
});

export const targetViewSchema = z.object({
  kind: z.enum(['organization', 'region']),
  organizationId: z.string().nullable(),
  regionCode: z.string().nullable(),
  includeDescendants: z.boolean(),
  /** The organization's or region's name. */
  name: z.string(),
});

export const postSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(POST_KINDS),
  title: z.string(),
  status: z.enum(POST_STATUSES),
  regionCode: z.string(),
  authorName: z.string(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Members of the targets in the caller's scope, and how many of them opened it. */
  audience: z.number().int(),
  read: z.number().int(),
});
export const postListSchema = itemsOf(postSummarySchema);

export const postDetailSchema = postSummarySchema.extend({
  body: z.string(),
  targets: z.array(targetViewSchema),
});
export type PostDetail = z.output<typeof postDetailSchema>;

export const unreadMemberSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  organizationName: z.string(),
});
export const unreadListSchema = itemsOf(unreadMemberSchema);

const optionText = z
  .string({ error: 'bulletin.option_required' })
  .trim()
  .min(1, 'bulletin.option_required')
  .max(200, 'field.too_long');

export const questionBody = z
  .object({
    kind: z.enum(QUESTION_KINDS, { error: 'field.invalid_value' }),
    text: z
      .string({ error: 'bulletin.question_required' })
      .trim()
      .min(2, 'bulletin.question_required')
      .max(500, 'field.too_long'),
    options: z.array(optionText).min(2, 'bulletin.options_count').max(8, 'bulletin.options_count'),
    /** Indexes of the right options: exactly one for a single choice. */
    correct: z
      .array(z.number().int('field.invalid').min(0, 'field.invalid'), { error: 'field.required' })
      .min(1, 'bulletin.correct_required'),
  })
  .strict();

export const courseBody = z
  .object({
    title: z
      .string({ error: 'bulletin.title_required' })
      .trim()
      .min(2, 'bulletin.title_required')
      .max(200, 'field.too_long'),
    description: z.string().trim().max(2_000, 'field.too_long').default(''),
    regionCode: regionCodeSchema,
    targets,
    /** Study posts in order, each read at least `minSeconds` (10 s to 2 hours). */
    items: z
      .array(
        z
          .object({
            postId: uuid,
            minSeconds: z
              .number({ error: 'bulletin.min_seconds' })
              .int('bulletin.min_seconds')
              .min(10, 'bulletin.min_seconds')
              .max(7_200, 'bulletin.min_seconds'),
          })
          .strict(),
      )
      .min(1, 'bulletin.items_required')
      .max(30, 'field.too_many_items'),
    questions: z.array(questionBody).min(1, 'bulletin.questions_required').max(50, 'field.too_many_items'),
    /** The share of right answers (percent) that passes. */
    passMark: z
      .number({ error: 'bulletin.pass_mark' })
      .int('bulletin.pass_mark')
      .min(1, 'bulletin.pass_mark')
      .max(100, 'bulletin.pass_mark'),
    maxAttempts: z
      .number({ error: 'bulletin.max_attempts' })
      .int('bulletin.max_attempts')
      .min(1, 'bulletin.max_attempts')
      .max(10, 'bulletin.max_attempts')
      .default(3),
  })
  .strict();
export type CourseBody = z.output<typeof courseBody>;

export const courseSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(POST_STATUSES),
  regionCode: z.string(),
  passMark: z.number().int(),
  maxAttempts: z.number().int(),
  items: z.number().int(),
  questions: z.number().int(),
  /** Members of the course's audience in the caller's scope who passed. */
  passed: z.number().int(),
  createdAt: z.string(),
});
export const courseListSchema = itemsOf(courseSummarySchema);

/** The staff's view: with the right answers. */
export const courseDetailSchema = courseSummarySchema.extend({
  description: z.string(),
  targets: z.array(targetViewSchema),
  itemList: z.array(
    z.object({ postId: z.string(), title: z.string(), minSeconds: z.number().int(), done: z.number().int() }),
  ),
  questionList: z.array(
    z.object({
      kind: z.enum(QUESTION_KINDS),
      text: z.string(),
      options: z.array(z.string()),
      correct: z.array(z.number().int()),
    }),
  ),
});
export type CourseDetail = z.output<typeof courseDetailSchema>;

/* ---- A member's side ---- */

export const myPostSchema = z.object({
  id: z.string(),
  kind: z.enum(POST_KINDS),
  title: z.string(),
  publishedAt: z.string(),
  readAt: z.string().nullable(),
});

export const myCourseSchema = z.object({
  id: z.string(),
  title: z.string(),
  passMark: z.number().int(),
  maxAttempts: z.number().int(),
  items: z.number().int(),
  itemsDone: z.number().int(),
  attempts: z.number().int(),
  bestScore: z.number().int().nullable(),
  passed: z.boolean(),
});

export const myBulletinsSchema = z.object({
  /** Unread first, newest first within each. */
  posts: z.array(myPostSchema),
  courses: z.array(myCourseSchema),
});
export type MyBulletins = z.output<typeof myBulletinsSchema>;

export const myPostDetailSchema = myPostSchema.extend({ body: z.string(), readAt: z.string() });

/** A member's view of a course: no right answers, ever. */
export const myCourseDetailSchema = myCourseSchema.extend({
  description: z.string(),
  itemList: z.array(
    z.object({
      postId: z.string(),
      title: z.string(),
      minSeconds: z.number().int(),
      openedAt: z.string().nullable(),
      doneAt: z.string().nullable(),
    }),
  ),
  questionList: z.array(
    z.object({ kind: z.enum(QUESTION_KINDS), text: z.string(), options: z.array(z.string()) }),
  ),
});
export type MyCourseDetail = z.output<typeof myCourseDetailSchema>;

export const courseItemParams = z.object({ id: uuid, postId: uuid });

export const myCourseItemSchema = z.object({
  postId: z.string(),
  title: z.string(),
  body: z.string(),
  minSeconds: z.number().int(),
  openedAt: z.string(),
  doneAt: z.string().nullable(),
});

export const attemptBody = z
  .object({
    /** One entry per question, in order: the chosen option indexes. */
    answers: z.array(z.array(z.number().int('field.invalid').min(0, 'field.invalid')), {
      error: 'field.required',
    }),
  })
  .strict();

export const attemptResultSchema = z.object({
  attempt: z.number().int(),
  score: z.number().int(),
  correct: z.number().int(),
  questions: z.number().int(),
  passed: z.boolean(),
  bestScore: z.number().int(),
  attemptsLeft: z.number().int(),
});
