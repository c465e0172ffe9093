import { type Kysely, sql } from 'kysely';

/** How Citus holds a table now: null while it is a plain PostgreSQL table of the coordinator. */
export type CitusTableType = 'distributed' | 'reference' | 'local' | null;

export interface TableInfo {
  name: string;
  hasDistrictCode: boolean;
  citusType: CitusTableType;
}

export interface KeyConstraint {
  table: string;
  name: string;
  kind: 'primary' | 'unique';
  columns: string[];
}

export interface ForeignKey {
  table: string;
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  /** pg_constraint.confdeltype: a no action, r restrict, c cascade, n set null, d set default. */
  onDelete: string;
}

/** A unique index that is no constraint (e.g. a partial one): its full `create unique index` text. */
export interface UniqueIndex {
  table: string;
  name: string;
  columns: string[];
  definition: string;
}

export interface Catalog {
  tables: TableInfo[];
  keys: KeyConstraint[];
  foreignKeys: ForeignKey[];
  uniqueIndexes: UniqueIndex[];
  /** The database's own settings (ALTER DATABASE … SET), e.g. `citus.enable_repartition_joins=on`. */
  databaseSettings: string[];
}

/** Reads what the plan needs from the public schema of a PostgreSQL database with citus. */
export async function readCatalog(db: Kysely<unknown>): Promise<Catalog> {
  const tables = await sql<{ name: string; has_district_code: boolean; citus_type: string | null }>`
    select c.relname as name,
      exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'district_code'
              and not a.attisdropped) as has_district_code,
      (select t.citus_table_type from citus_tables t where t.table_name = c.oid::regclass) as citus_type
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by c.relname`.execute(db);
  const constraints = await sql<{
    table: string;
    name: string;
    type: string;
    columns: string[];
    ref_table: string | null;
    ref_columns: string[] | null;
    on_delete: string;
  }>`
    select rel.relname as table, con.conname as name, con.contype as type,
      array(select a.attname::text from unnest(con.conkey) with ordinality k(attnum, i)
            join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.i) as columns,
      ref.relname as ref_table,
      case when con.confrelid = 0 then null else
        array(select a.attname::text from unnest(con.confkey) with ordinality k(attnum, i)
              join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum order by k.i) end
        as ref_columns,
      con.confdeltype::text as on_delete
    from pg_constraint con
    join pg_class rel on rel.oid = con.conrelid
    join pg_namespace n on n.oid = rel.relnamespace
    left join pg_class ref on ref.oid = con.confrelid
    where n.nspname = 'public' and con.contype in ('p', 'u', 'f')
    order by rel.relname, con.conname`.execute(db);
  const indexes = await sql<{ table: string; name: string; columns: string[]; definition: string }>`
    select rel.relname as table, idx.relname as name, pg_get_indexdef(i.indexrelid) as definition,
      array(select a.attname::text from unnest(i.indkey::int2[]) with ordinality k(attnum, o)
            join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum order by k.o) as columns
    from pg_index i
    join pg_class rel on rel.oid = i.indrelid
    join pg_class idx on idx.oid = i.indexrelid
    join pg_namespace n on n.oid = rel.relnamespace
    where n.nspname = 'public' and i.indisunique
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    order by rel.relname, idx.relname`.execute(db);
  const settings = await sql<{ setting: string }>`
    select unnest(setconfig) as setting from pg_db_role_setting
    where setdatabase = (select oid from pg_database where datname = current_database()) and setrole = 0`.execute(
    db,
  );
  return {
    databaseSettings: settings.rows.map((r) => r.setting),
    tables: tables.rows.map((r) => ({
      name: r.name,
      hasDistrictCode: r.has_district_code,
      citusType: (r.citus_type as CitusTableType) ?? null,
    })),
    keys: constraints.rows
      .filter((r) => r.type === 'p' || r.type === 'u')
      .map((r) => ({
        table: r.table,
        name: r.name,
        kind: r.type === 'p' ? ('primary' as const) : ('unique' as const),
        columns: r.columns,
      })),
    foreignKeys: constraints.rows
      .filter((r) => r.type === 'f')
      .map((r) => ({
        table: r.table,
        name: r.name,
        columns: r.columns,
        refTable: r.ref_table ?? '',
        refColumns: r.ref_columns ?? [],
        onDelete: r.on_delete,
      })),
    uniqueIndexes: indexes.rows,
  };
}

/** Whether the database has the citus extension (the command refuses a database without it). */
export async function hasCitus(db: Kysely<unknown>): Promise<boolean> {
  const result = await sql<{ ok: boolean }>`
    select exists (select 1 from pg_extension where extname = 'citus') as ok`.execute(db);
  return result.rows[0]?.ok === true;
}
