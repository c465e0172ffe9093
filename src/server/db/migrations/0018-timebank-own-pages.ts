import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Indexes for the time bank's own pages and rankings: a resident's or member's orders by their
 * account (newest first), and the ledger by time, so a ranking of one month reads that month's
 * rows rather than the whole ledger.
 */
export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema
    .createIndex('timebank_orders_account')
    .on('timebank_orders')
    .columns(['account_id', 'id'])
    .execute();
  await db.schema.createIndex('timebank_ledger_time').on('timebank_ledger').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('timebank_ledger_time').execute();
  await db.schema.dropIndex('timebank_orders_account').execute();
}
