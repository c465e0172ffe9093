import type { Executor } from '../../db/database.js';

/**
 * The cockpit's fund figures, counted from the ledgers by the refresh job (every posting is
 * audited): money held (the balances of asset accounts: cash and bank) at each organization's
 * region, and posted spending per voucher month — in total and for consolation, allowances and
 * awards. A transfer to another organization is not spending: the money is still held, there.
 */
export const fundCountsRepository = {
  balances: (db: Executor, district: string) =>
    db
      .selectFrom('fund_accounts')
      .select((eb) => ['region_code', eb.fn.sum<number>('balance_fen').as('fen')])
      .where('district_code', '=', district)
      .where('type', '=', 'asset')
      .groupBy('region_code')
      .execute(),

  spending: (db: Executor, district: string) =>
    db
      .selectFrom('fund_vouchers')
      .select((eb) => ['region_code', 'period', 'spending_kind', eb.fn.sum<number>('total_fen').as('fen')])
      .where('district_code', '=', district)
      .where('status', '=', 'posted')
      .where('kind', '=', 'spending')
      .groupBy(['region_code', 'period', 'spending_kind'])
      .execute(),
};
