import { type Expression, type Insertable, type Selectable, type SqlBool, sql } from 'kysely';
import { ancestorsOf, districtOf, pathOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { VisitCampaignTable, VisitCoverageTable } from './visits.tables.js';

export type Campaign = Selectable<VisitCampaignTable>;
export type CampaignView = Campaign & {
  region_name: string;
  tag_name: string | null;
  households: number;
  attempted: number;
  met: number;
  covered: number;
};
export type CoverageRow = Selectable<VisitCoverageTable>;

/** How a new campaign's households are first given to visitors. */
export type FirstAssignment = 'grid' | 'care' | 'none';

const viewQuery = (db: Executor) =>
  db
    .selectFrom('visit_campaigns as c')
    .innerJoin('regions as r', 'r.code', 'c.region_code')
    .leftJoin('tags as tg', 'tg.code', 'c.tag_code')
    .leftJoin('visit_coverage as v', (join) =>
      join
        .onRef('v.campaign_id', '=', 'c.id')
        .onRef('v.district_code', '=', 'c.district_code')
        .on('v.kind', '=', 'region')
        .onRef('v.scope_key', '=', 'c.region_code'),
    )
    .selectAll('c')
    .select([
      'r.name as region_name',
      'tg.name as tag_name',
      sql<number>`coalesce(v.households, 0)`.as('households'),
      sql<number>`coalesce(v.attempted, 0)`.as('attempted'),
      sql<number>`coalesce(v.met, 0)`.as('met'),
      sql<number>`coalesce(v.covered, 0)`.as('covered'),
    ]);

const visible = (scope: Scope): Expression<SqlBool> => {
  const above = [...new Set(scope.roots.flatMap(ancestorsOf))];
  return above.length === 0
    ? scope.covers('c.region_code')
    : sql<SqlBool>`(${scope.covers('c.region_code')} or c.region_code in (${sql.join(above)}))`;
};

const toView = (row: CampaignView): CampaignView => ({
  ...row,
  households: Number(row.households),
  attempted: Number(row.attempted),
  met: Number(row.met),
  covered: Number(row.covered),
});

/** Only this file writes visit campaigns, their targets' first rows and their coverage counters. */
export const campaignsRepository = {
  insert: async (db: Executor, row: Insertable<VisitCampaignTable>): Promise<void> => {
    await db.insertInto('visit_campaigns').values(row).execute();
  },

  findInScope: (db: Executor, scope: Scope, id: string): Promise<Campaign | undefined> =>
    db
      .selectFrom('visit_campaigns')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('visit_campaigns.region_code'))
      .executeTakeFirst(),

  /**
   * A campaign the caller may read: inside their scope, or over a region above it (a grid worker
   * sees the community's campaign, which targets their grid among others).
   */
  findVisible: (db: Executor, scope: Scope, id: string): Promise<Campaign | undefined> =>
    db
      .selectFrom('visit_campaigns as c')
      .selectAll()
      .where('c.id', '=', id)
      .where(visible(scope))
      .executeTakeFirst(),

  /** Unscoped: reads a campaign back after a scoped check or a write, or one a visitor was given. */
  findUnscoped: (db: Executor, id: string): Promise<Campaign | undefined> =>
    db.selectFrom('visit_campaigns').selectAll().where('id', '=', id).executeTakeFirst(),

  viewUnscoped: async (db: Executor, id: string): Promise<CampaignView | undefined> => {
    const row = await viewQuery(db).where('c.id', '=', id).executeTakeFirst();
    return row ? toView(row) : undefined;
  },

  /** Newest first (ids are time-ordered uuids); keyset on the id. */
  list: async (
    db: Executor,
    scope: Scope,
    after: string | undefined,
    limit: number,
  ): Promise<CampaignView[]> => {
    let query = viewQuery(db).where(visible(scope));
    if (after !== undefined) query = query.where('c.id', '<', after);
    const rows = await query
      .orderBy('c.id', 'desc')
      .limit(limit + 1)
      .execute();
    return rows.map(toView);
  },

  /** Campaigns that include a household's place, for a visitor deciding where a visit counts. */
  activeCoveringIds: async (db: Executor, householdId: string): Promise<string[]> => {
    const rows = await db
      .selectFrom('visit_targets as t')
      .innerJoin('visit_campaigns as c', 'c.id', 't.campaign_id')
      .select('c.id')
      .where('t.household_id', '=', householdId)
      .where('c.status', '=', 'active')
      .orderBy('c.id', 'desc')
      .execute();
    return rows.map((r) => r.id);
  },

  setStatus: async (db: Executor, id: string, status: Campaign['status'], at: string): Promise<void> => {
    await db.updateTable('visit_campaigns').set({ status, updated_at: at }).where('id', '=', id).execute();
  },

  /**
   * The campaign's households, chosen from the register in one INSERT … SELECT (a campaign over a
   * district targets hundreds of thousands): every household of the region, those with a member
   * carrying the tag, or those a member cares for (党员联户). The first visitor is the grid's grid
   * worker (the earliest account assigned there), the caring member's account, or nobody yet.
   */
  insertTargets: async (
    db: Executor,
    campaign: Campaign,
    region: Scope,
    targetVisits: number,
    by: FirstAssignment,
  ): Promise<void> => {
    const gridWorker = sql<string | null>`(select min(ra.user_id) from role_assignments ra
      where ra.role = 'grid_worker' and ra.region_code = h.grid_code)`;
    const caringMember = sql<string | null>`(select min(m.user_id) from care_pairings cp
      join members m on m.id = cp.member_id where cp.household_id = h.id and m.user_id is not null)`;
    const visitor = by === 'grid' ? gridWorker : by === 'care' ? caringMember : sql<string | null>`null`;
    let households = db
      .selectFrom('households as h')
      .select([
        sql<string>`${campaign.district_code}`.as('district_code'),
        sql<string>`${campaign.id}`.as('campaign_id'),
        'h.id as household_id',
        'h.region_code',
        visitor.as('visitor_user_id'),
        sql<number>`${targetVisits}`.as('target_visits'),
      ])
      .where('h.district_code', '=', campaign.district_code)
      .where(region.covers('h.region_code'));
    if (campaign.rule === 'tagged_monthly' && campaign.tag_code) {
      const tag = campaign.tag_code;
      households = households.where((eb) =>
        eb.exists(
          eb
            .selectFrom('persons as p')
            .innerJoin('person_tags as pt', (join) =>
              join.onRef('pt.person_id', '=', 'p.id').onRef('pt.district_code', '=', 'p.district_code'),
            )
            .select('p.id')
            .whereRef('p.household_id', '=', 'h.id')
            .whereRef('p.district_code', '=', 'h.district_code')
            .where('p.status', '=', 'active')
            .where('pt.tag_code', '=', tag),
        ),
      );
    }
    if (campaign.rule === 'assigned') {
      households = households.where((eb) =>
        eb.exists(
          eb
            .selectFrom('care_pairings as cp')
            .select('cp.household_id')
            .whereRef('cp.household_id', '=', 'h.id')
            .whereRef('cp.district_code', '=', 'h.district_code'),
        ),
      );
    }
    await db
      .insertInto('visit_targets')
      .columns([
        'district_code',
        'campaign_id',
        'household_id',
        'region_code',
        'visitor_user_id',
        'target_visits',
      ])
      .expression(households)
      .execute();
  },

  /**
   * Recounts a campaign's coverage counters from its targets: after it is created, a target is
   * changed or households are reassigned (rare planning steps). Visits bump the counters instead.
   * Grouped by region in SQL, so only one row per building or grid comes back.
   */
  rebuildCoverage: async (db: Executor, campaign: Campaign): Promise<void> => {
    const aggregates = [
      sql<number>`count(*)`.as('households'),
      sql<number>`sum(case when attempt_count > 0 then 1 else 0 end)`.as('attempted'),
      sql<number>`sum(case when met_count > 0 then 1 else 0 end)`.as('met'),
      sql<number>`sum(case when met_count >= target_visits then 1 else 0 end)`.as('covered'),
    ] as const;
    const byRegion = await db
      .selectFrom('visit_targets')
      .select(['region_code', ...aggregates])
      .where('district_code', '=', campaign.district_code)
      .where('campaign_id', '=', campaign.id)
      .groupBy('region_code')
      .execute();
    const byVisitor = await db
      .selectFrom('visit_targets')
      .select(['visitor_user_id', ...aggregates])
      .where('district_code', '=', campaign.district_code)
      .where('campaign_id', '=', campaign.id)
      .where('visitor_user_id', 'is not', null)
      .groupBy('visitor_user_id')
      .execute();
    const sums = new Map<string, Insertable<VisitCoverageTable>>();
    const add = (kind: 'region' | 'visitor', key: string, row: (typeof byRegion)[number]) => {
      const id = `${kind}|${key}`;
      const sum = sums.get(id) ?? {
        district_code: campaign.district_code,
        campaign_id: campaign.id,
        kind,
        scope_key: key,
        households: 0,
        attempted: 0,
        met: 0,
        covered: 0,
      };
      sum.households = Number(sum.households) + Number(row.households);
      sum.attempted = Number(sum.attempted) + Number(row.attempted ?? 0);
      sum.met = Number(sum.met) + Number(row.met ?? 0);
      sum.covered = Number(sum.covered) + Number(row.covered ?? 0);
      sums.set(id, sum);
    };
    for (const row of byRegion) for (const code of pathOf(row.region_code)) add('region', code, row);
    for (const row of byVisitor)
      if (row.visitor_user_id) add('visitor', row.visitor_user_id, { ...row, region_code: '' });
    await db
      .deleteFrom('visit_coverage')
      .where('district_code', '=', campaign.district_code)
      .where('campaign_id', '=', campaign.id)
      .execute();
    const rows = [...sums.values()];
    // The campaign's own region always has a row, so an empty campaign shows 0 of 0.
    if (!sums.has(`region|${campaign.region_code}`)) {
      rows.push({
        district_code: districtOf(campaign.region_code),
        campaign_id: campaign.id,
        kind: 'region',
        scope_key: campaign.region_code,
        households: 0,
        attempted: 0,
        met: 0,
        covered: 0,
      });
    }
    for (let i = 0; i < rows.length; i += 400) {
      await db
        .insertInto('visit_coverage')
        .values(rows.slice(i, i + 400))
        .execute();
    }
  },
};
