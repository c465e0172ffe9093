import { sql } from 'kysely';
import type { Database } from '../database.js';
import type { SchemaColumn, SchemaTables } from './shapes.js';

/** Every table and column of the database as migrated, bookkeeping tables included. */
export function readMigratedSchema(database: Database): Promise<SchemaTables> {
  return database.dialect === 'sqlite' ? readSqlite(database) : readPostgres(database);
}

interface SqliteColumnRow {
  table_name: string;
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

async function readSqlite(database: Database): Promise<SchemaTables> {
  const { rows } = await sql<SqliteColumnRow>`
    select m.name as table_name, p.name, p.type, p."notnull", p.dflt_value, p.pk
    from sqlite_master m join pragma_table_info(m.name) p
    where m.type = 'table' and substr(m.name, 1, 7) <> 'sqlite_'
    order by m.name, p.cid`.execute(database.db);
  const primaryKeys = new Map<string, number>();
  for (const row of rows) {
    if (row.pk > 0) primaryKeys.set(row.table_name, (primaryKeys.get(row.table_name) ?? 0) + 1);
  }
  return group(rows, (row) => {
    // A lone INTEGER PRIMARY KEY is the rowid: SQLite fills it when an insert leaves it out.
    const rowid = row.pk > 0 && row.type.toUpperCase() === 'INTEGER' && primaryKeys.get(row.table_name) === 1;
    return {
      sqlType: row.type.toLowerCase(),
      // SQLite lets a non-integer primary key hold NULL (a legacy quirk); our keys never do,
      // and PostgreSQL enforces it, so a key column counts as NOT NULL.
      nullable: row.notnull === 0 && row.pk === 0,
      hasDefault: row.dflt_value !== null || rowid,
    };
  });
}

interface PostgresColumnRow {
  table_name: string;
  name: string;
  data_type: string;
  is_nullable: string;
  column_default: string | null;
  is_identity: string;
}

async function readPostgres(database: Database): Promise<SchemaTables> {
  const { rows } = await sql<PostgresColumnRow>`
    select c.table_name, c.column_name as name, c.data_type, c.is_nullable, c.column_default, c.is_identity
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(database.db);
  return group(rows, (row) => ({
    sqlType: row.data_type.toLowerCase(),
    nullable: row.is_nullable === 'YES',
    hasDefault: row.column_default !== null || row.is_identity === 'YES',
  }));
}

function group<Row extends { table_name: string; name: string }>(
  rows: Row[],
  describe: (row: Row) => SchemaColumn,
): SchemaTables {
  const tables: SchemaTables = {};
  for (const row of rows) {
    tables[row.table_name] ??= {};
    tables[row.table_name]![row.name] = describe(row);
  }
  return tables;
}
