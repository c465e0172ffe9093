import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * 三会一课 and the other meetings of an organization (issue 14): meetings with their attendance,
 * each district's rule table (which meeting how often, for which kinds of organization; a district
 * without rows keeps the defaults), and the tasks that missed meetings and decisions become.
 * Every table carries district_code; the scoped ones the organization's region_code.
 */
export async function up(db: Kysely<unknown>, { timestamp }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The organization's region: what scope filters on. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('topic', 'varchar(200)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('planned_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('held_on', 'varchar(10)')
    .addColumn('duration_minutes', 'integer')
    .addColumn('presenter_member_id', 'varchar(36)')
    .addColumn('recorder_member_id', 'varchar(36)')
    .addColumn('minutes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('return_reason', 'varchar(200)')
    .addColumn('submitted_by', 'varchar(36)')
    .addColumn('submitted_at', timestamp)
    .addColumn('reviewed_by', 'varchar(36)')
    .addColumn('reviewed_by_name', 'varchar(100)')
    .addColumn('reviewed_at', timestamp)
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_region').on('meetings').columns(['region_code', 'id']).execute();
  await db.schema
    .createIndex('meetings_organization')
    .on('meetings')
    .columns(['organization_id', 'held_on'])
    .execute();

  await db.schema
    .createTable('meeting_attendance')
    .addColumn('meeting_id', 'varchar(36)', (c) => c.notNull().references('meetings.id'))
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The member's name when the meeting was drafted: the record stays readable after a transfer. */
    .addColumn('member_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('mark', 'varchar(10)', (c) => c.notNull())
    .addColumn('absence_reason', 'varchar(200)')
    .addPrimaryKeyConstraint('meeting_attendance_pk', ['meeting_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('meeting_rules')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('meeting_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('frequency', 'varchar(10)', (c) => c.notNull())
    /** The organization kinds the rule applies to, comma-separated. */
    .addColumn('kinds', 'varchar(100)', (c) => c.notNull())
    .addColumn('changed_by', 'varchar(36)')
    .addColumn('changed_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_rules_pk', ['district_code', 'meeting_type'])
    .execute();

  await db.schema
    .createTable('meeting_tasks')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    /**
     * What the task stands for, unique per organization: `missed:<type>:<period>` or
     * `decision:<meeting>:<n>`. The sweep inserts with ON CONFLICT DO NOTHING, so it is idempotent.
     */
    .addColumn('source_key', 'varchar(120)', (c) => c.notNull())
    .addColumn('meeting_id', 'varchar(36)')
    .addColumn('meeting_type', 'varchar(20)')
    .addColumn('period', 'varchar(7)')
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('owner_member_id', 'varchar(36)')
    .addColumn('owner_name', 'varchar(100)')
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('done_by', 'varchar(36)')
    .addColumn('done_at', timestamp)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('meeting_tasks_source', ['organization_id', 'source_key'])
    .execute();
  await db.schema
    .createIndex('meeting_tasks_region')
    .on('meeting_tasks')
    .columns(['region_code', 'id'])
    .execute();
  await db.schema.createIndex('meeting_tasks_meeting').on('meeting_tasks').column('meeting_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['meeting_tasks', 'meeting_rules', 'meeting_attendance', 'meetings'])
    await db.schema.dropTable(table).execute();
}
