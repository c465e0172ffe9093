import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Volunteering (issue 13): the volunteers of volunteer teams (organizations of kind
 * 'volunteer_team') with what the national rules on volunteer-service records ask for (基本信息 from
 * the register person, 服务情况 from the sign-ups, 培训 and 表彰 as their own rows, 评价 per service),
 * activities with shifts, sign-ups (waiting list, check-in/out, hours) and service certificates.
 * Every table carries district_code and the region_code scope filters on (the team's region).
 */
export async function up(db: Kysely<unknown>, { timestamp }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('volunteers')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('team_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('persons.id'))
    .addColumn('member_id', 'varchar(36)', (c) => c.references('members.id'))
    /** JSON array of skill or qualification names (急救证, 驾驶, 理发 …). */
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('joined_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('volunteers_team_person', ['team_id', 'person_id'])
    .execute();
  await db.schema.createIndex('volunteers_region').on('volunteers').columns(['region_code', 'id']).execute();
  await db.schema.createIndex('volunteers_person').on('volunteers').column('person_id').execute();
  await db.schema.createIndex('volunteers_member').on('volunteers').column('member_id').execute();

  await db.schema
    .createTable('volunteer_record_entries')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('volunteer_id', 'varchar(36)', (c) => c.notNull().references('volunteers.id'))
    /** 'training' (培训) or 'honour' (表彰). */
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('on_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('volunteer_record_entries_volunteer')
    .on('volunteer_record_entries')
    .columns(['volunteer_id', 'on_date'])
    .execute();

  await db.schema
    .createTable('volunteer_activities')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('team_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('area', 'varchar(30)', (c) => c.notNull())
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('place', 'varchar(200)', (c) => c.notNull())
    .addColumn('signup_mode', 'varchar(12)', (c) => c.notNull())
    /** Hours before a shift starts after which a sign-up can no longer be cancelled. */
    .addColumn('cancel_cutoff_hours', 'integer', (c) => c.notNull())
    .addColumn('work_order_id', 'varchar(36)')
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('starts_at', timestamp, (c) => c.notNull())
    .addColumn('ends_at', timestamp, (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('volunteer_activities_region')
    .on('volunteer_activities')
    .columns(['region_code', 'starts_at'])
    .execute();
  await db.schema
    .createIndex('volunteer_activities_team')
    .on('volunteer_activities')
    .columns(['team_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('volunteer_shifts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('activity_id', 'varchar(36)', (c) => c.notNull().references('volunteer_activities.id'))
    .addColumn('role', 'varchar(50)', (c) => c.notNull())
    .addColumn('needed', 'integer', (c) => c.notNull())
    /** JSON array: every skill a volunteer must hold for 'qualified' sign-up. */
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('starts_at', timestamp, (c) => c.notNull())
    .addColumn('ends_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('volunteer_shifts_activity')
    .on('volunteer_shifts')
    .columns(['activity_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('volunteer_signups')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('activity_id', 'varchar(36)', (c) => c.notNull().references('volunteer_activities.id'))
    .addColumn('shift_id', 'varchar(36)', (c) => c.notNull().references('volunteer_shifts.id'))
    .addColumn('volunteer_id', 'varchar(36)', (c) => c.notNull().references('volunteers.id'))
    /** pending (awaits the leader) · confirmed · waitlisted · cancelled · rejected. */
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    /** Copied from the shift, so the collision check is one indexed query per volunteer. */
    .addColumn('starts_at', timestamp, (c) => c.notNull())
    .addColumn('ends_at', timestamp, (c) => c.notNull())
    .addColumn('walk_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checked_in_at', timestamp)
    .addColumn('checked_out_at', timestamp)
    .addColumn('no_show', 'integer', (c) => c.notNull().defaultTo(0))
    /** Minutes as computed or entered; credited once confirmed_at is set. */
    .addColumn('minutes', 'integer')
    .addColumn('confirmed_at', timestamp)
    .addColumn('confirmed_by', 'varchar(36)')
    /** The leader's evaluation of this service (评价): 1–5, and a remark. */
    .addColumn('rating', 'integer')
    .addColumn('remark', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('volunteer_signups_shift')
    .on('volunteer_signups')
    .columns(['shift_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('volunteer_signups_volunteer')
    .on('volunteer_signups')
    .columns(['volunteer_id', 'starts_at'])
    .execute();
  await db.schema
    .createIndex('volunteer_signups_activity')
    .on('volunteer_signups')
    .column('activity_id')
    .execute();

  await db.schema
    .createTable('volunteer_certificates')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    /** Printed on the certificate and typed into the public verification page. */
    .addColumn('serial', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('volunteer_id', 'varchar(36)', (c) => c.notNull().references('volunteers.id'))
    .addColumn('team_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('services', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('period_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('period_to', 'varchar(10)', (c) => c.notNull())
    .addColumn('issued_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('issued_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('volunteer_certificates_volunteer')
    .on('volunteer_certificates')
    .column('volunteer_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'volunteer_certificates',
    'volunteer_signups',
    'volunteer_shifts',
    'volunteer_activities',
    'volunteer_record_entries',
    'volunteers',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
