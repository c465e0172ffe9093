import { type Selectable, sql } from 'kysely';
import { pathOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { VisitTargetTable } from './visits.tables.js';

export type Target = Selectable<VisitTargetTable>;
export interface TargetView extends Target {
  campaign_name: string;
  address: string;
  head_name: string | null;
  visitor_name: string | null;
  return_due: number;
}

export interface CoverageDelta {
  attempted: number;
  met: number;
  covered: number;
}

export interface TargetFilter {
  campaignId?: string | undefined;
  visitorUserId?: string | undefined;
  state?: 'open' | 'overdue' | 'return_due' | undefined;
  /** Today in Beijing (YYYY-MM-DD): overdue households are those of campaigns past their halfway day. */
  today: string;
}

/**
 * A closed order about a need found at this household, closed after the household's last visit
 * of the campaign: a return visit is due (回访).
 */
const returnDue = sql<number>`case when exists (
  select 1 from visit_needs n join work_orders o on o.id = n.work_order_id
  where n.household_id = t.household_id and o.closed_at is not null
    and (t.last_visit_at is null or o.closed_at > t.last_visit_at)) then 1 else 0 end`;

/** Only this file writes visit targets (progress, visitors, targets) and bumps coverage counters. */
export const targetsRepository = {
  find: (db: Executor, district: string, campaignId: string, householdId: string) =>
    db
      .selectFrom('visit_targets')
      .selectAll()
      .where('district_code', '=', district)
      .where('campaign_id', '=', campaignId)
      .where('household_id', '=', householdId)
      .executeTakeFirst(),

  /** Whether a campaign gave this household to the user (a member's own households, 党员联户). */
  assignedTo: async (db: Executor, userId: string, householdId: string): Promise<boolean> => {
    const row = await db
      .selectFrom('visit_targets as t')
      .innerJoin('visit_campaigns as c', 'c.id', 't.campaign_id')
      .select('t.household_id')
      .where('t.visitor_user_id', '=', userId)
      .where('t.household_id', '=', householdId)
      .where('c.status', '=', 'active')
      .executeTakeFirst();
    return row !== undefined;
  },

  /** After a visit: counts, last outcome and the time-of-day slot of a re-visit. */
  recordProgress: async (
    db: Executor,
    target: Target,
    change: {
      met: boolean;
      at: string;
      outcome: Target['last_outcome'];
      revisitSlot: Target['revisit_slot'];
    },
  ): Promise<void> => {
    const later = target.last_visit_at === null || change.at >= target.last_visit_at;
    await db
      .updateTable('visit_targets')
      .set((eb) => ({
        attempt_count: eb('attempt_count', '+', 1),
        met_count: eb('met_count', '+', change.met ? 1 : 0),
        ...(later
          ? { last_visit_at: change.at, last_outcome: change.outcome, revisit_slot: change.revisitSlot }
          : {}),
      }))
      .where('district_code', '=', target.district_code)
      .where('campaign_id', '=', target.campaign_id)
      .where('household_id', '=', target.household_id)
      .execute();
  },

  /**
   * Adds a visit's effect to the campaign's counters of the household's region and every
   * ancestor, and of its visitor: one statement, rows in a fixed order.
   */
  bumpCoverage: async (db: Executor, target: Target, delta: CoverageDelta): Promise<void> => {
    if (delta.attempted === 0 && delta.met === 0 && delta.covered === 0) return;
    const keys: { kind: 'region' | 'visitor'; key: string }[] = pathOf(target.region_code).map((key) => ({
      kind: 'region',
      key,
    }));
    if (target.visitor_user_id) keys.push({ kind: 'visitor', key: target.visitor_user_id });
    const rows = keys
      .sort((a, b) => (a.kind === b.kind ? a.key.localeCompare(b.key) : a.kind.localeCompare(b.kind)))
      .map(({ kind, key }) => ({
        district_code: target.district_code,
        campaign_id: target.campaign_id,
        kind,
        scope_key: key,
        households: 0,
        ...delta,
      }));
    await db
      .insertInto('visit_coverage')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['district_code', 'campaign_id', 'kind', 'scope_key']).doUpdateSet({
          attempted: sql<number>`visit_coverage.attempted + excluded.attempted`,
          met: sql<number>`visit_coverage.met + excluded.met`,
          covered: sql<number>`visit_coverage.covered + excluded.covered`,
        }),
      )
      .execute();
  },

  /** Gives households of a campaign to a visitor (or to nobody); answers how many were found. */
  assign: async (
    db: Executor,
    district: string,
    campaignId: string,
    householdIds: readonly string[],
    visitorUserId: string | null,
  ): Promise<number> => {
    const result = await db
      .updateTable('visit_targets')
      .set({ visitor_user_id: visitorUserId })
      .where('district_code', '=', district)
      .where('campaign_id', '=', campaignId)
      .where('household_id', 'in', householdIds)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  /** Households of the campaign (in the given scope) among these ids. */
  householdsIn: async (
    db: Executor,
    scope: Scope,
    district: string,
    campaignId: string,
    householdIds: readonly string[],
  ): Promise<string[]> => {
    const rows = await db
      .selectFrom('visit_targets')
      .select('household_id')
      .where('district_code', '=', district)
      .where('campaign_id', '=', campaignId)
      .where('household_id', 'in', householdIds)
      .where(scope.covers('visit_targets.region_code'))
      .execute();
    return rows.map((r) => r.household_id);
  },

  setTarget: async (
    db: Executor,
    district: string,
    campaignId: string,
    targetVisits: number,
    by: { visitorUserId: string } | { region: Scope },
  ): Promise<number> => {
    let query = db
      .updateTable('visit_targets')
      .set({ target_visits: targetVisits })
      .where('district_code', '=', district)
      .where('campaign_id', '=', campaignId);
    query =
      'visitorUserId' in by
        ? query.where('visitor_user_id', '=', by.visitorUserId)
        : query.where(by.region.covers('visit_targets.region_code'));
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  /**
   * Targets in the caller's scope or given to them, keyset-paged by (campaign, household). The
   * filters say which: a campaign's, a visitor's, not yet at target, overdue, return visit due.
   */
  list: async (
    db: Executor,
    who: { scope: Scope } | { visitorUserId: string },
    filter: TargetFilter,
    after: readonly [string, string] | undefined,
    limit: number,
  ): Promise<TargetView[]> => {
    let query = db
      .selectFrom('visit_targets as t')
      .innerJoin('visit_campaigns as c', 'c.id', 't.campaign_id')
      .innerJoin('households as h', 'h.id', 't.household_id')
      .leftJoin('persons as head', 'head.id', 'h.head_person_id')
      .leftJoin('users as u', 'u.id', 't.visitor_user_id')
      .selectAll('t')
      .select([
        'c.name as campaign_name',
        'h.address',
        'head.name as head_name',
        'u.display_name as visitor_name',
        returnDue.as('return_due'),
      ])
      .where('c.status', '=', 'active');
    query =
      'scope' in who
        ? query.where(who.scope.covers('t.region_code', { driveIndex: false }))
        : query.where('t.visitor_user_id', '=', who.visitorUserId);
    if (filter.campaignId) query = query.where('t.campaign_id', '=', filter.campaignId);
    if (filter.visitorUserId) query = query.where('t.visitor_user_id', '=', filter.visitorUserId);
    if (filter.state === 'open' || filter.state === 'overdue')
      query = query.whereRef('t.met_count', '<', 't.target_visits');
    if (filter.state === 'overdue') query = query.where('c.halfway_on', '<', filter.today);
    if (filter.state === 'return_due') query = query.where(returnDue, '=', 1);
    if (after) {
      const [campaign, household] = after;
      query = query.where((eb) =>
        eb.or([
          eb('t.campaign_id', '<', campaign),
          eb.and([eb('t.campaign_id', '=', campaign), eb('t.household_id', '>', household)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('t.campaign_id', 'desc')
      .orderBy('t.household_id')
      .limit(limit + 1)
      .execute();
    return rows.map((row) => ({ ...row, return_due: Number(row.return_due) }));
  },
};
