import type { CounterRow, CounterSource, IndicatorDef } from '../cockpit/index.js';
import { pairingCounts } from './pairing-counts.repository.js';

/**
 * The cockpit's pairing coverage (帮扶覆盖率, the article's 4,600+ households in difficulty with a
 * pairing): figures of now, counted per household's region by the cockpit's refresh job whenever
 * the district has an audited change (pairings and the register's tags write one).
 */
export const pairingCounterSources: readonly CounterSource[] = [
  {
    module: 'pairings',
    counters: ['pair.households_in_difficulty', 'pair.households_covered'],
    async count(db, district): Promise<CounterRow[]> {
      const rows: CounterRow[] = [];
      for (const row of await pairingCounts.byRegion(db, district)) {
        rows.push({
          regionCode: row.regionCode,
          period: '',
          counter: 'pair.households_in_difficulty',
          value: row.households,
        });
        if (row.covered > 0)
          rows.push({
            regionCode: row.regionCode,
            period: '',
            counter: 'pair.households_covered',
            value: row.covered,
          });
      }
      return rows;
    },
  },
];

export const PAIRING_INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'pairing_coverage',
    module: 'pairings',
    label: { zh: '困难家庭帮扶覆盖率', en: 'Pairing coverage of households in difficulty' },
    note: {
      zh: '有在帮结对的困难家庭（家中有低保户、特困人员）占全部困难家庭的比例',
      en: 'Households in difficulty (a member tagged 低保户 or 特困) with an active pairing, of all such households',
    },
    unit: 'percent',
    better: 'higher',
    kind: 'stock',
    counters: ['pair.households_covered', 'pair.households_in_difficulty'],
    value: (get) => {
      const households = get('pair.households_in_difficulty');
      return households === 0 ? null : Math.round((get('pair.households_covered') / households) * 1000) / 10;
    },
  },
  {
    code: 'paired_households',
    module: 'pairings',
    label: { zh: '结对帮扶困难家庭', en: 'Paired households in difficulty' },
    unit: 'count',
    better: 'higher',
    kind: 'stock',
    counters: ['pair.households_covered'],
    value: (get) => get('pair.households_covered'),
  },
];
