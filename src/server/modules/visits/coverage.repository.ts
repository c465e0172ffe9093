import type { Executor } from '../../db/database.js';
import type { CoverageRow } from './campaigns.repository.js';

/**
 * Reads of the coverage counters: a campaign's rows of some regions, and of its visitors. A view
 * reads a region and its children, whatever the number of households below (the bench proves it).
 */
export const coverageRepository = {
  regions: (
    db: Executor,
    district: string,
    campaignId: string,
    codes: readonly string[],
  ): Promise<CoverageRow[]> =>
    codes.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('visit_coverage')
          .selectAll()
          .where('district_code', '=', district)
          .where('campaign_id', '=', campaignId)
          .where('kind', '=', 'region')
          .where('scope_key', 'in', codes)
          .execute(),

  visitors: (db: Executor, district: string, campaignId: string): Promise<CoverageRow[]> =>
    db
      .selectFrom('visit_coverage')
      .selectAll()
      .where('district_code', '=', district)
      .where('campaign_id', '=', campaignId)
      .where('kind', '=', 'visitor')
      .orderBy('scope_key')
      .execute(),
};
