import type { CounterRow, CounterSource, IndicatorDef } from '../cockpit/index.js';
import { reviewCountsRepository } from './review-counts.repository.js';

/** The cockpit's review score (see review-counts.repository.ts for which units count). */

export const reviewCounterSources: readonly CounterSource[] = [
  {
    module: 'reviews',
    counters: ['review.units', 'review.total_centi'],
    async count(db, district): Promise<CounterRow[]> {
      const byRegion = new Map<string, { units: number; centi: number }>();
      for (const unit of await reviewCountsRepository.latestPublishedUnits(db, district)) {
        const tally = byRegion.get(unit.region_code) ?? { units: 0, centi: 0 };
        tally.units += 1;
        tally.centi += Number(unit.total_centi);
        byRegion.set(unit.region_code, tally);
      }
      return [...byRegion].flatMap(([regionCode, tally]): CounterRow[] => [
        { regionCode, period: '', counter: 'review.units', value: tally.units },
        { regionCode, period: '', counter: 'review.total_centi', value: tally.centi },
      ]);
    },
  },
];

export const REVIEW_INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'review_score',
    module: 'reviews',
    label: { zh: '述职评议平均得分', en: 'Average review score' },
    note: {
      zh: '各级最近一次已公布的述职评议中，本区域内被评单位的平均总分（满分 100）',
      en: "Mean total score (of 100) of the units reviewed here in each level's latest published review round",
    },
    unit: 'score',
    better: 'higher',
    kind: 'stock',
    counters: ['review.units', 'review.total_centi'],
    value: (get) => {
      const units = get('review.units');
      return units === 0 ? null : Math.round(get('review.total_centi') / units / 10) / 10;
    },
  },
];
