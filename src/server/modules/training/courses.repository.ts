import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Dialect, Executor } from '../../db/database.js';
import { selectOneLocked } from '../../db/lock-row.js';
import type { TrainingCourseTable, TrainingSessionTable } from './training.tables.js';

export type CourseRow = Selectable<TrainingCourseTable>;
export type SessionRow = Selectable<TrainingSessionTable>;
export type CourseView = CourseRow & {
  region_name: string;
  enrolled: number;
  waitlisted: number;
  sessions: number;
  first_session_at: string | null;
};

const count = (status: string) =>
  sql<number>`(select count(*) from training_enrollments e where e.course_id = c.id and e.status = ${status})`;

const viewQuery = (db: Executor) =>
  db
    .selectFrom('training_courses as c')
    .innerJoin('regions as r', 'r.code', 'c.region_code')
    .selectAll('c')
    .select([
      'r.name as region_name',
      count('enrolled').as('enrolled'),
      count('waitlisted').as('waitlisted'),
      sql<number>`(select count(*) from training_sessions s where s.course_id = c.id)`.as('sessions'),
      sql<string | null>`(select min(s.starts_at) from training_sessions s where s.course_id = c.id)`.as(
        'first_session_at',
      ),
    ]);

/** Counts come back as strings from PostgreSQL's bigint: one place turns them into numbers. */
const numeric = (v: CourseView): CourseView => ({
  ...v,
  enrolled: Number(v.enrolled),
  waitlisted: Number(v.waitlisted),
  sessions: Number(v.sessions),
  first_session_at: v.first_session_at === null ? null : String(v.first_session_at),
});

/** Training courses and their sessions. Only this file touches those two tables. */
export const coursesRepository = {
  insert: async (db: Executor, row: Insertable<TrainingCourseTable>): Promise<void> => {
    await db.insertInto('training_courses').values(row).execute();
  },

  update: async (db: Executor, id: string, changes: Updateable<TrainingCourseTable>): Promise<void> => {
    await db.updateTable('training_courses').set(changes).where('id', '=', id).execute();
  },

  findInScope: (db: Executor, scope: Scope, id: string): Promise<CourseRow | undefined> =>
    db
      .selectFrom('training_courses')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('training_courses.region_code'))
      .executeTakeFirst(),

  /** The course row locked for the rest of the transaction (places are counted under it). */
  lockUnscoped: (db: Executor, dialect: Dialect, id: string): Promise<CourseRow | undefined> => {
    const query = db.selectFrom('training_courses').selectAll().where('id', '=', id);
    return selectOneLocked(query, dialect === 'postgres');
  },

  /** Unscoped: reads a course back after a scoped check or a write. */
  viewUnscoped: async (db: Executor, id: string): Promise<CourseView | undefined> => {
    const row = await viewQuery(db).where('c.id', '=', id).executeTakeFirst();
    return row && numeric(row);
  },

  list: async (
    db: Executor,
    scope: Scope,
    filter: {
      q?: string | undefined;
      status?: CourseRow['status'] | undefined;
      after?: string | undefined;
      limit: number;
    },
  ): Promise<CourseView[]> => {
    let query = viewQuery(db).where(scope.covers('c.region_code', { driveIndex: false }));
    if (filter.status) query = query.where('c.status', '=', filter.status);
    if (filter.q) query = query.where('c.title', 'like', `%${filter.q}%`);
    if (filter.after) query = query.where('c.id', '<', filter.after);
    const rows = await query
      .orderBy('c.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
    return rows.map(numeric);
  },

  /** Open courses of a district whose last session is still to come (the portal's offer). */
  openInDistrict: async (db: Executor, district: string, now: string): Promise<CourseView[]> => {
    const rows = await viewQuery(db)
      .where('c.district_code', '=', district)
      .where('c.status', '=', 'open')
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('training_sessions as s')
            .select('s.id')
            .whereRef('s.course_id', '=', 'c.id')
            .whereRef('s.district_code', '=', 'c.district_code')
            .where('s.starts_at', '>', now),
        ),
      )
      .orderBy('c.id', 'desc')
      .limit(100)
      .execute();
    return rows.map(numeric);
  },

  insertSessions: async (db: Executor, rows: readonly Insertable<TrainingSessionTable>[]): Promise<void> => {
    if (rows.length > 0)
      await db
        .insertInto('training_sessions')
        .values([...rows])
        .execute();
  },

  sessionsOf: (db: Executor, courseId: string): Promise<SessionRow[]> =>
    db
      .selectFrom('training_sessions')
      .selectAll()
      .where('course_id', '=', courseId)
      .orderBy('starts_at')
      .orderBy('id')
      .execute(),

  /** A session whose course lies in scope, with that course. */
  sessionInScope: async (
    db: Executor,
    scope: Scope,
    id: string,
  ): Promise<{ session: SessionRow; course: CourseRow } | undefined> => {
    const session = await db
      .selectFrom('training_sessions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!session) return undefined;
    const course = await coursesRepository.findInScope(db, scope, session.course_id);
    return course && { session, course };
  },

  /** Sessions of the given courses running around `now` (from `early` before the start to the end). */
  sessionsAround: (db: Executor, courseIds: readonly string[], now: string, earliestStart: string) =>
    courseIds.length === 0
      ? Promise.resolve([] as SessionRow[])
      : db
          .selectFrom('training_sessions')
          .selectAll()
          .where('course_id', 'in', courseIds)
          .where('starts_at', '<=', earliestStart)
          .where('ends_at', '>=', now)
          .orderBy('starts_at')
          .execute(),

  /** The person a worker enrolls, in their scope. */
  personInScope: (db: Executor, scope: Scope, personId: string) =>
    db
      .selectFrom('persons')
      .select(['id', 'district_code', 'region_code', 'status'])
      .where('id', '=', personId)
      .where(scope.covers('persons.region_code'))
      .executeTakeFirst(),

  /** The register person a resident's portal account is linked to. */
  personUnscoped: (db: Executor, personId: string) =>
    db
      .selectFrom('persons')
      .select(['id', 'district_code', 'region_code', 'status'])
      .where('id', '=', personId)
      .executeTakeFirst(),
};
