import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * A password someone else set (an administrator's initial or reset password, the generated first
 * administrator's) must be changed by its owner before the account does anything else (MLPS 等保).
 * 1 while that change is owed, 0 otherwise; existing accounts owe none.
 */
export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('password_change_required', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('password_change_required').execute();
}
