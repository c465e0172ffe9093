import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * The last number given out per day (20261126 → 42 means 20261126-0042 was the last order that
 * day). Intake counts on from it with one upsert instead of looking for the day's highest number:
 * that look-up compared numbers as text, so after 9999 orders in a day "…-10000" sorted below
 * "…-9999" and every further intake collided with an existing number. Filled here from the orders
 * already stored, so an upgraded database counts on from where it was.
 */
export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema
    .createTable('work_order_numbers')
    .addColumn('day', 'varchar(8)', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();
  await sql`
    insert into work_order_numbers (day, last_number)
    select substr(number, 1, 8), max(cast(substr(number, 10) as integer))
    from work_orders
    group by substr(number, 1, 8)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('work_order_numbers').execute();
}
