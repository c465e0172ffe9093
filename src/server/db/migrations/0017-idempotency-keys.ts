import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Idempotency keys (issue 16): a phone on a weak network sends a resolution, a note or a photo
 * again when it never saw the answer; the key it made when the user typed them lets the server
 * answer the first result instead of writing twice. Generic: any action may claim a key. A key is
 * the caller's own (primary key user and key: two users never collide), names the operation and
 * a fingerprint of what was asked (the same key for something else is refused) and what the first
 * request made (`result_id`). Rows expire after a week (`expires_at`, swept by the scheduler).
 */
export async function up(db: Kysely<unknown>, { timestamp }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('request_key', 'varchar(36)', (c) => c.notNull())
    .addColumn('operation', 'varchar(40)', (c) => c.notNull())
    /** SHA-256 (hex) of the operation's target and body: what the key was first used for. */
    .addColumn('fingerprint', 'varchar(64)', (c) => c.notNull())
    /** The id of what the first request made or changed (an order, an attachment). */
    .addColumn('result_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('expires_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'request_key'])
    .execute();
  await db.schema
    .createIndex('idempotency_keys_expiry')
    .on('idempotency_keys')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute();
}
