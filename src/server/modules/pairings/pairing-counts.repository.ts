import type { Executor } from '../../db/database.js';
import { covered, inDifficulty } from './pairing-parties.repository.js';

/**
 * Per household's region in one district: households in difficulty, and those of them with an
 * active pairing (the coverage's two terms, for the cockpit's snapshot counters).
 */
export const pairingCounts = {
  byRegion: async (db: Executor, district: string) => {
    const rows = await db
      .selectFrom('households')
      .select((eb) => ['households.region_code', covered(eb).as('covered')])
      .where('households.district_code', '=', district)
      .where(inDifficulty)
      .execute();
    const byRegion = new Map<string, { households: number; covered: number }>();
    for (const row of rows) {
      const tally = byRegion.get(row.region_code) ?? { households: 0, covered: 0 };
      tally.households += 1;
      if (Number(row.covered)) tally.covered += 1;
      byRegion.set(row.region_code, tally);
    }
    return [...byRegion].map(([regionCode, tally]) => ({ regionCode, ...tally }));
  },
};
