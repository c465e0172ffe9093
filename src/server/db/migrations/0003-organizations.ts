import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Organizations and members: the organization tree anchored to regions or enterprises, members
 * and their history, community registration (双报到), relationship transfers, warm groups, care
 * pairing, commitments and commendations.
 */
export async function up(db: Kysely<unknown>, { timestamp }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('enterprises')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('regions.code'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('credit_code', 'varchar(18)', (c) => c.notNull().unique())
    .addColumn('address', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enterprises_region').on('enterprises').column('region_code').execute();

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The region scope is decided on: the anchor region, or the anchor enterprise's region. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('parent_id', 'varchar(36)', (c) => c.references('organizations.id'))
    /** Materialized path of ids, '/root/…/this/': a subtree is a prefix. */
    .addColumn('path', 'varchar(1000)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('leader_member_id', 'varchar(36)')
    .addColumn('anchor_region_code', 'varchar(20)', (c) => c.references('regions.code'))
    .addColumn('anchor_enterprise_id', 'varchar(36)', (c) => c.references('enterprises.id'))
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('organizations_sibling_name', ['parent_id', 'name'])
    .execute();
  await db.schema
    .createIndex('organizations_region')
    .on('organizations')
    .columns(['region_code', 'kind'])
    .execute();
  await db.schema.createIndex('organizations_parent').on('organizations').column('parent_id').execute();
  await db.schema
    .createIndex('organizations_anchor_region')
    .on('organizations')
    .columns(['anchor_region_code', 'kind'])
    .execute();
  await db.schema
    .createIndex('organizations_anchor_enterprise')
    .on('organizations')
    .column('anchor_enterprise_id')
    .execute();

  await db.schema
    .createTable('organization_history')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('change', 'varchar(20)', (c) => c.notNull())
    .addColumn('before', 'text', (c) => c.notNull())
    .addColumn('after', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('organization_history_org')
    .on('organization_history')
    .columns(['organization_id', 'at'])
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The organization's region: who may see the member is decided by scope over this code. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().unique().references('persons.id'))
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    /** The member's own login, when they have one. */
    .addColumn('user_id', 'varchar(36)', (c) => c.unique().references('users.id'))
    .addColumn('category', 'varchar(12)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('joined_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('post', 'varchar(50)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('members_organization').on('members').column('organization_id').execute();
  await db.schema.createIndex('members_region').on('members').columns(['region_code', 'id']).execute();

  await db.schema
    .createTable('member_history')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('from_at', timestamp, (c) => c.notNull())
    .addColumn('to_at', timestamp)
    .addColumn('reason', 'varchar(20)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('member_history_member')
    .on('member_history')
    .columns(['member_id', 'from_at'])
    .execute();

  await db.schema
    .createTable('community_registrations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The community the member registered at (双报到). */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('regions.code'))
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().unique().references('members.id'))
    /** JSON array of the community's service areas the member chose. */
    .addColumn('service_areas', 'text', (c) => c.notNull())
    .addColumn('commitment', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(36)')
    .addColumn('decided_at', timestamp)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('community_registrations_region')
    .on('community_registrations')
    .columns(['region_code', 'status'])
    .execute();

  await db.schema
    .createTable('transfers')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The sending organization's region; the receiving side sees it through to_region_code. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('to_region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('from_organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('to_organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('dues_paid_until', 'varchar(7)', (c) => c.notNull())
    .addColumn('letter_valid_days', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('letter_expires_at', timestamp)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('transfers_member').on('transfers').columns(['member_id', 'status']).execute();
  await db.schema
    .createIndex('transfers_region')
    .on('transfers')
    .columns(['region_code', 'status'])
    .execute();
  await db.schema
    .createIndex('transfers_to_region')
    .on('transfers')
    .columns(['to_region_code', 'status'])
    .execute();

  await db.schema
    .createTable('transfer_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('transfer_id', 'varchar(36)', (c) => c.notNull().references('transfers.id'))
    .addColumn('action', 'varchar(20)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('transfer_events_transfer')
    .on('transfer_events')
    .columns(['transfer_id', 'at'])
    .execute();

  await db.schema
    .createTable('warm_group_households')
    .addColumn('household_id', 'varchar(36)', (c) => c.primaryKey().references('households.id'))
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('warm_group_households_org')
    .on('warm_group_households')
    .column('organization_id')
    .execute();

  await db.schema
    .createTable('care_pairings')
    .addColumn('household_id', 'varchar(36)', (c) => c.primaryKey().references('households.id'))
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    /** 'warm_group' when it follows the group's leader, 'assigned' when someone chose the member. */
    .addColumn('source', 'varchar(12)', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('care_pairings_member').on('care_pairings').column('member_id').execute();
  await db.schema.createIndex('care_pairings_region').on('care_pairings').column('region_code').execute();

  await db.schema
    .createTable('commitments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('commitments_member')
    .on('commitments')
    .columns(['member_id', 'year'])
    .execute();
  await db.schema
    .createIndex('commitments_region')
    .on('commitments')
    .columns(['region_code', 'year'])
    .execute();

  await db.schema
    .createTable('commitment_updates')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('commitment_id', 'varchar(36)', (c) => c.notNull().references('commitments.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('at', timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('commitment_ratings')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('commitment_id', 'varchar(36)', (c) => c.notNull().references('commitments.id'))
    .addColumn('rating', 'varchar(20)', (c) => c.notNull())
    .addColumn('rater_person_id', 'varchar(36)')
    .addColumn('at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('commitment_ratings_commitment')
    .on('commitment_ratings')
    .column('commitment_id')
    .execute();

  await db.schema
    .createTable('commendations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(50)', (c) => c.notNull())
    .addColumn('subject_type', 'varchar(12)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('commendations_region')
    .on('commendations')
    .columns(['region_code', 'year'])
    .execute();

  // Counters per region and each of its ancestors, kept up to date in the transaction of every
  // change, so coverage figures cost the same for a building and for the whole district.
  await db.schema
    .createTable('region_stats')
    .addColumn('region_code', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('households', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cared_households', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warm_group_households', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'region_stats',
    'commendations',
    'commitment_ratings',
    'commitment_updates',
    'commitments',
    'care_pairings',
    'warm_group_households',
    'transfer_events',
    'transfers',
    'community_registrations',
    'member_history',
    'members',
    'organization_history',
    'organizations',
    'enterprises',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
