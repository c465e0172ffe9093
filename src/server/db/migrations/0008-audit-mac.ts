import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * A keyed MAC per audit link (see audit-anchor.ts). Rows written before this migration keep a
 * null MAC: the verifier accepts unsigned rows only before the first signed one, so an upgraded
 * log still verifies and a stripped MAC on a later row does not.
 */
export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('mac', 'varchar(64)').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('mac').execute();
}
