import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Relocation (易地搬迁, issue 18): resettlement communities (安置社区) with their capacity in
 * flats, relocation cases per household or enterprise (land and house area in square decimetres,
 * compensation in fen, surveyed → agreed → paid → moved → resettled, or withdrawn), one event per
 * step, and disputes that became work orders. Every table carries district_code; the scoped ones a
 * region_code (a case: the place it was taken from; a community: its own code).
 */
export async function up(db: Kysely<unknown>, { timestamp }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('resettlement_communities')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('capacity_units', 'integer', (c) => c.notNull())
    /** Flats given to resettled cases: moved by one conditional update that keeps it ≤ capacity. */
    .addColumn('occupied_units', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('resettlement_communities_region', ['district_code', 'region_code'])
    .execute();

  await db.schema
    .createTable('relocation_cases')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** Where the household lived or the enterprise stood: what scope filters on. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('subject', 'varchar(20)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(36)', (c) => c.notNull())
    /** The head of household and address, or the enterprise's name, when the case was opened. */
    .addColumn('subject_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('program', 'varchar(20)', (c) => c.notNull())
    .addColumn('land_area_dm2', 'bigint', (c) => c.notNull())
    .addColumn('house_area_dm2', 'bigint', (c) => c.notNull())
    .addColumn('compensation_fen', 'bigint')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('surveyed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('agreed_on', 'varchar(10)')
    .addColumn('paid_on', 'varchar(10)')
    .addColumn('moved_on', 'varchar(10)')
    .addColumn('resettled_on', 'varchar(10)')
    .addColumn('withdrawn_on', 'varchar(10)')
    .addColumn('resettlement_id', 'varchar(36)', (c) => c.references('resettlement_communities.id'))
    .addColumn('unit', 'varchar(40)')
    .addColumn('note', 'varchar(1000)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('relocation_cases_region')
    .on('relocation_cases')
    .columns(['region_code', 'id'])
    .execute();
  await db.schema
    .createIndex('relocation_cases_subject')
    .on('relocation_cases')
    .columns(['subject', 'subject_id', 'status'])
    .execute();
  // One case per flat: NULLs (not yet resettled) never collide, on either database.
  await db.schema
    .createIndex('relocation_cases_unit')
    .on('relocation_cases')
    .columns(['district_code', 'resettlement_id', 'unit'])
    .unique()
    .execute();

  await db.schema
    .createTable('relocation_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('relocation_cases.id'))
    .addColumn('action', 'varchar(20)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(20)')
    .addColumn('to_status', 'varchar(20)', (c) => c.notNull())
    .addColumn('on_day', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('actor_name', 'varchar(100)')
    .addColumn('at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('relocation_events_case')
    .on('relocation_events')
    .columns(['case_id', 'at'])
    .execute();

  await db.schema
    .createTable('relocation_disputes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('relocation_cases.id'))
    .addColumn('description', 'varchar(2000)', (c) => c.notNull())
    .addColumn('work_order_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('work_order_number', 'varchar(30)', (c) => c.notNull())
    .addColumn('raised_by', 'varchar(36)')
    .addColumn('raised_by_name', 'varchar(100)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('relocation_disputes_case')
    .on('relocation_disputes')
    .columns(['case_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('relocation_disputes_order')
    .on('relocation_disputes')
    .columns(['work_order_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'relocation_disputes',
    'relocation_events',
    'relocation_cases',
    'resettlement_communities',
  ])
    await db.schema.dropTable(table).execute();
}
