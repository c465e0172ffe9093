import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from './index.js';

/*
 * No row that every write must lock (issue 19). Each part is its own function below; together they
 * are one migration so that a database is either before all of them or after all of them.
 */

/**
 * Work-order numbers per district and day, taken by one statement that commits on its own before
 * the order does (see workOrdersRepository.nextNumber). Numbers now carry their district
 * (230108-20261126-0042), so they stay unique in the installation; orders numbered before keep
 * their numbers (20261126-0042), which never collide with the new ones. The column grows to hold
 * a five-digit sequence after the district and day.
 */
async function districtNumbers(db: Kysely<unknown>, context: MigrationContext): Promise<void> {
  await db.schema.dropTable('work_order_numbers').execute();
  await db.schema
    .createTable('work_order_numbers')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('day', 'varchar(8)', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_order_numbers_pk', ['district_code', 'day'])
    .execute();
  if (context.dialect === 'postgres') {
    // SQLite neither checks varchar lengths nor drops a column's UNIQUE without rebuilding the
    // table; there the unique number stays, which the district in every new number makes the same.
    await sql`alter table work_orders alter column number type varchar(24)`.execute(db);
    await sql`alter table work_orders drop constraint work_orders_number_key`.execute(db);
    await sql`alter table work_orders add constraint work_orders_district_number unique (district_code, number)`.execute(
      db,
    );
  }
}

async function undoDistrictNumbers(db: Kysely<unknown>, context: MigrationContext): Promise<void> {
  if (context.dialect === 'postgres') {
    await sql`alter table work_orders drop constraint work_orders_district_number`.execute(db);
    await sql`alter table work_orders add constraint work_orders_number_key unique (number)`.execute(db);
  }
  await db.schema.dropTable('work_order_numbers').execute();
  await db.schema
    .createTable('work_order_numbers')
    .addColumn('day', 'varchar(8)', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();
  await sql`
    insert into work_order_numbers (day, last_number)
    select substr(number, 1, 8), max(cast(substr(number, 10) as integer))
    from work_orders where number not like '%-%-%'
    group by substr(number, 1, 8)
  `.execute(db);
}

/**
 * Cockpit counters as append-only deltas: a step inserts what it adds to its region and every
 * ancestor (never updating a shared row), and the folder adds them into region_rollups in the
 * background (rollups.repository.ts). Reads add the deltas not yet folded of the regions they read.
 */
async function rollupDeltas(db: Kysely<unknown>, context: MigrationContext): Promise<void> {
  await db.schema
    .createTable('region_rollup_deltas')
    // SQLite: an alias of the rowid, numbered by the database as bigserial is on PostgreSQL.
    .addColumn('id', context.dialect === 'postgres' ? 'bigserial' : 'integer', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('counter', 'varchar(40)', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('region_rollup_deltas_region')
    .on('region_rollup_deltas')
    .columns(['region_code', 'period'])
    .execute();
  await db.schema
    .createIndex('region_rollup_deltas_district')
    .on('region_rollup_deltas')
    .columns(['district_code', 'id'])
    .execute();
}

export async function up(db: Kysely<unknown>, context: MigrationContext): Promise<void> {
  await districtNumbers(db, context);
  await rollupDeltas(db, context);
}

export async function down(db: Kysely<unknown>, context: MigrationContext): Promise<void> {
  await db.schema.dropTable('region_rollup_deltas').execute();
  await undoDistrictNumbers(db, context);
}
