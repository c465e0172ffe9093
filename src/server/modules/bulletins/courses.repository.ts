import type { Insertable, Selectable, Updateable } from 'kysely';
import type { PostStatus } from '../../../shared/api/bulletins.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { type MemberSelf, reachesMember } from './audience.repository.js';
import type {
  StudyAttemptTable,
  StudyCourseItemTable,
  StudyCourseTable,
  StudyProgressTable,
  StudyQuestionTable,
} from './bulletins.tables.js';

export type CourseRow = Selectable<StudyCourseTable>;
export type ItemRow = Selectable<StudyCourseItemTable>;
export type QuestionRow = Selectable<StudyQuestionTable>;
export type ProgressRow = Selectable<StudyProgressTable>;

/** Study courses, their items and questions, members' progress and attempts. */
export const coursesRepository = {
  insert: async (
    db: Executor,
    course: Insertable<StudyCourseTable>,
    items: readonly Insertable<StudyCourseItemTable>[],
    questions: readonly Insertable<StudyQuestionTable>[],
  ): Promise<void> => {
    await db.insertInto('study_courses').values(course).execute();
    await db
      .insertInto('study_course_items')
      .values([...items])
      .execute();
    await db
      .insertInto('study_questions')
      .values([...questions])
      .execute();
  },

  findInScope: (db: Executor, scope: Scope, id: string): Promise<CourseRow | undefined> =>
    db
      .selectFrom('study_courses')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('study_courses.region_code'))
      .executeTakeFirst(),

  updateFrom: async (
    db: Executor,
    id: string,
    from: PostStatus,
    changes: Updateable<StudyCourseTable>,
  ): Promise<boolean> => {
    const result = await db
      .updateTable('study_courses')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Newest first, at most 200. */
  list: (db: Executor, scope: Scope) =>
    db
      .selectFrom('study_courses')
      .selectAll()
      .where(scope.covers('study_courses.region_code'))
      .orderBy('id', 'desc')
      .limit(200)
      .execute(),

  items: (db: Executor, courseIds: readonly string[]): Promise<ItemRow[]> =>
    courseIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('study_course_items')
          .selectAll()
          .where('course_id', 'in', [...courseIds])
          .orderBy('course_id')
          .orderBy('position')
          .execute(),

  questions: (db: Executor, courseIds: readonly string[]): Promise<QuestionRow[]> =>
    courseIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('study_questions')
          .selectAll()
          .where('course_id', 'in', [...courseIds])
          .orderBy('course_id')
          .orderBy('position')
          .execute(),

  /** Members inside `scope` who passed each course. */
  passedCounts: async (db: Executor, scope: Scope, courseIds: readonly string[]) => {
    if (courseIds.length === 0) return new Map<string, number>();
    const rows = await db
      .selectFrom('study_attempts')
      .select((eb) => ['course_id', eb.fn.count<number>('member_id').distinct().as('n')])
      .where('course_id', 'in', [...courseIds])
      .where('passed', '=', 1)
      .where(scope.covers('study_attempts.region_code'))
      .groupBy('course_id')
      .execute();
    return new Map(rows.map((r) => [r.course_id, Number(r.n)]));
  },

  /** Members inside `scope` who finished reading each item. */
  doneCounts: async (db: Executor, scope: Scope, courseId: string) => {
    const rows = await db
      .selectFrom('study_progress')
      .innerJoin('members', 'members.id', 'study_progress.member_id')
      .select((eb) => ['study_progress.post_id', eb.fn.countAll<number>().as('n')])
      .where('study_progress.course_id', '=', courseId)
      .where('study_progress.done_at', 'is not', null)
      .where(scope.covers('members.region_code'))
      .groupBy('study_progress.post_id')
      .execute();
    return new Map(rows.map((r) => [r.post_id, Number(r.n)]));
  },

  /** Published courses that reach the member. */
  forMember: (db: Executor, member: MemberSelf, regionPath: readonly string[]) =>
    db
      .selectFrom('study_courses')
      .selectAll()
      .where('district_code', '=', member.district_code)
      .where('status', '=', 'published')
      .where(reachesMember('study_courses.id', member, regionPath))
      .orderBy('id', 'desc')
      .limit(200)
      .execute(),

  oneForMember: (db: Executor, member: MemberSelf, regionPath: readonly string[], id: string) =>
    db
      .selectFrom('study_courses')
      .selectAll()
      .where('id', '=', id)
      .where('district_code', '=', member.district_code)
      .where('status', '=', 'published')
      .where(reachesMember('study_courses.id', member, regionPath))
      .executeTakeFirst(),

  progress: (db: Executor, memberId: string, courseIds: readonly string[]): Promise<ProgressRow[]> =>
    courseIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('study_progress')
          .selectAll()
          .where('member_id', '=', memberId)
          .where('course_id', 'in', [...courseIds])
          .execute(),

  /** Starts the item's timer once: a second open keeps the first time. True when this call started it. */
  open: async (db: Executor, row: Insertable<StudyProgressTable>): Promise<boolean> => {
    const result = await db
      .insertInto('study_progress')
      .values(row)
      .onConflict((oc) => oc.columns(['course_id', 'member_id', 'post_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  markDone: async (db: Executor, key: { course: string; member: string; post: string }, at: string) => {
    const result = await db
      .updateTable('study_progress')
      .set({ done_at: at })
      .where('course_id', '=', key.course)
      .where('member_id', '=', key.member)
      .where('post_id', '=', key.post)
      .where('done_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  attempts: (db: Executor, memberId: string, courseIds: readonly string[]) =>
    courseIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('study_attempts')
          .select(['course_id', 'attempt_no', 'score', 'passed'])
          .where('member_id', '=', memberId)
          .where('course_id', 'in', [...courseIds])
          .orderBy('attempt_no')
          .execute(),

  insertAttempt: async (db: Executor, row: Insertable<StudyAttemptTable>): Promise<void> => {
    await db.insertInto('study_attempts').values(row).execute();
  },

  /**
   * Per member and course, the attempts of a year (submitted in [from, to)) in a district: the best
   * score and whether any passed.
   */
  results: (db: Executor, district: string, from: string, to: string) =>
    db
      .selectFrom('study_attempts')
      .innerJoin('study_courses', 'study_courses.id', 'study_attempts.course_id')
      .select((eb) => [
        'study_attempts.member_id',
        'study_attempts.course_id',
        'study_courses.title',
        eb.fn.max<number>('study_attempts.score').as('best'),
        eb.fn.max<number>('study_attempts.passed').as('passed'),
        eb.fn.countAll<number>().as('attempts'),
      ])
      .where('study_attempts.district_code', '=', district)
      .where('study_attempts.submitted_at', '>=', from)
      .where('study_attempts.submitted_at', '<', to)
      .groupBy(['study_attempts.member_id', 'study_attempts.course_id', 'study_courses.title'])
      .orderBy('study_attempts.member_id')
      .orderBy('study_attempts.course_id')
      .execute(),

  /**
   * Per member and course passed in [from, to): when it was first passed, with the member's region
   * then and the best score (the points module's study source).
   */
  passedBetween: (db: Executor, district: string, from: string, to: string) =>
    db
      .selectFrom('study_attempts')
      .innerJoin('study_courses', 'study_courses.id', 'study_attempts.course_id')
      .select((eb) => [
        'study_attempts.member_id',
        'study_attempts.course_id',
        'study_courses.title',
        eb.fn.min<string>('study_attempts.submitted_at').as('passed_at'),
        eb.fn.max<string>('study_attempts.region_code').as('region_code'),
        eb.fn.max<number>('study_attempts.score').as('best'),
      ])
      .where('study_attempts.district_code', '=', district)
      .where('study_attempts.passed', '=', 1)
      .where('study_attempts.submitted_at', '>=', from)
      .where('study_attempts.submitted_at', '<', to)
      .groupBy(['study_attempts.member_id', 'study_attempts.course_id', 'study_courses.title'])
      .orderBy('study_attempts.member_id')
      .orderBy('study_attempts.course_id')
      .execute(),

  /** Members who passed a course in [from, to), counted per region of their organization. */
  passedByRegion: (db: Executor, district: string, from: string, to: string) =>
    db
      .selectFrom('study_attempts')
      .select((eb) => ['region_code', eb.fn.count<number>('member_id').distinct().as('n')])
      .where('district_code', '=', district)
      .where('passed', '=', 1)
      .where('submitted_at', '>=', from)
      .where('submitted_at', '<', to)
      .groupBy('region_code')
      .execute(),
};
