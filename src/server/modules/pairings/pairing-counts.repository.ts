import type { Executor } from '../../db/database.js';
import { difficultyHouseholdIds } from './pairing-parties.repository.js';

/**
 * Per household's region in one district: households in difficulty, and those of them with an
 * active pairing (the coverage's two terms, for the cockpit's snapshot counters).
 */
export const pairingCounts = {
  byRegion: async (db: Executor, district: string) => {
    const households = await db
      .selectFrom('households')
      .select(['id', 'region_code'])
      .where('district_code', '=', district)
      .where('id', 'in', difficultyHouseholdIds(db, district))
      .execute();
    const paired = new Set(
      (
        await db
          .selectFrom('pairings')
          .select('target_id')
          .where('district_code', '=', district)
          .where('target_kind', '=', 'household')
          .where('status', '=', 'active')
          .execute()
      ).map((r) => r.target_id),
    );
    const byRegion = new Map<string, { households: number; covered: number }>();
    for (const row of households) {
      const tally = byRegion.get(row.region_code) ?? { households: 0, covered: 0 };
      tally.households += 1;
      if (paired.has(row.id)) tally.covered += 1;
      byRegion.set(row.region_code, tally);
    }
    return [...byRegion].map(([regionCode, tally]) => ({ regionCode, ...tally }));
  },
};
