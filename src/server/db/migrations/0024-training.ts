import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Vocational and start-up training (issue 18): courses with the skills they teach, sessions,
 * enrollments (with a waiting list), attendance per session, completion with a certificate serial,
 * and the six-month follow-up. Every table carries district_code; courses carry the region_code
 * scope filters on (where the course is run), enrollments also the trainee's region.
 */
export async function up(db: Kysely<unknown>, { timestamp }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('training_courses')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** Where the course is run (district, street or community): the scope staff see it in. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    /** entrepreneurship (SYB 创办你的企业 …) · vocational (数控, 焊接, 汽修 …). */
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('place', 'varchar(200)', (c) => c.notNull())
    /** JSON arrays: the skills taught (added to a seeker's profile on completion), the groups aimed at. */
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('target_groups', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('has_assessment', 'integer', (c) => c.notNull())
    /** Completion needs at least this share (percent) of the sessions attended. */
    .addColumn('completion_pct', 'integer', (c) => c.notNull())
    /** The case worker is warned when a trainee's attendance share falls below this (percent). */
    .addColumn('warning_pct', 'integer', (c) => c.notNull())
    /** open · completed · cancelled. */
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('completed_on', 'varchar(10)')
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_courses_region')
    .on('training_courses')
    .columns(['region_code', 'id'])
    .execute();
  await db.schema
    .createIndex('training_courses_district')
    .on('training_courses')
    .columns(['district_code', 'status', 'id'])
    .execute();

  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(36)', (c) => c.notNull().references('training_courses.id'))
    .addColumn('starts_at', timestamp, (c) => c.notNull())
    .addColumn('ends_at', timestamp, (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_sessions_course')
    .on('training_sessions')
    .columns(['course_id', 'starts_at'])
    .execute();
  await db.schema
    .createIndex('training_sessions_time')
    .on('training_sessions')
    .columns(['district_code', 'starts_at'])
    .execute();

  await db.schema
    .createTable('training_enrollments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The course's region (copied): the scope staff reach the enrollment in. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    /** The trainee's own region when enrolled: where the cockpit counts them. */
    .addColumn('person_region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(36)', (c) => c.notNull().references('training_courses.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('persons.id'))
    /** enrolled · waitlisted · cancelled · completed · not_completed. */
    .addColumn('status', 'varchar(14)', (c) => c.notNull())
    /** When the trainee got a place: sessions that started before it are not theirs to attend. */
    .addColumn('placed_at', timestamp)
    /** worker · portal. */
    .addColumn('channel', 'varchar(8)', (c) => c.notNull())
    /** passed · failed, for a course with an assessment. */
    .addColumn('assessment', 'varchar(8)')
    .addColumn('attendance_warned', 'integer', (c) => c.notNull())
    .addColumn('completed_on', 'varchar(10)')
    /** Printed on the certificate and typed into the public verification page. */
    .addColumn('certificate_serial', 'varchar(32)', (c) => c.unique())
    .addColumn('follow_up_due_on', 'varchar(10)')
    /** employed · business · neither: what became of the trainee six months on. */
    .addColumn('follow_up_outcome', 'varchar(10)')
    .addColumn('follow_up_note', 'varchar(200)')
    .addColumn('follow_up_on', 'varchar(10)')
    .addColumn('follow_up_by', 'varchar(36)')
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_enrollments_course')
    .on('training_enrollments')
    .columns(['course_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('training_enrollments_person')
    .on('training_enrollments')
    .columns(['person_id', 'course_id'])
    .execute();
  await db.schema
    .createIndex('training_enrollments_follow_up')
    .on('training_enrollments')
    .columns(['district_code', 'follow_up_due_on'])
    .execute();

  await db.schema
    .createTable('training_attendance')
    .addColumn('session_id', 'varchar(36)', (c) => c.notNull().references('training_sessions.id'))
    .addColumn('enrollment_id', 'varchar(36)', (c) => c.notNull().references('training_enrollments.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** present · late · excused · absent. */
    .addColumn('status', 'varchar(8)', (c) => c.notNull())
    /** worker · code (the trainee's own check-in with the rotating code). */
    .addColumn('recorded_via', 'varchar(8)', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(36)')
    .addColumn('recorded_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('training_attendance_pk', ['session_id', 'enrollment_id'])
    .execute();
  await db.schema
    .createIndex('training_attendance_enrollment')
    .on('training_attendance')
    .column('enrollment_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'training_attendance',
    'training_enrollments',
    'training_sessions',
    'training_courses',
  ])
    await db.schema.dropTable(table).execute();
}
