import type { Executor } from '../../db/database.js';

/**
 * The article's fund figures as the district's ledgers hold them (all posted vouchers of the
 * district, whatever the year): fiscal allocation received, allowances per person paid, consolation
 * paid and the members it reached. For `lianxin report article`.
 */
export const articleFundsRepository = {
  fiscalIncomeFen: async (db: Executor, district: string): Promise<number> => {
    const row = await db
      .selectFrom('fund_voucher_lines')
      .innerJoin('fund_vouchers', 'fund_vouchers.id', 'fund_voucher_lines.voucher_id')
      .innerJoin('fund_accounts', 'fund_accounts.id', 'fund_voucher_lines.account_id')
      .select([
        (eb) => eb.fn.sum<number>('fund_voucher_lines.credit_fen').as('credit'),
        (eb) => eb.fn.sum<number>('fund_voucher_lines.debit_fen').as('debit'),
      ])
      .where('fund_vouchers.district_code', '=', district)
      .where('fund_vouchers.status', '=', 'posted')
      .where('fund_accounts.type', '=', 'income')
      .where('fund_accounts.fund', '=', 'fiscal')
      .executeTakeFirstOrThrow();
    return Number(row.credit ?? 0) - Number(row.debit ?? 0);
  },

  /** Posted payments of one kind per member paid (allowances per village secretary). */
  paidPerMember: (db: Executor, district: string, kind: 'allowance' | 'consolation') =>
    db
      .selectFrom('fund_beneficiaries')
      .innerJoin('fund_vouchers', 'fund_vouchers.id', 'fund_beneficiaries.voucher_id')
      .select([
        'fund_beneficiaries.member_id',
        (eb) => eb.fn.sum<number>('fund_beneficiaries.amount_fen').as('fen'),
      ])
      .where('fund_vouchers.district_code', '=', district)
      .where('fund_vouchers.status', '=', 'posted')
      .where('fund_vouchers.spending_kind', '=', kind)
      .groupBy('fund_beneficiaries.member_id')
      .execute(),

  spentFen: async (db: Executor, district: string, kind: 'consolation'): Promise<number> => {
    const row = await db
      .selectFrom('fund_vouchers')
      .select((eb) => eb.fn.sum<number>('total_fen').as('fen'))
      .where('district_code', '=', district)
      .where('status', '=', 'posted')
      .where('spending_kind', '=', kind)
      .executeTakeFirstOrThrow();
    return Number(row.fen ?? 0);
  },
};

/** The five rows' platform figures, money in whole yuan; null where the ledgers hold nothing yet. */
export async function articleFundFigures(db: Executor, district: string) {
  const allowances = (await articleFundsRepository.paidPerMember(db, district, 'allowance')).map((r) =>
    Number(r.fen),
  );
  const consoled = await articleFundsRepository.paidPerMember(db, district, 'consolation');
  const yuan = (fen: number) => Math.round(fen / 100);
  return {
    base_organization_funds: yuan(await articleFundsRepository.fiscalIncomeFen(db, district)),
    village_secretary_allowance_average:
      allowances.length === 0 ? null : yuan(allowances.reduce((a, b) => a + b, 0) / allowances.length),
    village_secretary_allowance_top: allowances.length === 0 ? null : yuan(Math.max(...allowances)),
    members_in_difficulty_visited: consoled.length,
    consolation_paid: yuan(await articleFundsRepository.spentFen(db, district, 'consolation')),
  };
}
