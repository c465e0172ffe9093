import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * 工作日志 and 联系点 (issue 14): work logs of organizations written by their secretaries (with
 * optional links to a work order, a visit, a volunteer activity), the leaders' contact points at
 * grassroots organizations and the contact records of each. Every table carries district_code and
 * the organization's region_code, which scope filters on.
 */
export async function up(db: Kysely<unknown>, { timestamp }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('work_logs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('author_id', 'varchar(36)', (c) => c.notNull())
    /** The author's name when written: the log stays readable after the account is renamed. */
    .addColumn('author_name', 'varchar(100)', (c) => c.notNull())
    /** The Beijing date the work was done (YYYY-MM-DD). */
    .addColumn('logged_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('work_order_id', 'varchar(36)')
    .addColumn('visit_id', 'varchar(36)')
    .addColumn('volunteer_activity_id', 'varchar(36)')
    .addColumn('void_reason', 'varchar(200)')
    .addColumn('voided_by', 'varchar(36)')
    .addColumn('voided_at', timestamp)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_logs_region').on('work_logs').columns(['region_code', 'id']).execute();
  await db.schema
    .createIndex('work_logs_organization')
    .on('work_logs')
    .columns(['organization_id', 'logged_on'])
    .execute();
  await db.schema.createIndex('work_logs_author').on('work_logs').columns(['author_id', 'id']).execute();

  await db.schema
    .createTable('contact_points')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('leader_user_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('leader_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('start_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_on', 'varchar(10)')
    .addColumn('assigned_by', 'varchar(36)')
    .addColumn('ended_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contact_points_region')
    .on('contact_points')
    .columns(['region_code', 'id'])
    .execute();
  await db.schema
    .createIndex('contact_points_leader')
    .on('contact_points')
    .columns(['leader_user_id', 'organization_id'])
    .execute();
  // One open assignment per leader and organization (an ended one may be followed by a new one).
  await db.schema
    .createIndex('contact_points_open')
    .on('contact_points')
    .columns(['leader_user_id', 'organization_id'])
    .unique()
    .where(sql.ref('end_on'), 'is', null)
    .execute();

  await db.schema
    .createTable('contact_records')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('contact_point_id', 'varchar(36)', (c) => c.notNull().references('contact_points.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('contacted_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('way', 'varchar(20)', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contact_records_point')
    .on('contact_records')
    .columns(['contact_point_id', 'contacted_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['contact_records', 'contact_points', 'work_logs'])
    await db.schema.dropTable(table).execute();
}
