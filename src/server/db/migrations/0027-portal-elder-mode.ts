import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Elder mode (长辈模式) of the resident portal, remembered on the resident's account so it follows
 * them to another phone: 1 on, 0 off, null while they have never chosen (only then may the portal
 * suggest it, once).
 */
export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema.alterTable('resident_accounts').addColumn('elder_mode', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('resident_accounts').dropColumn('elder_mode').execute();
}
