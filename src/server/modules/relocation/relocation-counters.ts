import type { CounterRow, CounterSource, IndicatorDef } from '../cockpit/index.js';
import { relocationCounts } from './relocation-counts.repository.js';

/**
 * The cockpit's relocation figure (the article's 6,000+ households): households that have moved out
 * or been resettled, at the place they left; a figure of now, counted by the cockpit's refresh job
 * whenever the district has an audited change (every relocation step writes one).
 */
export const relocationCounterSources: readonly CounterSource[] = [
  {
    module: 'relocation',
    counters: ['relocation.households_relocated'],
    async count(db, district): Promise<CounterRow[]> {
      return (await relocationCounts.relocatedHouseholdsByRegion(db, district))
        .filter((row) => Number(row.n) !== 0)
        .map((row) => ({
          regionCode: row.region_code,
          period: '',
          counter: 'relocation.households_relocated',
          value: Number(row.n),
        }));
    },
  },
];

export const RELOCATION_INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'relocated_households',
    module: 'relocation',
    label: { zh: '搬迁户数', en: 'Relocated households' },
    note: {
      zh: '已搬迁腾房或已回迁安置的户（按原住址统计）',
      en: 'Households moved out or resettled, counted where they lived',
    },
    unit: 'count',
    better: 'higher',
    kind: 'stock',
    counters: ['relocation.households_relocated'],
    value: (get) => get('relocation.households_relocated'),
  },
];
