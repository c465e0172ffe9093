import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * 党员积分 (issue 14, the annual review). Each district's rule table (points per confirmed
 * volunteer hour, per visit recorded, per meeting attended; a yearly cap per rule; a district
 * without rows keeps the defaults), the append-only ledger (one row per member, source kind and
 * source record, so that accruing again never counts twice; a manual award's source is the row
 * itself), and one row per district and year that an accrual run takes first, so that two runs
 * of one district take turns on PostgreSQL and the page can say when points were last accrued.
 */
export async function up(db: Kysely<unknown>, { dialect, timestamp }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('points_rules')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('source_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('yearly_cap', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('changed_by', 'varchar(36)')
    .addColumn('changed_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('points_rules_pk', ['district_code', 'source_kind'])
    .execute();

  await db.schema
    .createTable('points_ledger')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The member's region when the row was written: what scope filters on. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('source_kind', 'varchar(20)', (c) => c.notNull())
    /** The sign-up, visit or meeting counted; for a manual row, the row's own id. */
    .addColumn('source_id', 'varchar(36)', (c) => c.notNull())
    /** Signed: a manual deduction is negative. */
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('reason', 'varchar(300)', (c) => c.notNull())
    /** The Beijing date of what was counted, and its year. */
    .addColumn('on_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('points_ledger_source', ['member_id', 'source_kind', 'source_id'])
    .execute();
  await db.schema
    .createIndex('points_ledger_member_year')
    .on('points_ledger')
    .columns(['member_id', 'year'])
    .execute();
  await db.schema
    .createIndex('points_ledger_district_year')
    .on('points_ledger')
    .columns(['district_code', 'year'])
    .execute();
  // Rows are never changed or removed: a correction is a manual row of the opposite sign.
  if (dialect === 'postgres') {
    await sql`create function points_ledger_append_only() returns trigger language plpgsql as $$
      begin raise exception 'points_ledger rows are append-only'; end $$`.execute(db);
    await sql`create trigger points_ledger_append_only before update or delete on points_ledger
      for each row execute function points_ledger_append_only()`.execute(db);
  } else {
    await sql`create trigger points_ledger_no_update before update on points_ledger
      begin select raise(abort, 'points_ledger rows are append-only'); end`.execute(db);
    await sql`create trigger points_ledger_no_delete before delete on points_ledger
      begin select raise(abort, 'points_ledger rows are append-only'); end`.execute(db);
  }

  await db.schema
    .createTable('points_runs')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_run_at', timestamp)
    .addPrimaryKeyConstraint('points_runs_pk', ['district_code', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>, { dialect }: MigrationContext): Promise<void> {
  for (const table of ['points_runs', 'points_ledger', 'points_rules'])
    await db.schema.dropTable(table).execute();
  if (dialect === 'postgres') await sql`drop function if exists points_ledger_append_only()`.execute(db);
}
