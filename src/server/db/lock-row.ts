import { type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from './tables.js';

/**
 * Reads one row of a district's table and, when `lock` is set (PostgreSQL), holds it FOR UPDATE
 * until the transaction ends. On Citus a row lock needs a query that names the distribution
 * column, so the row is found first and then read again, locked, within its district: one
 * shard's row, the same lock plain PostgreSQL takes. The locked read is what is returned, so a
 * caller that waited for the lock sees the row as the other transaction committed it.
 */
export async function selectOneLocked<TB extends keyof DB, O extends { district_code: string }>(
  query: SelectQueryBuilder<DB, TB, O>,
  lock: boolean,
): Promise<O | undefined> {
  const found = await query.executeTakeFirst();
  if (!lock || !found) return found;
  return query
    .where(sql<boolean>`${sql.ref('district_code')} = ${found.district_code}`)
    .forUpdate()
    .executeTakeFirst();
}
