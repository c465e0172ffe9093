import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * The cockpit: counters per region kept as events happen (so a view reads a few rows whatever the
 * history), the mark of the last refresh of the register's figures per district, and region
 * outlines for the maps.
 */
export async function up(db: Kysely<unknown>, { timestamp }: MigrationContext): Promise<void> {
  /**
   * One row per region, counter and period: `period` is a Beijing month ('2026-11') for what
   * happened in it (orders received, closed, called back…) or '' for a figure of now (orders
   * overdue now, residents). A region's row holds the total of its whole subtree.
   */
  await db.schema
    .createTable('region_rollups')
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('counter', 'varchar(40)', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('region_rollups_pk', ['region_code', 'period', 'counter'])
    .execute();
  await db.schema
    .createIndex('region_rollups_district')
    .on('region_rollups')
    .columns(['district_code', 'counter'])
    .execute();

  /** Up to which audit row the register's figures of a district were last counted. */
  await db.schema
    .createTable('rollup_marks')
    .addColumn('district_code', 'varchar(6)', (c) => c.primaryKey())
    .addColumn('audit_seq', 'bigint', (c) => c.notNull())
    .addColumn('refreshed_at', timestamp, (c) => c.notNull())
    .execute();

  /** A region's outline: a GeoJSON Polygon or MultiPolygon (longitude, latitude; WGS 84). */
  await db.schema
    .createTable('region_boundaries')
    .addColumn('region_code', 'varchar(20)', (c) =>
      c.primaryKey().references('regions.code').onDelete('cascade'),
    )
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('parent_code', 'varchar(20)')
    .addColumn('geometry', 'text', (c) => c.notNull())
    /** 'import' for outlines from a file, 'demo' for generated ones. */
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('region_boundaries_parent')
    .on('region_boundaries')
    .column('parent_code')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['region_boundaries', 'rollup_marks', 'region_rollups']) {
    await db.schema.dropTable(table).execute();
  }
}
