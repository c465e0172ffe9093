import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Dues (党费) and the organizations' fund ledger (issue 14). The ledger is double-entry: a voucher's
 * lines balance (debits = credits), and posting one moves each line's account balance in the same
 * transaction. A closed month (fund_periods) takes no posting. Dues keep each member's base as a
 * change log (the latest row holds) and one payment row per member and month. Money is integer fen;
 * every table carries district_code.
 */
export async function up(db: Kysely<unknown>, { timestamp }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('fund_settings_changes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('approval_threshold_fen', 'bigint', (c) => c.notNull())
    .addColumn('changed_by', 'varchar(36)')
    .addColumn('changed_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('fund_settings_changes_district')
    .on('fund_settings_changes')
    .columns(['district_code', 'changed_at'])
    .execute();

  await db.schema
    .createTable('fund_accounts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('code', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('type', 'varchar(12)', (c) => c.notNull())
    .addColumn('fund', 'varchar(12)', (c) => c.notNull())
    .addColumn('restricted', 'integer', (c) => c.notNull())
    .addColumn('spending_kind', 'varchar(16)')
    .addColumn('balance_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('fund_accounts_code', ['district_code', 'organization_id', 'code'])
    .execute();

  await db.schema
    .createTable('fund_vouchers')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('number', 'varchar(24)', (c) => c.notNull())
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('voucher_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('summary', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('spending_kind', 'varchar(16)')
    .addColumn('total_fen', 'bigint', (c) => c.notNull())
    .addColumn('attachment_count', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('transfer_id', 'varchar(36)')
    .addColumn('made_by', 'varchar(36)')
    .addColumn('made_by_name', 'varchar(100)')
    .addColumn('approved_by', 'varchar(36)')
    .addColumn('approved_by_name', 'varchar(100)')
    .addColumn('approved_at', timestamp)
    .addColumn('note', 'varchar(200)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('fund_vouchers_number', ['district_code', 'organization_id', 'number'])
    .execute();
  await db.schema
    .createIndex('fund_vouchers_organization')
    .on('fund_vouchers')
    .columns(['organization_id', 'id'])
    .execute();
  await db.schema
    .createIndex('fund_vouchers_period')
    .on('fund_vouchers')
    .columns(['organization_id', 'period', 'status'])
    .execute();
  await db.schema
    .createIndex('fund_vouchers_transfer')
    .on('fund_vouchers')
    .columns(['transfer_id'])
    .execute();

  await db.schema
    .createTable('fund_voucher_lines')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('voucher_id', 'varchar(36)', (c) => c.notNull().references('fund_vouchers.id'))
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull().references('fund_accounts.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('debit_fen', 'bigint', (c) => c.notNull())
    .addColumn('credit_fen', 'bigint', (c) => c.notNull())
    .addColumn('memo', 'varchar(100)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('fund_voucher_lines_voucher')
    .on('fund_voucher_lines')
    .columns(['voucher_id'])
    .execute();
  await db.schema
    .createIndex('fund_voucher_lines_account')
    .on('fund_voucher_lines')
    .columns(['account_id'])
    .execute();

  await db.schema
    .createTable('fund_beneficiaries')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('voucher_id', 'varchar(36)', (c) => c.notNull().references('fund_vouchers.id'))
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('fund_beneficiaries_pk', ['district_code', 'voucher_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('fund_beneficiaries_member')
    .on('fund_beneficiaries')
    .columns(['member_id'])
    .execute();

  await db.schema
    .createTable('fund_periods')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('closed_by', 'varchar(36)')
    .addColumn('closed_by_name', 'varchar(100)')
    .addColumn('closed_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('fund_periods_pk', ['district_code', 'organization_id', 'period'])
    .execute();

  await db.schema
    .createTable('fund_voucher_sequences')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('fund_voucher_sequences_pk', ['district_code', 'organization_id', 'period'])
    .execute();

  await db.schema
    .createTable('dues_bases')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('category', 'varchar(16)', (c) => c.notNull())
    .addColumn('income_fen', 'bigint', (c) => c.notNull())
    .addColumn('monthly_fen', 'bigint', (c) => c.notNull())
    .addColumn('effective_month', 'varchar(7)', (c) => c.notNull())
    .addColumn('set_by', 'varchar(36)')
    .addColumn('set_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dues_bases_member')
    .on('dues_bases')
    .columns(['member_id', 'set_at'])
    .execute();

  await db.schema
    .createTable('dues_payments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('paid_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('channel', 'varchar(10)', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(36)')
    .addColumn('recorded_by_name', 'varchar(100)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('dues_payments_month', ['district_code', 'member_id', 'month'])
    .execute();
  await db.schema
    .createIndex('dues_payments_organization')
    .on('dues_payments')
    .columns(['organization_id', 'month'])
    .execute();

  await db.schema
    .createTable('dues_arrears_alerts')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('since_month', 'varchar(7)', (c) => c.notNull())
    .addColumn('alerted_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('dues_arrears_alerts_pk', ['district_code', 'member_id', 'since_month'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'dues_arrears_alerts',
    'dues_payments',
    'dues_bases',
    'fund_voucher_sequences',
    'fund_periods',
    'fund_beneficiaries',
    'fund_voucher_lines',
    'fund_vouchers',
    'fund_accounts',
    'fund_settings_changes',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
