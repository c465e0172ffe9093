import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * A resident sees every order about the register person their account is linked to (the portal's
 * 我的诉求, whatever the channel): found by person, which no index served.
 */
export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema.createIndex('work_orders_person').on('work_orders').columns(['person_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('work_orders_person').execute();
}
