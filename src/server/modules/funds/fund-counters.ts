import type { Executor } from '../../db/database.js';
import type { CounterCode, CounterRow, CounterSource, IndicatorDef } from '../cockpit/index.js';

/** The spending kinds the cockpit shows on their own (all kinds but transfers out count in the total). */
const SPENDING_COUNTERS = {
  consolation: 'fund.spent_consolation_fen',
  allowance: 'fund.spent_allowance_fen',
  award: 'fund.spent_award_fen',
} as const satisfies Record<string, CounterCode>;

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

export async function fundCounterRows(db: Executor, district: string): Promise<CounterRow[]> {
  const rows: CounterRow[] = [];
  for (const row of await fundCountsRepository.balances(db, district))
    if (Number(row.fen) !== 0)
      rows.push({
        regionCode: row.region_code,
        period: '',
        counter: 'fund.balance_fen',
        value: Number(row.fen),
      });
  for (const row of await fundCountsRepository.spending(db, district)) {
    const fen = Number(row.fen);
    if (fen === 0 || row.spending_kind === 'transfer_out') continue;
    const base = { regionCode: row.region_code, period: row.period, value: fen };
    rows.push({ ...base, counter: 'fund.spent_fen' });
    const own = row.spending_kind && row.spending_kind in SPENDING_COUNTERS;
    if (own)
      rows.push({ ...base, counter: SPENDING_COUNTERS[row.spending_kind as keyof typeof SPENDING_COUNTERS] });
  }
  return rows;
}

export const fundCounterSources: readonly CounterSource[] = [
  {
    module: 'funds',
    counters: ['fund.balance_fen', 'fund.spent_fen', ...Object.values(SPENDING_COUNTERS)],
    count: fundCounterRows,
  },
];

const yuan = (counter: CounterCode) => (get: (counter: CounterCode) => number) =>
  Math.round(get(counter) / 100);

const spendingIndicator = (
  code: string,
  counter: CounterCode,
  label: { zh: string; en: string },
): IndicatorDef => ({
  code,
  module: 'funds',
  label,
  unit: 'yuan',
  better: 'higher',
  kind: 'flow',
  counters: [counter],
  value: yuan(counter),
});

export const FUND_INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'fund_balance',
    module: 'funds',
    label: { zh: '党建经费结余', en: 'Funds held' },
    note: {
      zh: '各组织经费账簿中现金和银行存款账户的余额合计（元）',
      en: "Cash and bank balances in the organizations' fund ledgers (yuan)",
    },
    unit: 'yuan',
    better: 'higher',
    kind: 'stock',
    counters: ['fund.balance_fen'],
    value: yuan('fund.balance_fen'),
  },
  {
    ...spendingIndicator('fund_spent', 'fund.spent_fen', { zh: '经费支出', en: 'Fund spending' }),
    note: {
      zh: '已过账的支出凭证合计（元，按凭证月份；拨付给其他组织的不计）',
      en: 'Posted spending vouchers (yuan, by voucher month; transfers to other organizations not counted)',
    },
  },
  spendingIndicator('fund_consolation', 'fund.spent_consolation_fen', {
    zh: '困难党员慰问支出',
    en: 'Consolation of members in difficulty',
  }),
  spendingIndicator('fund_allowance', 'fund.spent_allowance_fen', { zh: '补贴支出', en: 'Allowances paid' }),
  spendingIndicator('fund_award', 'fund.spent_award_fen', { zh: '表彰奖励支出', en: 'Awards paid' }),
];
