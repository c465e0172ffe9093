import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Per-district catalogue and calendar. An installation hosts several districts; the shared
 * catalogue and calendar stay the installation owner's, and each district adds its own on top:
 * - `district_calendar_days`: a district's own holidays and worked weekend days, which overlay the
 *   shared exceptions for that district's orders only;
 * - `district_category_settings`: a district switching a shared category off (or back on) for itself;
 * - `service_categories.district_code`: a district's OWN category (NULL = shared by the installation).
 */
export async function up(db: Kysely<unknown>, { timestamp }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('district_calendar_days')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'varchar(50)', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('district_calendar_days_pk', ['district_code', 'date'])
    .execute();

  await db.schema
    .createTable('district_category_settings')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('category_code', 'varchar(40)', (c) => c.notNull().references('service_categories.code'))
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('district_category_settings_pk', ['district_code', 'category_code'])
    .execute();

  await db.schema.alterTable('service_categories').addColumn('district_code', 'varchar(6)').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('service_categories').dropColumn('district_code').execute();
  await db.schema.dropTable('district_category_settings').execute();
  await db.schema.dropTable('district_calendar_days').execute();
}
