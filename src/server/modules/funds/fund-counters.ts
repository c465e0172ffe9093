import type { Executor } from '../../db/database.js';
import type { CounterCode, CounterRow, CounterSource, IndicatorDef } from '../cockpit/index.js';
import { fundCountsRepository } from './fund-counts.repository.js';

/** The spending kinds the cockpit shows on their own (all kinds but transfers out count in the total). */
const SPENDING_COUNTERS = {
  consolation: 'fund.spent_consolation_fen',
  allowance: 'fund.spent_allowance_fen',
  award: 'fund.spent_award_fen',
} as const satisfies Record<string, CounterCode>;

/** The cockpit's fund rows from the ledgers (see fund-counts.repository.ts for what is counted). */
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
