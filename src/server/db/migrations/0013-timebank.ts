import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * 爱心银行: accounts, transfers and their append-only ledger (two rows per transfer, summing to
 * zero), the floors and ceilings per account kind with their change log, the offers and requests
 * board, and the love supermarket's items and orders.
 */
export async function up(db: Kysely<unknown>, { timestamp, dialect }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('timebank_accounts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** Where the account is seen from: the owner's region, or the community of a fund or escrow. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('owner_kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('owner_id', 'varchar(36)')
    /** One account per owner: `person:<id>`, `fund:<community>`, `escrow:<community>`, … */
    .addColumn('owner_key', 'varchar(60)', (c) => c.notNull().unique())
    .addColumn('owner_name', 'varchar(100)', (c) => c.notNull())
    /** The sum of the account's ledger rows, kept in the transaction that writes them. */
    .addColumn('balance_minutes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('timebank_accounts_region')
    .on('timebank_accounts')
    .columns(['region_code', 'id'])
    .execute();
  if (dialect === 'postgres') {
    await sql`create index timebank_accounts_region_prefix on timebank_accounts (region_code varchar_pattern_ops, id)`.execute(
      db,
    );
  }

  await db.schema
    .createTable('timebank_transfers')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('from_account_id', 'varchar(36)', (c) => c.notNull().references('timebank_accounts.id'))
    .addColumn('to_account_id', 'varchar(36)', (c) => c.notNull().references('timebank_accounts.id'))
    .addColumn('minutes', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('memo', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    /** What caused it outside the ledger (confirmed hours, an order): at most one transfer each. */
    .addColumn('ref', 'varchar(100)', (c) => c.unique())
    /** A correction names the transfer it reverses; a transfer is reversed at most once. */
    .addColumn('reverses_id', 'varchar(36)', (c) => c.unique().references('timebank_transfers.id'))
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('timebank_ledger')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('transfer_id', 'varchar(36)', (c) => c.notNull().references('timebank_transfers.id'))
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull().references('timebank_accounts.id'))
    /** Signed: the paying account's row is negative, the receiving one's positive. */
    .addColumn('minutes', 'bigint', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('timebank_ledger_account')
    .on('timebank_ledger')
    .columns(['account_id', 'id'])
    .execute();
  // Rows are never changed or removed: a correction is a reversing transfer.
  if (dialect === 'postgres') {
    await sql`create function timebank_ledger_append_only() returns trigger language plpgsql as $$
      begin raise exception 'timebank_ledger rows are append-only'; end $$`.execute(db);
    await sql`create trigger timebank_ledger_append_only before update or delete on timebank_ledger
      for each row execute function timebank_ledger_append_only()`.execute(db);
  } else {
    await sql`create trigger timebank_ledger_no_update before update on timebank_ledger
      begin select raise(abort, 'timebank_ledger rows are append-only'); end`.execute(db);
    await sql`create trigger timebank_ledger_no_delete before delete on timebank_ledger
      begin select raise(abort, 'timebank_ledger rows are append-only'); end`.execute(db);
  }

  /** Floors, ceilings and the starter grant per district and account kind: the latest row holds. */
  await db.schema
    .createTable('timebank_limit_changes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('owner_kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('floor_minutes', 'bigint', (c) => c.notNull())
    .addColumn('ceiling_minutes', 'bigint', (c) => c.notNull())
    .addColumn('starter_grant_minutes', 'bigint', (c) => c.notNull())
    .addColumn('changed_by', 'varchar(36)')
    .addColumn('changed_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('timebank_limit_changes_kind')
    .on('timebank_limit_changes')
    .columns(['district_code', 'owner_kind', 'id'])
    .execute();

  await db.schema
    .createTable('timebank_posts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('category', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'varchar(1000)', (c) => c.notNull().defaultTo(''))
    .addColumn('minutes', 'bigint', (c) => c.notNull())
    .addColumn('poster_account_id', 'varchar(36)', (c) => c.notNull().references('timebank_accounts.id'))
    /** Who helps, and who pays (the one helped, or the community fund for residents in need). */
    .addColumn('helper_account_id', 'varchar(36)', (c) => c.references('timebank_accounts.id'))
    .addColumn('payer_account_id', 'varchar(36)', (c) => c.references('timebank_accounts.id'))
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('expires_at', timestamp, (c) => c.notNull())
    .addColumn('escrow_transfer_id', 'varchar(36)', (c) => c.references('timebank_transfers.id'))
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('timebank_posts_region')
    .on('timebank_posts')
    .columns(['region_code', 'status', 'id'])
    .execute();

  await db.schema
    .createTable('timebank_items')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('price_minutes', 'bigint', (c) => c.notNull())
    .addColumn('stock', 'integer', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('timebank_items_region')
    .on('timebank_items')
    .columns(['region_code', 'id'])
    .execute();

  await db.schema
    .createTable('timebank_orders')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('item_id', 'varchar(36)', (c) => c.notNull().references('timebank_items.id'))
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull().references('timebank_accounts.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'bigint', (c) => c.notNull())
    /** A keyed hash of the six-digit code: a database dump alone does not give the codes away. */
    .addColumn('code_hash', 'varchar(32)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('expires_at', timestamp, (c) => c.notNull())
    .addColumn('used_at', timestamp)
    .addColumn('used_by', 'varchar(36)')
    .addColumn('pay_transfer_id', 'varchar(36)', (c) => c.notNull().references('timebank_transfers.id'))
    .addColumn('refund_transfer_id', 'varchar(36)', (c) => c.references('timebank_transfers.id'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  // A code names one pending order of its district at a time (a clash draws another code).
  await db.schema
    .createIndex('timebank_orders_pending_code')
    .on('timebank_orders')
    .columns(['district_code', 'code_hash'])
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema
    .createIndex('timebank_orders_code')
    .on('timebank_orders')
    .columns(['code_hash', 'created_at'])
    .execute();
  await db.schema
    .createIndex('timebank_orders_expiry')
    .on('timebank_orders')
    .columns(['status', 'expires_at'])
    .execute();
}

export async function down(db: Kysely<unknown>, { dialect }: MigrationContext): Promise<void> {
  for (const table of [
    'timebank_orders',
    'timebank_items',
    'timebank_posts',
    'timebank_limit_changes',
    'timebank_ledger',
    'timebank_transfers',
    'timebank_accounts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  if (dialect === 'postgres') await sql`drop function if exists timebank_ledger_append_only()`.execute(db);
}
