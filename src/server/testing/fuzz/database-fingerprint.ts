import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

/** Per table: how many rows, and a hash of all of them read in primary-key order. */
export type Fingerprint = Record<string, { rows: number; hash: string }>;

/** Every table the database holds, from its own catalog: a table added later is included. */
async function tableNames(database: Database): Promise<string[]> {
  if (database.dialect === 'sqlite') {
    const result = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
      database.db,
    );
    return result.rows.map((r) => r.name);
  }
  const result = await sql<{
    name: string;
  }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
    database.db,
  );
  return result.rows.map((r) => r.name);
}

/** The primary-key columns of a table, or all its columns when it has none. */
async function orderColumns(database: Database, table: string): Promise<string[]> {
  if (database.dialect === 'sqlite') {
    const result = await sql<{
      name: string;
      pk: number;
    }>`select name, pk from pragma_table_info(${table})`.execute(database.db);
    const keys = result.rows.filter((r) => r.pk > 0).sort((a, b) => a.pk - b.pk);
    return (keys.length ? keys : result.rows).map((r) => r.name);
  }
  const keys = await sql<{ name: string }>`
    select a.attname as name from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = ${table}::regclass and i.indisprimary
    order by array_position(i.indkey, a.attnum)`.execute(database.db);
  if (keys.rows.length) return keys.rows.map((r) => r.name);
  const all = await sql<{
    name: string;
  }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(
    database.db,
  );
  return all.rows.map((r) => r.name);
}

const stable = (_key: string, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value);

/**
 * Reads every row of every table, except the parts named in `skip` (table → columns to leave out,
 * or `'*'` for the whole table; a reason belongs beside each at the call site).
 */
export async function fingerprint(
  database: Database,
  skip: Record<string, '*' | string[]>,
): Promise<Fingerprint> {
  const result: Fingerprint = {};
  for (const table of await tableNames(database)) {
    if (skip[table] === '*') continue;
    const order = await orderColumns(database, table);
    const rows = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)} order by ${sql.join(order.map((c) => sql.ref(c)))}`.execute(
      database.db,
    );
    const leaveOut = new Set(skip[table] === undefined ? [] : (skip[table] as string[]));
    const hash = createHash('sha256');
    for (const row of rows.rows) {
      const kept = Object.fromEntries(Object.entries(row).filter(([column]) => !leaveOut.has(column)));
      hash.update(JSON.stringify(kept, stable));
      hash.update('\n');
    }
    result[table] = { rows: rows.rows.length, hash: hash.digest('hex') };
  }
  return result;
}
