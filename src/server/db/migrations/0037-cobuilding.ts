import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * 大项目 and 区厂共建 (issue 18): industrial projects with their enterprises (many-to-many, each
 * enterprise of a project covered by at most one organization linked to the project) and the
 * organizations set up in them; co-building units with their linked members, joint activities,
 * venues and bookings; task forces with secondments and results. Every table carries district_code
 * and the region_code scope filters on (a child row: its parent's).
 */
export async function up(db: Kysely<unknown>, { timestamp }: MigrationContext): Promise<void> {
  const base = (table: string) =>
    db.schema
      .createTable(table)
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
      .addColumn('region_code', 'varchar(20)', (c) => c.notNull());
  const index = (name: string, table: string, columns: string[]) =>
    db.schema.createIndex(name).on(table).columns(columns).execute();

  await base('projects')
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('site', 'varchar(200)', (c) => c.notNull())
    .addColumn('started_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await index('projects_region', 'projects', ['region_code', 'id']);

  await db.schema
    .createTable('project_enterprises')
    .addColumn('project_id', 'varchar(36)', (c) => c.notNull().references('projects.id'))
    .addColumn('enterprise_id', 'varchar(36)', (c) => c.notNull().references('enterprises.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('covering_organization_id', 'varchar(36)', (c) => c.references('organizations.id'))
    .addColumn('follow_up_order_id', 'varchar(36)')
    .addColumn('follow_up_order_number', 'varchar(30)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('project_enterprises_pk', ['project_id', 'enterprise_id'])
    .execute();
  await index('project_enterprises_region', 'project_enterprises', ['region_code', 'project_id']);
  await index('project_enterprises_enterprise', 'project_enterprises', ['enterprise_id']);

  await db.schema
    .createTable('project_organizations')
    .addColumn('project_id', 'varchar(36)', (c) => c.notNull().references('projects.id'))
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('project_organizations_pk', ['project_id', 'organization_id'])
    .execute();
  await index('project_organizations_org', 'project_organizations', ['organization_id']);

  await base('cobuilding_units')
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('address', 'varchar(200)', (c) => c.notNull())
    .addColumn('contact', 'varchar(100)', (c) => c.notNull())
    .addColumn('reported_members', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await index('cobuilding_units_region', 'cobuilding_units', ['region_code', 'id']);

  await db.schema
    .createTable('cobuilding_unit_members')
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('cobuilding_units.id'))
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('cobuilding_unit_members_pk', ['unit_id', 'member_id'])
    .execute();

  await base('cobuilding_activities')
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('cobuilding_units.id'))
    .addColumn('area', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .addColumn('held_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('volunteer_activity_id', 'varchar(36)', (c) => c.references('volunteer_activities.id'))
    .addColumn('note', 'varchar(1000)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await index('cobuilding_activities_unit', 'cobuilding_activities', ['unit_id', 'held_on']);

  await base('cobuilding_venues')
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('cobuilding_units.id'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('address', 'varchar(200)', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('opens_at', 'varchar(5)', (c) => c.notNull())
    .addColumn('closes_at', 'varchar(5)', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    /** Touched by every booking first: the row lock that keeps two bookings of one venue apart. */
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await index('cobuilding_venues_unit', 'cobuilding_venues', ['unit_id']);

  await base('venue_bookings')
    .addColumn('venue_id', 'varchar(36)', (c) => c.notNull().references('cobuilding_venues.id'))
    .addColumn('starts_at', timestamp, (c) => c.notNull())
    .addColumn('ends_at', timestamp, (c) => c.notNull())
    .addColumn('purpose', 'varchar(200)', (c) => c.notNull())
    .addColumn('attendees', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('booked_by', 'varchar(36)')
    .addColumn('booked_by_name', 'varchar(100)')
    .addColumn('cancel_reason', 'varchar(200)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await index('venue_bookings_venue', 'venue_bookings', ['venue_id', 'status', 'starts_at']);

  await base('task_forces')
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('purpose', 'varchar(1000)', (c) => c.notNull())
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)')
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await index('task_forces_region', 'task_forces', ['region_code', 'id']);

  await base('task_force_secondments')
    .addColumn('task_force_id', 'varchar(36)', (c) => c.notNull().references('task_forces.id'))
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('home_organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('role', 'varchar(60)', (c) => c.notNull())
    .addColumn('from_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_on', 'varchar(10)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await index('task_force_secondments_force', 'task_force_secondments', ['task_force_id', 'from_on']);

  await base('task_force_results')
    .addColumn('task_force_id', 'varchar(36)', (c) => c.notNull().references('task_forces.id'))
    .addColumn('on_day', 'varchar(10)', (c) => c.notNull())
    .addColumn('text', 'varchar(2000)', (c) => c.notNull())
    /** JSON array of { label, value, unit }. */
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await index('task_force_results_force', 'task_force_results', ['task_force_id', 'on_day']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'task_force_results',
    'task_force_secondments',
    'task_forces',
    'venue_bookings',
    'cobuilding_venues',
    'cobuilding_activities',
    'cobuilding_unit_members',
    'cobuilding_units',
    'project_organizations',
    'project_enterprises',
    'projects',
  ])
    await db.schema.dropTable(table).execute();
}
