import { RELOCATED_STATUSES } from '../../../shared/api/relocation.js';
import type { Executor } from '../../db/database.js';

/** Counts of relocation cases for the cockpit and the article report (whole districts, no scope). */
export const relocationCounts = {
  relocatedHouseholdsByRegion: (db: Executor, district: string) =>
    db
      .selectFrom('relocation_cases')
      .select((eb) => ['region_code', eb.fn.countAll<number>().as('n')])
      .where('district_code', '=', district)
      .where('subject', '=', 'household')
      .where('status', 'in', [...RELOCATED_STATUSES])
      .groupBy('region_code')
      .execute(),

  async households(
    db: Executor,
    district: string,
    filter: { program?: 'land'; statuses: readonly string[] },
  ): Promise<number> {
    let query = db
      .selectFrom('relocation_cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('district_code', '=', district)
      .where('subject', '=', 'household')
      .where('status', 'in', filter.statuses as typeof RELOCATED_STATUSES);
    if (filter.program) query = query.where('program', '=', filter.program);
    return Number((await query.executeTakeFirstOrThrow()).n);
  },

  async resettlementCommunities(db: Executor, district: string): Promise<number> {
    const row = await db
      .selectFrom('resettlement_communities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('district_code', '=', district)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};

/**
 * The article's relocation figures as a district holds them: farm households (农村房屋征收) moved
 * out or resettled, resettlement communities, and households resettled in them (farm and
 * shanty-town alike). For `lianxin report article`.
 */
export async function articleRelocationFigures(db: Executor, district: string) {
  return {
    relocated_households: await relocationCounts.households(db, district, {
      program: 'land',
      statuses: RELOCATED_STATUSES,
    }),
    resettlement_communities: await relocationCounts.resettlementCommunities(db, district),
    resettled_households: await relocationCounts.households(db, district, { statuses: ['resettled'] }),
  };
}
