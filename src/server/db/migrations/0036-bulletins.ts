import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Bulletins and study (手机党校, issue 14): posts (news, notices, study material) filed under a
 * region and targeted at organizations or regions, members' read receipts, study courses (study
 * posts read for a minimum time each, then a quiz), each member's reading progress and quiz
 * attempts. Every table carries district_code; the scoped ones a region_code.
 */
export async function up(db: Kysely<unknown>, { timestamp }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('bulletin_posts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The region the post is filed under: what staff scope filters on. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('author_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('author_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('published_at', timestamp)
    .addColumn('withdrawn_at', timestamp)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('bulletin_posts_region')
    .on('bulletin_posts')
    .columns(['region_code', 'id'])
    .execute();

  await db.schema
    .createTable('bulletin_targets')
    /** A post's or a course's id. */
    .addColumn('subject_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('target_kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(36)')
    .addColumn('region_code', 'varchar(20)')
    .addColumn('include_descendants', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('bulletin_targets_pk', ['subject_id', 'position'])
    .execute();
  await db.schema
    .createIndex('bulletin_targets_organization')
    .on('bulletin_targets')
    .columns(['organization_id', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('bulletin_targets_region')
    .on('bulletin_targets')
    .columns(['region_code', 'subject_id'])
    .execute();

  await db.schema
    .createTable('bulletin_receipts')
    .addColumn('post_id', 'varchar(36)', (c) => c.notNull().references('bulletin_posts.id'))
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('read_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('bulletin_receipts_pk', ['post_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('bulletin_receipts_member')
    .on('bulletin_receipts')
    .columns(['member_id', 'post_id'])
    .execute();

  await db.schema
    .createTable('study_courses')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('pass_mark', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('published_at', timestamp)
    .addColumn('withdrawn_at', timestamp)
    .execute();
  await db.schema
    .createIndex('study_courses_region')
    .on('study_courses')
    .columns(['region_code', 'id'])
    .execute();

  await db.schema
    .createTable('study_course_items')
    .addColumn('course_id', 'varchar(36)', (c) => c.notNull().references('study_courses.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('post_id', 'varchar(36)', (c) => c.notNull().references('bulletin_posts.id'))
    .addColumn('min_seconds', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('study_course_items_pk', ['course_id', 'position'])
    .addUniqueConstraint('study_course_items_post', ['course_id', 'post_id'])
    .execute();

  await db.schema
    .createTable('study_questions')
    .addColumn('course_id', 'varchar(36)', (c) => c.notNull().references('study_courses.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('text', 'varchar(500)', (c) => c.notNull())
    /** JSON arrays: the options' texts and the right options' indexes (never sent to a member). */
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('correct', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('study_questions_pk', ['course_id', 'position'])
    .execute();

  await db.schema
    .createTable('study_progress')
    .addColumn('course_id', 'varchar(36)', (c) => c.notNull().references('study_courses.id'))
    .addColumn('post_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The server's clock when the member first opened the item: the timer starts here. */
    .addColumn('opened_at', timestamp, (c) => c.notNull())
    .addColumn('done_at', timestamp)
    .addPrimaryKeyConstraint('study_progress_pk', ['course_id', 'member_id', 'post_id'])
    .execute();

  await db.schema
    .createTable('study_attempts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('course_id', 'varchar(36)', (c) => c.notNull().references('study_courses.id'))
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The member's organization's region when the attempt was made. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('attempt_no', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('correct', 'integer', (c) => c.notNull())
    .addColumn('questions', 'integer', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', timestamp, (c) => c.notNull())
    /** Two concurrent submissions cannot both be the member's n-th attempt. */
    .addUniqueConstraint('study_attempts_number', ['course_id', 'member_id', 'attempt_no'])
    .execute();
  await db.schema
    .createIndex('study_attempts_district')
    .on('study_attempts')
    .columns(['district_code', 'submitted_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'study_attempts',
    'study_progress',
    'study_questions',
    'study_course_items',
    'study_courses',
    'bulletin_receipts',
    'bulletin_targets',
    'bulletin_posts',
  ])
    await db.schema.dropTable(table).execute();
}
