import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * 大走访: campaigns, the households each targets (with whom they are given to and how far they
 * got), counters of coverage per campaign and region or visitor (so coverage reads a few rows
 * whatever the size of the register), visits with their needs, and register changes seen on a
 * visit, waiting for the community to confirm them.
 */
export async function up(db: Kysely<unknown>, { timestamp, dialect }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('visit_campaigns')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('regions.code'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
    /** The middle of the period: households not yet visited after it are overdue. */
    .addColumn('halfway_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('rule', 'varchar(20)', (c) => c.notNull())
    .addColumn('min_visits', 'integer', (c) => c.notNull())
    .addColumn('tag_code', 'varchar(32)')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('visit_campaigns_region')
    .on('visit_campaigns')
    .columns(['region_code', 'id'])
    .execute();

  /** One row per household a campaign targets: its visitor, its target and how far it got. */
  await db.schema
    .createTable('visit_targets')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('campaign_id', 'varchar(36)', (c) => c.notNull().references('visit_campaigns.id'))
    .addColumn('household_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('visitor_user_id', 'varchar(36)')
    .addColumn('target_visits', 'integer', (c) => c.notNull())
    .addColumn('met_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempt_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_visit_at', timestamp)
    .addColumn('last_outcome', 'varchar(12)')
    .addColumn('revisit_slot', 'varchar(10)')
    .addPrimaryKeyConstraint('visit_targets_pk', ['district_code', 'campaign_id', 'household_id'])
    .execute();
  await db.schema
    .createIndex('visit_targets_visitor')
    .on('visit_targets')
    .columns(['visitor_user_id', 'campaign_id', 'household_id'])
    .execute();
  await db.schema
    .createIndex('visit_targets_campaign_region')
    .on('visit_targets')
    .columns(['campaign_id', 'region_code', 'household_id'])
    .execute();
  await db.schema.createIndex('visit_targets_household').on('visit_targets').column('household_id').execute();

  /**
   * Counters per campaign and region (every ancestor of a household's region holds its subtree's
   * total) or per visitor: households targeted, attempted (any visit), met in person, covered
   * (met as often as the target asks).
   */
  await db.schema
    .createTable('visit_coverage')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('campaign_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('scope_key', 'varchar(36)', (c) => c.notNull())
    .addColumn('households', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('met', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('covered', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('visit_coverage_pk', ['district_code', 'campaign_id', 'kind', 'scope_key'])
    .execute();

  await db.schema
    .createTable('visits')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('household_id', 'varchar(36)', (c) => c.notNull().references('households.id'))
    .addColumn('campaign_id', 'varchar(36)', (c) => c.references('visit_campaigns.id'))
    .addColumn('recorded_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    /** JSON array of the fellow visitors' account ids. */
    .addColumn('companion_user_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('idempotency_key', 'varchar(36)', (c) => c.notNull())
    .addColumn('started_at', timestamp, (c) => c.notNull())
    .addColumn('ended_at', timestamp, (c) => c.notNull())
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('method', 'varchar(10)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(12)', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('revisit_slot', 'varchar(10)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('visits_idempotency', ['district_code', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('visits_household')
    .on('visits')
    .columns(['household_id', 'started_at'])
    .execute();
  await db.schema.createIndex('visits_region').on('visits').columns(['region_code', 'id']).execute();
  await db.schema.createIndex('visits_idempotency_key').on('visits').column('idempotency_key').execute();
  if (dialect === 'postgres') {
    await sql`create index visits_region_prefix on visits (region_code varchar_pattern_ops, id)`.execute(db);
  }

  await db.schema
    .createTable('visit_needs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('visit_id', 'varchar(36)', (c) => c.notNull().references('visits.id'))
    .addColumn('household_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('type', 'varchar(12)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('work_order_id', 'varchar(36)', (c) => c.references('work_orders.id'))
    .addColumn('ordered_at', timestamp)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visit_needs_visit').on('visit_needs').column('visit_id').execute();
  await db.schema.createIndex('visit_needs_order').on('visit_needs').column('work_order_id').execute();
  await db.schema.createIndex('visit_needs_household').on('visit_needs').column('household_id').execute();

  await db.schema
    .createTable('visit_change_requests')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('visit_id', 'varchar(36)', (c) => c.notNull().references('visits.id'))
    .addColumn('household_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('persons.id'))
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    /** A tag's name; empty for a phone number, which is kept encrypted in value_enc. */
    .addColumn('value', 'varchar(32)', (c) => c.notNull().defaultTo(''))
    .addColumn('value_enc', 'text')
    .addColumn('note', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(36)')
    .addColumn('decided_at', timestamp)
    .addColumn('decision_note', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('visit_change_requests_region')
    .on('visit_change_requests')
    .columns(['region_code', 'status', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'visit_change_requests',
    'visit_needs',
    'visits',
    'visit_coverage',
    'visit_targets',
    'visit_campaigns',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
