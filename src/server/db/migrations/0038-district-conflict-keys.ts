import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Upserts whose conflict target names district_code too (issue 19, Citus). On Citus every unique
 * key of a distributed table must hold its distribution column, so `lianxin citus distribute`
 * rewrites e.g. region_stats' key (region_code) to (district_code, region_code) and an
 * `on conflict (region_code)` no longer finds its index there. The upserts now say
 * `on conflict (district_code, …)`, which these indexes answer on SQLite and plain PostgreSQL.
 * Each adds nothing a stricter key does not already enforce: the rows' district is a function of
 * the columns after it (a region's, a person's, an organization's, a member's own district).
 */
export const DISTRICT_CONFLICT_KEYS: readonly { table: string; columns: readonly string[] }[] = [
  { table: 'region_stats', columns: ['region_code'] },
  { table: 'region_rollups', columns: ['region_code', 'period', 'counter'] },
  { table: 'region_boundaries', columns: ['region_code'] },
  { table: 'health_records', columns: ['person_id'] },
  { table: 'member_evaluations', columns: ['member_id', 'year'] },
  { table: 'member_evaluation_tallies', columns: ['organization_id', 'year'] },
  { table: 'meeting_tasks', columns: ['organization_id', 'source_key'] },
  { table: 'enterprise_contacts', columns: ['user_id', 'enterprise_id'] },
  { table: 'timebank_accounts', columns: ['owner_key'] },
];

const indexName = (table: string): string => `${table}_district_conflict`;

export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  for (const key of DISTRICT_CONFLICT_KEYS) {
    await db.schema
      .createIndex(indexName(key.table))
      .on(key.table)
      .columns(['district_code', ...key.columns])
      .unique()
      .execute();
  }
}

export async function down(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  for (const key of DISTRICT_CONFLICT_KEYS) await db.schema.dropIndex(indexName(key.table)).execute();
}
