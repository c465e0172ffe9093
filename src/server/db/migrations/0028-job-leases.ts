import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Several server processes on one database (issue 19, `lianxin start --workers N`).
 *
 * `job_leases`: one row per background job. A process runs a job's tick only if it takes the row
 * (one conditional UPDATE): the job's next turn has come (`next_run_at`) and nobody holds it
 * (`held_until` passed). So each tick runs in one process, and a process that dies mid-run holds
 * the job no longer than its lease.
 *
 * `rate_limit_windows`: the request counters of the rate-limited routes (login, portal codes,
 * Open311 POST), one fixed window per key, so that N processes count together instead of each
 * allowing the limit. The key is a SHA-256 of the route and the client (an address, a key's hash):
 * no address is stored in clear.
 */
export async function up(db: Kysely<unknown>, { timestamp }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('job', 'varchar(40)', (c) => c.primaryKey())
    /** The process running it now (host, pid, start), or the last one that did. */
    .addColumn('holder', 'varchar(120)')
    .addColumn('held_until', timestamp)
    .addColumn('next_run_at', timestamp, (c) => c.notNull())
    .addColumn('last_started_at', timestamp)
    .addColumn('last_succeeded_at', timestamp)
    .execute();
  await db.schema
    .createTable('rate_limit_windows')
    .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('window_started_at', timestamp, (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limit_windows_age')
    .on('rate_limit_windows')
    .column('window_started_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit_windows').execute();
  await db.schema.dropTable('job_leases').execute();
}
