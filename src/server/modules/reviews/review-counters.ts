import type { Executor } from '../../db/database.js';
import type { CounterRow, CounterSource, IndicatorDef } from '../cockpit/index.js';

/**
 * The cockpit's review score: the units of each reviewing region's latest published round (the
 * district's round over its streets, each street's over its communities), counted at each unit's
 * own region with its total score in hundredths. The average over a place is the mean score of the
 * units reviewed in it. Published rounds are frozen, so the figure only moves when a round is
 * published (an audited step, which the refresh job counts after).
 */
export const reviewCountsRepository = {
  latestPublishedUnits: async (db: Executor, district: string) => {
    const rounds = await db
      .selectFrom('review_rounds')
      .select(['id', 'region_code', 'published_at'])
      .where('district_code', '=', district)
      .where('status', '=', 'published')
      .orderBy('region_code')
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const latest = new Map<string, string>();
    for (const round of rounds) if (!latest.has(round.region_code)) latest.set(round.region_code, round.id);
    if (latest.size === 0) return [];
    return db
      .selectFrom('review_units')
      .select(['region_code', 'total_centi'])
      .where('district_code', '=', district)
      .where('round_id', 'in', [...latest.values()])
      .where('total_centi', 'is not', null)
      .execute();
  },
};

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
