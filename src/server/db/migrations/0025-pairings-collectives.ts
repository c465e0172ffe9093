import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Issue 18's last two livelihood programmes. Assistance pairings (帮扶结对): a helper (a cadre's
 * account, a party member or an organization) paired with a target (an enterprise, a community or
 * village, or a household in difficulty), with its contacts, the support given and the outcomes.
 * Village collective economic organizations (村集体经济组织): shareholders from the register,
 * income entries, and dividend runs whose payouts are frozen once a second person approves them.
 * Money is integer fen. Every table carries district_code; the scoped ones a region_code.
 */
export async function up(db: Kysely<unknown>, { timestamp }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('pairings')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The target's place: the household's building, the community's code, the enterprise's region. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('helper_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('helper_id', 'varchar(36)', (c) => c.notNull())
    /** The helper's name when paired: a list shows it without reading three modules' tables. */
    .addColumn('helper_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('target_kind', 'varchar(20)', (c) => c.notNull())
    /** An enterprise's or household's id, or a region's code. */
    .addColumn('target_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('target_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('goals', 'varchar(1000)', (c) => c.notNull())
    .addColumn('plan', 'varchar(2000)', (c) => c.notNull())
    .addColumn('next_contact_on', 'varchar(10)')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('started_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ended_on', 'varchar(10)')
    .addColumn('end_reason', 'varchar(20)')
    .addColumn('end_note', 'varchar(200)')
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pairings_region').on('pairings').columns(['region_code', 'id']).execute();
  await db.schema
    .createIndex('pairings_target')
    .on('pairings')
    .columns(['target_kind', 'target_id', 'status'])
    .execute();

  for (const table of ['pairing_contacts', 'pairing_supports', 'pairing_outcomes'] as const) {
    let builder = db.schema
      .createTable(table)
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
      .addColumn('pairing_id', 'varchar(36)', (c) => c.notNull().references('pairings.id'))
      .addColumn('on_day', 'varchar(10)', (c) => c.notNull())
      .addColumn('description', 'varchar(1000)', (c) => c.notNull());
    if (table === 'pairing_contacts')
      builder = builder.addColumn('method', 'varchar(20)', (c) => c.notNull());
    if (table === 'pairing_supports')
      builder = builder
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('amount_fen', 'bigint', (c) => c.notNull().defaultTo(0));
    await builder
      .addColumn('recorded_by', 'varchar(36)')
      .addColumn('recorded_by_name', 'varchar(100)')
      .addColumn('created_at', timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${table}_pairing`).on(table).columns(['pairing_id', 'on_day']).execute();
  }

  await db.schema
    .createTable('collectives')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    /** What is kept back before dividends, in basis points (10% = 1000). */
    .addColumn('retention_bp', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('collectives_region', ['district_code', 'region_code'])
    .execute();

  await db.schema
    .createTable('collective_shareholders')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('collective_id', 'varchar(36)', (c) => c.notNull().references('collectives.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('persons.id'))
    .addColumn('shares', 'integer', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('collective_shareholders_pk', ['district_code', 'collective_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('collective_incomes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('collective_id', 'varchar(36)', (c) => c.notNull().references('collectives.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('source', 'varchar(200)', (c) => c.notNull())
    .addColumn('received_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('collective_incomes_year')
    .on('collective_incomes')
    .columns(['collective_id', 'year'])
    .execute();

  await db.schema
    .createTable('dividend_runs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('collective_id', 'varchar(36)', (c) => c.notNull().references('collectives.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('income_fen', 'bigint', (c) => c.notNull())
    .addColumn('retention_bp', 'integer', (c) => c.notNull())
    /** Kept by the collective: the rate's share plus the fen that could not be split evenly. */
    .addColumn('retained_fen', 'bigint', (c) => c.notNull())
    .addColumn('remainder_fen', 'bigint', (c) => c.notNull())
    .addColumn('total_shares', 'bigint', (c) => c.notNull())
    .addColumn('per_share_fen', 'bigint', (c) => c.notNull())
    .addColumn('paid_fen', 'bigint', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('drafted_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('drafted_by_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('drafted_at', timestamp, (c) => c.notNull())
    .addColumn('approved_by', 'varchar(36)')
    .addColumn('approved_by_name', 'varchar(100)')
    .addColumn('approved_at', timestamp)
    .addUniqueConstraint('dividend_runs_year', ['district_code', 'collective_id', 'year'])
    .execute();

  await db.schema
    .createTable('dividend_payouts')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('run_id', 'varchar(36)', (c) => c.notNull().references('dividend_runs.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('persons.id'))
    .addColumn('shares', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('dividend_payouts_pk', ['district_code', 'run_id', 'person_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'dividend_payouts',
    'dividend_runs',
    'collective_incomes',
    'collective_shareholders',
    'collectives',
    'pairing_outcomes',
    'pairing_supports',
    'pairing_contacts',
    'pairings',
  ])
    await db.schema.dropTable(table).execute();
}
