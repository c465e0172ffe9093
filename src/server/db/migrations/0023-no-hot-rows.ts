import { type Kysely, sql } from 'kysely';
import { linkHash } from '../../modules/audit/index.js';
import type { DB } from '../tables.js';
import type { MigrationContext } from './index.js';

/*
 * No row that every write must lock (issue 19). Each part is its own function below; together they
 * are one migration so that a database is either before all of them or after all of them.
 */

/**
 * Work-order numbers per district and day, taken by one statement that commits on its own before
 * the order does (see workOrdersRepository.nextNumber). Numbers now carry their district
 * (230108-20261126-0042), so they stay unique in the installation; orders numbered before keep
 * their numbers (20261126-0042), which never collide with the new ones. The column grows to hold
 * a five-digit sequence after the district and day.
 */
async function districtNumbers(db: Kysely<unknown>, context: MigrationContext): Promise<void> {
  await db.schema.dropTable('work_order_numbers').execute();
  await db.schema
    .createTable('work_order_numbers')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('day', 'varchar(8)', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_order_numbers_pk', ['district_code', 'day'])
    .execute();
  if (context.dialect === 'postgres') {
    // SQLite neither checks varchar lengths nor drops a column's UNIQUE without rebuilding the
    // table; there the unique number stays, which the district in every new number makes the same.
    await sql`alter table work_orders alter column number type varchar(24)`.execute(db);
    await sql`alter table work_orders drop constraint work_orders_number_key`.execute(db);
    await sql`alter table work_orders add constraint work_orders_district_number unique (district_code, number)`.execute(
      db,
    );
  }
}

async function undoDistrictNumbers(db: Kysely<unknown>, context: MigrationContext): Promise<void> {
  if (context.dialect === 'postgres') {
    await sql`alter table work_orders drop constraint work_orders_district_number`.execute(db);
    await sql`alter table work_orders add constraint work_orders_number_key unique (number)`.execute(db);
  }
  await db.schema.dropTable('work_order_numbers').execute();
  await db.schema
    .createTable('work_order_numbers')
    .addColumn('day', 'varchar(8)', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();
  await sql`
    insert into work_order_numbers (day, last_number)
    select substr(number, 1, 8), max(cast(substr(number, 10) as integer))
    from work_orders where number not like '%-%-%'
    group by substr(number, 1, 8)
  `.execute(db);
}

/**
 * Cockpit counters as append-only deltas: a step inserts what it adds to its region and every
 * ancestor (never updating a shared row), and the folder adds them into region_rollups in the
 * background (rollups.repository.ts). Reads add the deltas not yet folded of the regions they read.
 */
async function rollupDeltas(db: Kysely<unknown>, context: MigrationContext): Promise<void> {
  await db.schema
    .createTable('region_rollup_deltas')
    // SQLite: an alias of the rowid, numbered by the database as bigserial is on PostgreSQL.
    .addColumn('id', context.dialect === 'postgres' ? 'bigserial' : 'integer', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('counter', 'varchar(40)', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('region_rollup_deltas_region')
    .on('region_rollup_deltas')
    .columns(['region_code', 'period'])
    .execute();
  await db.schema
    .createIndex('region_rollup_deltas_district')
    .on('region_rollup_deltas')
    .columns(['district_code', 'id'])
    .execute();
}

/** The columns of audit_log as migration 0001 and 0008 left them, in order. */
const AUDIT_COLUMNS =
  'seq, id, at, actor_id, actor_name, action, target_type, target_id, region_code, district_code, summary, ip, request_id, prev_hash, hash, mac';

/**
 * The audit log without a head every append must lock (audit-sealer.ts): a row is inserted with
 * its content and `row_mac` (a keyed MAC of the content) while `prev_hash`, `hash`, `link` and
 * `mac` wait for the sealer, which links committed rows into one chain per district
 * (`audit_chain_heads`). `seq` becomes a number the database hands out (a sequence on PostgreSQL,
 * the rowid on SQLite): the order rows were written in, for lists and cursors, no longer a
 * position in a chain. Rows written before stay as they are: the closed "legacy" chain, verified
 * as before against `audit_head`, which no longer moves.
 */
async function auditChains(db: Kysely<unknown>, context: MigrationContext): Promise<void> {
  if (context.dialect === 'postgres') {
    await sql`alter table audit_log alter column prev_hash drop not null, alter column hash drop not null`.execute(
      db,
    );
    await sql`alter table audit_log add column link bigint, add column row_mac varchar(64)`.execute(db);
    await sql`create sequence audit_log_seq owned by audit_log.seq`.execute(db);
    await sql`select setval('audit_log_seq', coalesce((select max(seq) from audit_log), 0) + 1, false)`.execute(
      db,
    );
    await sql`alter table audit_log alter column seq set default nextval('audit_log_seq')`.execute(db);
  } else {
    // SQLite alters no column: the table is rebuilt, its seq an alias of the rowid.
    await sql`
      create table audit_log_new (
        seq integer primary key,
        id varchar(36) not null unique,
        at text not null,
        actor_id varchar(36),
        actor_name varchar(100),
        action varchar(64) not null,
        target_type varchar(32),
        target_id varchar(64),
        region_code varchar(20) not null,
        district_code varchar(6) not null,
        summary text not null,
        ip varchar(64),
        request_id varchar(64),
        prev_hash varchar(64),
        hash varchar(64),
        mac varchar(64),
        link bigint,
        row_mac varchar(64)
      )`.execute(db);
    await sql`insert into audit_log_new (${sql.raw(AUDIT_COLUMNS)}) select ${sql.raw(AUDIT_COLUMNS)} from audit_log`.execute(
      db,
    );
    await sql`drop table audit_log`.execute(db);
    await sql`alter table audit_log_new rename to audit_log`.execute(db);
    await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
    await db.schema.createIndex('audit_log_region').on('audit_log').columns(['region_code', 'at']).execute();
    await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'at']).execute();
    await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'at']).execute();
    await db.schema
      .createIndex('audit_log_target')
      .on('audit_log')
      .columns(['target_type', 'target_id'])
      .execute();
  }
  // What the sealer looks for; small, since rows leave it within a second or so.
  await db.schema
    .createIndex('audit_log_unsealed')
    .on('audit_log')
    .columns(['district_code', 'seq'])
    .where(sql.ref('hash'), 'is', null)
    .execute();
  await db.schema
    .createIndex('audit_log_link')
    .on('audit_log')
    .columns(['district_code', 'link'])
    .unique()
    .execute();
  await db.schema
    .createTable('audit_chain_heads')
    .addColumn('district_code', 'varchar(6)', (c) => c.primaryKey())
    .addColumn('link', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    /** The MAC of the head link; null while the chain is empty. */
    .addColumn('mac', 'varchar(64)')
    .addColumn('sealed_at', context.timestamp, (c) => c.notNull())
    .execute();
  // The register's figures were counted up to a row of the one chain; now up to a link of the
  // district's chain, which starts at 0.
  await sql`update rollup_marks set audit_seq = 0`.execute(db);
}

/**
 * Back to one chain: the rows of the district chains and those waiting are linked after the legacy
 * head in the order they were written, renumbered without gaps. No key is at hand here, so these
 * links carry no MAC; verify accepts that only while no signed row came before them.
 */
async function undoAuditChains(db: Kysely<unknown>, context: MigrationContext): Promise<void> {
  const typed = db as unknown as Kysely<DB>;
  const head = await typed
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  let seq = Number(head.seq);
  let hash = head.hash;
  for (;;) {
    const rows = await typed
      .selectFrom('audit_log')
      .selectAll()
      .where((eb) => eb.or([eb('link', 'is not', null), eb('hash', 'is', null)]))
      .orderBy('seq')
      .limit(1000)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      seq += 1;
      const next = linkHash(hash, { ...row, seq });
      await typed
        .updateTable('audit_log')
        .set({ seq, prev_hash: hash, hash: next, mac: null, link: null })
        .where('seq', '=', Number(row.seq))
        .execute();
      hash = next;
    }
  }
  await typed.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1).execute();
  await db.schema.dropTable('audit_chain_heads').execute();
  await db.schema.dropIndex('audit_log_link').execute();
  await db.schema.dropIndex('audit_log_unsealed').execute();
  if (context.dialect === 'postgres') {
    await sql`alter table audit_log alter column seq drop default`.execute(db);
    await sql`drop sequence audit_log_seq`.execute(db);
    await sql`alter table audit_log drop column link, drop column row_mac`.execute(db);
    await sql`alter table audit_log alter column prev_hash set not null, alter column hash set not null`.execute(
      db,
    );
  } else {
    await sql`alter table audit_log drop column link`.execute(db);
    await sql`alter table audit_log drop column row_mac`.execute(db);
  }
}

export async function up(db: Kysely<unknown>, context: MigrationContext): Promise<void> {
  await districtNumbers(db, context);
  await rollupDeltas(db, context);
  await auditChains(db, context);
}

export async function down(db: Kysely<unknown>, context: MigrationContext): Promise<void> {
  await undoAuditChains(db, context);
  await db.schema.dropTable('region_rollup_deltas').execute();
  await undoDistrictNumbers(db, context);
}
