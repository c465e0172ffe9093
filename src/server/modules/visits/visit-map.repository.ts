import { pathOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';

export interface HouseholdVisitRow {
  id: string;
  region_code: string;
  met_count: number | null;
  attempt_count: number | null;
  target_visits: number | null;
  last_visit_at: string | null;
}

/**
 * Reads of the grid's visit map. Each read is bounded by the grid, not by the community or the
 * campaign: the grid and its buildings by `regions.parent_code`, their households by
 * `households.region_code` equality (index households_place), and each household's progress in
 * the chosen campaign by the target's primary key. So the map costs O(households of the grid)
 * whatever the size of the community around it.
 */
export const visitMapRepository = {
  /** The buildings of a grid (its child regions). */
  buildingsOf: async (db: Executor, gridCode: string): Promise<string[]> =>
    (await db.selectFrom('regions').select('code').where('parent_code', '=', gridCode).execute()).map(
      (row) => row.code,
    ),

  /**
   * Active campaigns whose region holds the given one (an ancestor or itself) or lies inside it
   * (`inside` is the region as a scope), newest first (ids are time-ordered).
   */
  activeCampaignsAround: (db: Executor, code: string, inside: Scope) =>
    db
      .selectFrom('visit_campaigns as c')
      .select(['c.id', 'c.name', 'c.starts_on', 'c.ends_on'])
      .where('c.status', '=', 'active')
      .where((eb) => eb.or([eb('c.region_code', 'in', pathOf(code)), inside.covers('c.region_code')]))
      .orderBy('c.id', 'desc')
      .execute(),

  /** Every household at these places, with its progress in the campaign (nulls: not targeted). */
  households: (
    db: Executor,
    district: string,
    campaignId: string | null,
    places: readonly string[],
  ): Promise<HouseholdVisitRow[]> =>
    db
      .selectFrom('households as h')
      .leftJoin('visit_targets as t', (join) =>
        join
          .onRef('t.household_id', '=', 'h.id')
          .on('t.district_code', '=', district)
          // No campaign: a condition that joins nothing, so every household reads "not targeted".
          .on('t.campaign_id', '=', campaignId ?? ''),
      )
      .select([
        'h.id',
        'h.region_code',
        't.met_count',
        't.attempt_count',
        't.target_visits',
        't.last_visit_at',
      ])
      .where('h.district_code', '=', district)
      .where('h.region_code', 'in', places)
      .orderBy('h.region_code')
      .orderBy('h.id')
      .execute(),
};
