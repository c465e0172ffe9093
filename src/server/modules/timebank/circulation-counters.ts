import { beijingMonth } from '../../../shared/beijing-time.js';
import type { CounterRow, CounterSource, IndicatorDef } from '../cockpit/index.js';
import { circulationRepository } from './circulation.repository.js';

/**
 * The cockpit's time-bank figure: minutes that changed hands per Beijing month (see
 * CIRCULATING_KINDS for what counts), counted where the paying account is. The counter is bumped
 * by `postTransfer` in the transaction of the transfer; this source recounts it for the rebuild.
 * No runtime import from the cockpit at load time: the cockpit's registry imports this file.
 */
export const timebankCounterSources: readonly CounterSource[] = [
  {
    module: 'timebank',
    counters: ['tb.circulated_minutes'],
    async count(db, district): Promise<CounterRow[]> {
      const sums = new Map<string, CounterRow>();
      for (const row of await circulationRepository.circulatingTransfers(db, district)) {
        const period = beijingMonth(row.created_at);
        const key = `${row.region_code}|${period}`;
        const sum = sums.get(key);
        if (sum) sum.value += Number(row.minutes);
        else
          sums.set(key, {
            regionCode: row.region_code,
            period,
            counter: 'tb.circulated_minutes',
            value: Number(row.minutes),
          });
      }
      return [...sums.values()];
    },
  },
];

export const TIMEBANK_INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'timebank_circulation',
    module: 'timebank',
    label: { zh: '爱心银行流通时长', en: 'Time-bank circulation' },
    note: {
      zh: '当月转出的时长：转账、服务时长入账、捐赠、互助完成、爱心超市兑换；不含初始赠送、托管冻结、退回和冲正（按付出方账户所在区域统计）',
      en: 'Minutes that changed hands: transfers, credited service hours, donations, completed exchanges and supermarket orders; starter grants, escrow holds, refunds and reversals are not counted (counted where the payer is)',
    },
    unit: 'hours',
    better: 'higher',
    kind: 'flow',
    counters: ['tb.circulated_minutes'],
    value: (get) => Math.round((get('tb.circulated_minutes') / 60) * 10) / 10,
  },
];
