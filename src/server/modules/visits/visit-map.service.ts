import type { VisitMap, VisitMapState } from '../../../shared/api/visit-map.js';
import { districtOf } from '../../../shared/region-code.js';
import { Scope } from '../../auth/scope.js';
import { fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { visitLookups } from './visit-lookups.repository.js';
import { type HouseholdVisitRow, visitMapRepository } from './visit-map.repository.js';

const stateOf = (row: HouseholdVisitRow): VisitMapState => {
  if (row.target_visits === null) return 'not_targeted';
  if (Number(row.met_count) > 0) return 'met';
  return Number(row.attempt_count) > 0 ? 'attempted' : 'not_visited';
};

/**
 * The grid's map by visit state (issue 13: "households not yet visited in red"): every household
 * of a grid or building with how far the chosen campaign got there, counted per state.
 */
export class VisitMapService {
  constructor(private readonly ctx: ServiceContext) {}

  async map(scope: Scope, code: string, campaignId: string | undefined): Promise<VisitMap> {
    const { db, dialect } = this.ctx.database;
    const region = await visitLookups.regionInScope(db, scope, code);
    if (!region) throw notFound('region.not_found', { code });
    // A grid or a building: a community's map would be every household of it, not a map.
    if (region.kind !== 'grid' && region.kind !== 'building') {
      throw fieldError('params.code', 'visit.map_grid_only');
    }
    const campaigns = await visitMapRepository.activeCampaignsAround(
      db,
      region.code,
      new Scope([region.code], dialect),
    );
    const chosen = campaignId === undefined ? campaigns[0] : campaigns.find((c) => c.id === campaignId);
    if (campaignId !== undefined && !chosen) throw notFound('visit.campaign_not_found');
    const places =
      region.kind === 'grid'
        ? [region.code, ...(await visitMapRepository.buildingsOf(db, region.code))]
        : [region.code];
    const rows = await visitMapRepository.households(db, districtOf(region.code), chosen?.id ?? null, places);
    const households = rows.map((row) => ({
      id: row.id,
      regionCode: row.region_code,
      state: stateOf(row),
      metCount: Number(row.met_count ?? 0),
      attemptCount: Number(row.attempt_count ?? 0),
      targetVisits: row.target_visits === null ? null : Number(row.target_visits),
      lastVisitAt: row.last_visit_at,
    }));
    const count = (state: VisitMapState) => households.filter((h) => h.state === state).length;
    return {
      regionCode: region.code,
      campaigns: campaigns.map((c) => ({ id: c.id, name: c.name, startsOn: c.starts_on, endsOn: c.ends_on })),
      campaignId: chosen?.id ?? null,
      counts: {
        met: count('met'),
        attempted: count('attempted'),
        notVisited: count('not_visited'),
        notTargeted: count('not_targeted'),
      },
      households,
    };
  }
}
