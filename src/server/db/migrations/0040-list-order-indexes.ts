import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Issue 19, every list's first page under 50 ms at the city's size. Lists shown newest first
 * read their scope's rows in full and sorted them when the only index began with region_code: a
 * district of the city holds about 30,000 deeds. With the list's own order as an index, the
 * database walks it from the newest and stops after the page, skipping other districts' rows (a
 * district is about an eighth of a city). The region code rides last in the index: the walk
 * tests the scope on the index entries and fetches only the rows it keeps, so a community's page
 * (one deed in 300 of the city) costs index entries, not 17,000 row fetches, wherever the
 * planner chooses the walk over its region index and a sort.
 */
export const LIST_ORDER_INDEXES: readonly { name: string; table: string; columns: readonly string[] }[] = [
  { name: 'deeds_done_on', table: 'deeds', columns: ['done_on', 'id', 'region_code'] },
  { name: 'work_logs_logged_on', table: 'work_logs', columns: ['logged_on', 'id', 'region_code'] },
  // The open orders' views (to-dos, overdue, supervision) ask for a few statuses in a scope: by
  // status then region, a district reads its own open orders rather than the whole city's.
  {
    name: 'work_orders_status_region',
    table: 'work_orders',
    columns: ['status', 'region_code', 'due_at', 'id'],
  },
];

export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  for (const index of LIST_ORDER_INDEXES) {
    await db.schema
      .createIndex(index.name)
      .on(index.table)
      .columns([...index.columns])
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of LIST_ORDER_INDEXES) await db.schema.dropIndex(index.name).execute();
}
