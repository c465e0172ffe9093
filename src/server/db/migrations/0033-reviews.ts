import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Issue 14, the annual review (述职评议, 民主评议党员). A review round belongs to a region and
 * reviews the regions one level below it (a street's round its communities); each reviewed unit
 * gets a report, evaluators' rubric scores and, at close, its KPIs and scores copied in (a closed
 * round never recomputes). Scores are integer hundredths (85.25 → 8525) so both databases keep
 * them exactly. Member evaluations are one row per member and year; the tally row per
 * organization and year is the one row an evaluation of that organization locks, so the 优秀 cap
 * holds under concurrent writes without locking anything wider.
 */
export async function up(db: Kysely<unknown>, { timestamp }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('review_rounds')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The reviewing region: its children are the reviewed units. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    /** The KPIs' period, Beijing months YYYY-MM, both included. */
    .addColumn('from_month', 'varchar(7)', (c) => c.notNull())
    .addColumn('to_month', 'varchar(7)', (c) => c.notNull())
    /** JSON: [{ id, title, max }]. */
    .addColumn('rubric', 'text', (c) => c.notNull())
    /** JSON: { leader, member, resident } weights of the evaluator groups. */
    .addColumn('group_weights', 'text', (c) => c.notNull())
    /** JSON: a weight per KPI code. */
    .addColumn('kpi_weights', 'text', (c) => c.notNull())
    .addColumn('rubric_weight', 'integer', (c) => c.notNull())
    .addColumn('kpi_weight', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addColumn('closed_at', timestamp)
    .addColumn('published_at', timestamp)
    .execute();
  await db.schema
    .createIndex('review_rounds_region')
    .on('review_rounds')
    .columns(['region_code', 'year'])
    .execute();

  await db.schema
    .createTable('review_units')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('round_id', 'varchar(36)', (c) => c.notNull().references('review_rounds.id'))
    /** The reviewed region (scope filters on it: a community's secretary submits its report). */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('report', 'text')
    .addColumn('report_by', 'varchar(36)')
    .addColumn('report_by_name', 'varchar(100)')
    .addColumn('report_at', timestamp)
    /** Frozen at close: JSON { code: { value, score } }; null while the round is open. */
    .addColumn('kpis', 'text')
    .addColumn('rubric_centi', 'integer')
    .addColumn('kpi_centi', 'integer')
    .addColumn('total_centi', 'integer')
    .addColumn('rank', 'integer')
    .addUniqueConstraint('review_units_round_region', ['round_id', 'region_code'])
    .execute();
  await db.schema.createIndex('review_units_region').on('review_units').columns(['region_code']).execute();

  await db.schema
    .createTable('review_evaluators')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('round_id', 'varchar(36)', (c) => c.notNull().references('review_rounds.id'))
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('user_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('evaluator_group', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('review_evaluators_round_user', ['round_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('review_evaluators_user')
    .on('review_evaluators')
    .columns(['user_id'])
    .execute();

  await db.schema
    .createTable('review_scores')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('round_id', 'varchar(36)', (c) => c.notNull().references('review_rounds.id'))
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('review_units.id'))
    .addColumn('evaluator_id', 'varchar(36)', (c) => c.notNull().references('review_evaluators.id'))
    .addColumn('item_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('review_scores_one', ['unit_id', 'evaluator_id', 'item_id'])
    .execute();
  await db.schema.createIndex('review_scores_round').on('review_scores').columns(['round_id']).execute();

  await db.schema
    .createTable('member_evaluations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The organization's region, which scope filters on. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('grade', 'varchar(20)', (c) => c.notNull())
    .addColumn('evaluated_by', 'varchar(36)')
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('member_evaluations_one', ['member_id', 'year'])
    .execute();
  await db.schema
    .createIndex('member_evaluations_organization')
    .on('member_evaluations')
    .columns(['organization_id', 'year'])
    .execute();

  await db.schema
    .createTable('member_evaluation_tallies')
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('excellent', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('member_evaluation_tallies_pk', ['organization_id', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'member_evaluation_tallies',
    'member_evaluations',
    'review_scores',
    'review_evaluators',
    'review_units',
    'review_rounds',
  ])
    await db.schema.dropTable(table).execute();
}
