import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { TrainingAttendanceTable, TrainingEnrollmentTable } from './training.tables.js';

export type EnrollmentRow = Selectable<TrainingEnrollmentTable>;
export type AttendanceRow = Selectable<TrainingAttendanceTable>;
export type EnrollmentView = EnrollmentRow & {
  name: string;
  phone_enc: string | null;
  id_number_enc: string;
  person_status: 'active' | 'moved_out' | 'deceased' | 'anonymized';
  course_title: string;
};

const viewQuery = (db: Executor) =>
  db
    .selectFrom('training_enrollments as e')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .innerJoin('training_courses as c', 'c.id', 'e.course_id')
    .selectAll('e')
    .select([
      'p.name',
      'p.phone_enc',
      'p.id_number_enc',
      sql<EnrollmentView['person_status']>`p.status`.as('person_status'),
      'c.title as course_title',
    ]);

/** Enrollments and attendance. Only this file touches those two tables. */
export const enrollmentsRepository = {
  insert: async (db: Executor, row: Insertable<TrainingEnrollmentTable>): Promise<void> => {
    await db.insertInto('training_enrollments').values(row).execute();
  },

  update: async (db: Executor, id: string, changes: Updateable<TrainingEnrollmentTable>): Promise<void> => {
    await db.updateTable('training_enrollments').set(changes).where('id', '=', id).execute();
  },

  findInScope: (db: Executor, scope: Scope, id: string): Promise<EnrollmentRow | undefined> =>
    db
      .selectFrom('training_enrollments')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('training_enrollments.region_code'))
      .executeTakeFirst(),

  viewUnscoped: (db: Executor, id: string): Promise<EnrollmentView | undefined> =>
    viewQuery(db).where('e.id', '=', id).executeTakeFirst(),

  ofCourse: (db: Executor, courseId: string): Promise<EnrollmentView[]> =>
    viewQuery(db).where('e.course_id', '=', courseId).orderBy('e.created_at').orderBy('e.id').execute(),

  ofPerson: (db: Executor, personId: string): Promise<EnrollmentView[]> =>
    viewQuery(db).where('e.person_id', '=', personId).orderBy('e.id', 'desc').limit(200).execute(),

  /** A live (not cancelled) enrollment of the person in the course. */
  liveOf: (db: Executor, courseId: string, personId: string) =>
    db
      .selectFrom('training_enrollments')
      .select('id')
      .where('course_id', '=', courseId)
      .where('person_id', '=', personId)
      .where('status', '!=', 'cancelled')
      .executeTakeFirst(),

  countOf: async (db: Executor, courseId: string, status: EnrollmentRow['status']): Promise<number> => {
    const row = await db
      .selectFrom('training_enrollments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('course_id', '=', courseId)
      .where('status', '=', status)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** The first on the course's waiting list (who enrolled earliest). */
  firstWaiting: (db: Executor, courseId: string) =>
    db
      .selectFrom('training_enrollments')
      .selectAll()
      .where('course_id', '=', courseId)
      .where('status', '=', 'waitlisted')
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst(),

  /** Completions in scope: due for follow-up (six months on, none recorded) or all, newest first. */
  followUps: (
    db: Executor,
    scope: Scope,
    filter: { dueBy?: string | undefined; after?: string | undefined; limit: number },
  ): Promise<EnrollmentView[]> => {
    let query = viewQuery(db)
      .where(scope.covers('e.region_code', { driveIndex: false }))
      .where('e.status', '=', 'completed');
    if (filter.dueBy)
      query = query.where('e.follow_up_due_on', '<=', filter.dueBy).where('e.follow_up_outcome', 'is', null);
    if (filter.after) query = query.where('e.id', '<', filter.after);
    return query
      .orderBy('e.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  bySerialUnscoped: (db: Executor, serial: string) =>
    viewQuery(db)
      .where('e.certificate_serial', '=', serial)
      .where('e.status', '=', 'completed')
      .executeTakeFirst(),

  attendanceOfCourse: (db: Executor, courseId: string): Promise<AttendanceRow[]> =>
    db
      .selectFrom('training_attendance as a')
      .innerJoin('training_sessions as s', 's.id', 'a.session_id')
      .selectAll('a')
      .where('s.course_id', '=', courseId)
      .execute(),

  attendanceOfSession: (db: Executor, sessionId: string): Promise<AttendanceRow[]> =>
    db.selectFrom('training_attendance').selectAll().where('session_id', '=', sessionId).execute(),

  attendanceOf: (db: Executor, sessionId: string, enrollmentId: string) =>
    db
      .selectFrom('training_attendance')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('enrollment_id', '=', enrollmentId)
      .executeTakeFirst(),

  /** Records one attendance (replacing an earlier mark of the same session). */
  putAttendance: async (db: Executor, row: AttendanceRow): Promise<void> => {
    await db
      .deleteFrom('training_attendance')
      .where('session_id', '=', row.session_id)
      .where('enrollment_id', '=', row.enrollment_id)
      .execute();
    await db.insertInto('training_attendance').values(row).execute();
  },
};
