import type { Insertable, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { selectOneLocked } from '../../db/lock-row.js';
import type {
  FundAccountTable,
  FundBeneficiaryTable,
  FundVoucherLineTable,
  FundVoucherTable,
} from './funds.tables.js';

export type AccountRow = Selectable<FundAccountTable>;
export type VoucherRow = Selectable<FundVoucherTable>;
export type LineRow = Selectable<FundVoucherLineTable> & { account_code: string; account_name: string };

/** The fund ledger's accounts, vouchers, lines, periods and numbers. Only this file queries them. */
export const ledgerRepository = {
  organizationInScope: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('organizations')
      .select(['id', 'name', 'district_code', 'region_code', 'status'])
      .where('id', '=', id)
      .where(scope.covers('region_code'))
      .executeTakeFirst(),

  accounts: (db: Executor, organizationId: string): Promise<AccountRow[]> =>
    db
      .selectFrom('fund_accounts')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('code')
      .execute(),

  accountsByIds: (db: Executor, ids: readonly string[]): Promise<AccountRow[]> =>
    ids.length === 0
      ? Promise.resolve([])
      : db.selectFrom('fund_accounts').selectAll().where('id', 'in', ids).execute(),

  insertAccounts: async (db: Executor, rows: Insertable<FundAccountTable>[]): Promise<void> => {
    if (rows.length > 0) await db.insertInto('fund_accounts').values(rows).execute();
  },

  /** Moves an account's cached balance by debits − credits of a posting. */
  moveBalance: async (db: Executor, accountId: string, deltaFen: number): Promise<void> => {
    await db
      .updateTable('fund_accounts')
      .set({ balance_fen: sql<number>`balance_fen + ${deltaFen}` })
      .where('id', '=', accountId)
      .execute();
  },

  /** The next voucher number of an organization's month (a counter row per organization and month). */
  nextNumber: async (
    db: Executor,
    districtCode: string,
    organizationId: string,
    period: string,
  ): Promise<number> => {
    const row = await db
      .insertInto('fund_voucher_sequences')
      .values({ district_code: districtCode, organization_id: organizationId, period, last_number: 1 })
      .onConflict((oc) =>
        oc
          .columns(['district_code', 'organization_id', 'period'])
          .doUpdateSet({ last_number: sql<number>`fund_voucher_sequences.last_number + 1` }),
      )
      .returning('last_number')
      .executeTakeFirstOrThrow();
    return Number(row.last_number);
  },

  insertVoucher: async (
    db: Executor,
    voucher: Insertable<FundVoucherTable>,
    lines: Insertable<FundVoucherLineTable>[],
    beneficiaries: Insertable<FundBeneficiaryTable>[],
  ): Promise<void> => {
    await db.insertInto('fund_vouchers').values(voucher).execute();
    await db.insertInto('fund_voucher_lines').values(lines).execute();
    for (let i = 0; i < beneficiaries.length; i += 500)
      await db
        .insertInto('fund_beneficiaries')
        .values(beneficiaries.slice(i, i + 500))
        .execute();
  },

  voucher: (db: Executor, id: string): Promise<VoucherRow | undefined> =>
    db.selectFrom('fund_vouchers').selectAll().where('id', '=', id).executeTakeFirst(),

  /** A voucher in scope, locked for the change that follows on PostgreSQL. */
  voucherInScope: (db: Executor, scope: Scope, id: string, lock = false): Promise<VoucherRow | undefined> => {
    const query = db
      .selectFrom('fund_vouchers')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('region_code'));
    return selectOneLocked(query, lock && scope.dialect === 'postgres');
  },

  vouchersOfTransfer: (db: Executor, transferId: string): Promise<VoucherRow[]> =>
    db.selectFrom('fund_vouchers').selectAll().where('transfer_id', '=', transferId).orderBy('id').execute(),

  lines: (db: Executor, voucherId: string): Promise<LineRow[]> =>
    db
      .selectFrom('fund_voucher_lines')
      .innerJoin('fund_accounts', 'fund_accounts.id', 'fund_voucher_lines.account_id')
      .selectAll('fund_voucher_lines')
      .select(['fund_accounts.code as account_code', 'fund_accounts.name as account_name'])
      .where('voucher_id', '=', voucherId)
      .orderBy('seq')
      .execute(),

  beneficiaryCount: async (db: Executor, voucherId: string): Promise<number> => {
    const row = await db
      .selectFrom('fund_beneficiaries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('voucher_id', '=', voucherId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Moves a voucher out of `pending`; answers false when another request got there first. */
  decide: async (
    db: Executor,
    id: string,
    changes: Pick<FundVoucherTable, 'status' | 'updated_at'> &
      Partial<Pick<FundVoucherTable, 'approved_by' | 'approved_by_name' | 'approved_at' | 'note'>>,
  ): Promise<boolean> => {
    const result = await db
      .updateTable('fund_vouchers')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** One organization's vouchers, newest first (uuid v7 ids sort by creation). */
  list: (
    db: Executor,
    organizationId: string,
    filter: {
      status?: string | undefined;
      period?: string | undefined;
      after?: string | undefined;
      limit: number;
    },
  ): Promise<VoucherRow[]> => {
    let query = db.selectFrom('fund_vouchers').selectAll().where('organization_id', '=', organizationId);
    if (filter.status) query = query.where('status', '=', filter.status as VoucherRow['status']);
    if (filter.period) query = query.where('period', '=', filter.period);
    if (filter.after) query = query.where('id', '<', filter.after);
    return query
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  closedPeriod: (db: Executor, organizationId: string, period: string) =>
    db
      .selectFrom('fund_periods')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('period', '=', period)
      .executeTakeFirst(),

  closedPeriods: (db: Executor, organizationId: string) =>
    db
      .selectFrom('fund_periods')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('period', 'desc')
      .execute(),

  closePeriod: async (
    db: Executor,
    row: {
      district_code: string;
      organization_id: string;
      period: string;
      closed_by: string | null;
      closed_by_name: string | null;
      closed_at: string;
    },
  ): Promise<void> => {
    await db.insertInto('fund_periods').values(row).execute();
  },

  /** Vouchers per month and status, for the period list. */
  periodCounts: (db: Executor, organizationId: string) =>
    db
      .selectFrom('fund_vouchers')
      .select(['period', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('organization_id', '=', organizationId)
      .groupBy(['period', 'status'])
      .execute(),

  /**
   * Posted debits and credits per account of an organization, in the months [from, to] (either may be
   * open), for statements and balance checks.
   */
  postedSums: (db: Executor, organizationId: string, from: string | undefined, to: string | undefined) => {
    let query = db
      .selectFrom('fund_voucher_lines')
      .innerJoin('fund_vouchers', 'fund_vouchers.id', 'fund_voucher_lines.voucher_id')
      .select([
        'fund_voucher_lines.account_id',
        (eb) => eb.fn.sum<number>('fund_voucher_lines.debit_fen').as('debit'),
        (eb) => eb.fn.sum<number>('fund_voucher_lines.credit_fen').as('credit'),
      ])
      .where('fund_vouchers.organization_id', '=', organizationId)
      .where('fund_vouchers.status', '=', 'posted');
    if (from) query = query.where('fund_vouchers.period', '>=', from);
    if (to) query = query.where('fund_vouchers.period', '<=', to);
    return query.groupBy('fund_voucher_lines.account_id').execute();
  },

  /** One account's posted entries in the months [from, to], in posting order. */
  entries: (db: Executor, accountId: string, from: string, to: string) =>
    db
      .selectFrom('fund_voucher_lines')
      .innerJoin('fund_vouchers', 'fund_vouchers.id', 'fund_voucher_lines.voucher_id')
      .select([
        'fund_vouchers.id as voucher_id',
        'fund_vouchers.number',
        'fund_vouchers.voucher_date',
        'fund_vouchers.summary',
        'fund_voucher_lines.debit_fen',
        'fund_voucher_lines.credit_fen',
      ])
      .where('fund_voucher_lines.account_id', '=', accountId)
      .where('fund_vouchers.status', '=', 'posted')
      .where('fund_vouchers.period', '>=', from)
      .where('fund_vouchers.period', '<=', to)
      .orderBy('fund_vouchers.voucher_date')
      .orderBy('fund_vouchers.approved_at')
      .orderBy('fund_vouchers.id')
      .orderBy('fund_voucher_lines.seq')
      .execute(),

  /** A year's posted vouchers, in date order (the annual report's list). */
  postedOfYear: (db: Executor, organizationId: string, year: string): Promise<VoucherRow[]> =>
    db
      .selectFrom('fund_vouchers')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('status', '=', 'posted')
      .where('period', '>=', `${year}-01`)
      .where('period', '<=', `${year}-12`)
      .orderBy('voucher_date')
      .orderBy('id')
      .execute(),

  /** An organization by id (the public view names it; nothing personal is read). */
  organizationById: (db: Executor, id: string) =>
    db
      .selectFrom('organizations')
      .select(['id', 'name', 'district_code', 'region_code'])
      .where('id', '=', id)
      .executeTakeFirst(),

  /** Posted spending of a year per kind of spending: amount and vouchers. */
  spendingByKind: (db: Executor, organizationId: string, year: string) =>
    db
      .selectFrom('fund_vouchers')
      .select([
        'spending_kind',
        (eb) => eb.fn.sum<number>('total_fen').as('amount'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('organization_id', '=', organizationId)
      .where('status', '=', 'posted')
      .where('spending_kind', 'is not', null)
      .where('period', '>=', `${year}-01`)
      .where('period', '<=', `${year}-12`)
      .groupBy('spending_kind')
      .execute(),

  /** How many different members a year's posted consolation payments reached. */
  consoledMembers: async (db: Executor, organizationId: string, year: string): Promise<number> => {
    const row = await db
      .selectFrom('fund_beneficiaries')
      .innerJoin('fund_vouchers', 'fund_vouchers.id', 'fund_beneficiaries.voucher_id')
      .select((eb) => eb.fn.count<number>('fund_beneficiaries.member_id').distinct().as('n'))
      .where('fund_vouchers.organization_id', '=', organizationId)
      .where('fund_vouchers.status', '=', 'posted')
      .where('fund_vouchers.spending_kind', '=', 'consolation')
      .where('fund_vouchers.period', '>=', `${year}-01`)
      .where('fund_vouchers.period', '<=', `${year}-12`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Members in scope among `ids` (the people a voucher pays). */
  membersInScope: (db: Executor, scope: Scope, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('members')
          .select(['id'])
          .where('id', 'in', ids)
          .where(scope.covers('region_code'))
          .execute(),

  latestSettings: (db: Executor, districtCode: string) =>
    db
      .selectFrom('fund_settings_changes')
      .selectAll()
      .where('district_code', '=', districtCode)
      .orderBy('changed_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst(),

  insertSettings: async (
    db: Executor,
    row: {
      id: string;
      district_code: string;
      approval_threshold_fen: number;
      changed_by: string | null;
      changed_at: string;
    },
  ): Promise<void> => {
    await db.insertInto('fund_settings_changes').values(row).execute();
  },
};
