import type { Executor } from '../../db/database.js';

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
