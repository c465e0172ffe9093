import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * What Open311 may publish as an order's description: a text staff published for it, or the
 * resident's own words screened for personal data when the resident asked for them to be public.
 * Null (every order before this migration included) publishes no description at all: the order's
 * own `description` is what the resident or caller typed and is never published.
 */
export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema.alterTable('work_orders').addColumn('public_description', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('work_orders').dropColumn('public_description').execute();
}
