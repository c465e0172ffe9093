import type { CounterRow, CounterSource, IndicatorDef } from '../cockpit/index.js';
import { loanCounts } from './loan-counts.repository.js';

/**
 * The cockpit's loan figures (the article's 500+ guided, 380 loans, ¥34.77M): figures of now,
 * counted per applicant's region by the cockpit's refresh job whenever the district has an audited
 * change (every loan step writes one), so no step needs to bump them.
 */
export const loanCounterSources: readonly CounterSource[] = [
  {
    module: 'loans',
    counters: [
      'loan.guided',
      'loan.applied',
      'loan.approved',
      'loan.disbursed',
      'loan.disbursed_fen',
      'loan.in_arrears',
    ],
    async count(db, district): Promise<CounterRow[]> {
      const rows: CounterRow[] = [];
      for (const row of await loanCounts.byRegion(db, district)) {
        const add = (counter: CounterRow['counter'], value: number) => {
          if (value !== 0) rows.push({ regionCode: row.region_code, period: '', counter, value });
        };
        add('loan.guided', row.guided);
        add('loan.applied', row.applied);
        add('loan.approved', row.approved);
        add('loan.disbursed', row.disbursed);
        add('loan.disbursed_fen', row.disbursed_fen);
        add('loan.in_arrears', row.in_arrears);
      }
      return rows;
    },
  },
];

const stock = (
  code: string,
  counter: CounterRow['counter'],
  label: IndicatorDef['label'],
  note: IndicatorDef['note'],
  better: IndicatorDef['better'] = 'higher',
): IndicatorDef => ({
  code,
  module: 'loans',
  label,
  note,
  unit: code.endsWith('_guided') ? 'people' : 'count',
  better,
  kind: 'stock',
  counters: [counter],
  value: (get) => get(counter),
});

export const LOAN_INDICATORS: readonly IndicatorDef[] = [
  stock(
    'loans_guided',
    'loan.guided',
    { zh: '创业贷款政策辅导', en: 'Loan guidance given' },
    {
      zh: '参加创业担保贷款政策辅导的居民（按人计）',
      en: 'Residents who attended a start-up loan guidance session',
    },
  ),
  stock(
    'loans_approved',
    'loan.approved',
    { zh: '担保贷款审核通过', en: 'Loans guaranteed' },
    {
      zh: '担保中心审核通过的创业担保贷款申请',
      en: 'Applications the guarantee centre approved',
    },
  ),
  stock(
    'loans_disbursed',
    'loan.disbursed',
    { zh: '担保贷款放款笔数', en: 'Loans disbursed' },
    {
      zh: '经办银行已放款的创业担保贷款',
      en: 'Start-up loans the bank has lent',
    },
  ),
  {
    code: 'loans_disbursed_amount',
    module: 'loans',
    label: { zh: '担保贷款放款金额（万元）', en: 'Loans disbursed (¥10,000)' },
    note: { zh: '已放款的创业担保贷款本金合计，单位万元', en: 'Principal lent, in units of ¥10,000' },
    unit: 'count',
    better: 'higher',
    kind: 'stock',
    counters: ['loan.disbursed_fen'],
    value: (get) => Math.round(get('loan.disbursed_fen') / 100_000) / 10,
  },
  stock(
    'loans_in_arrears',
    'loan.in_arrears',
    { zh: '担保贷款逾期笔数', en: 'Loans in arrears' },
    {
      zh: '有到期未还款项的在还贷款（困难暂停期间不计天数）',
      en: 'Loans past a due date (hardship pauses stop the days)',
    },
    'lower',
  ),
];
