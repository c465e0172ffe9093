import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { VisitTable } from './visits.tables.js';

/** Bulk writes for the demo's visit history (no counters: the demo recounts everything after). */
export const demoVisitsRepository = {
  communities: (db: Executor, district: string) =>
    db
      .selectFrom('regions')
      .select('code')
      .where('kind', 'in', ['community', 'village'])
      .where('code', 'like', `${district}%`)
      .orderBy('code')
      .execute(),

  /** A staff account of the district to record the demo's visits under: a grid worker if any. */
  recorder: async (db: Executor, district: string): Promise<string | undefined> => {
    const rows = await db
      .selectFrom('role_assignments')
      .select(['user_id', 'role'])
      .where('region_code', 'like', `${district}%`)
      .where('role', 'in', ['grid_worker', 'secretary', 'district_admin'])
      .orderBy('role', 'desc')
      .orderBy('user_id')
      .execute();
    return rows[0]?.user_id;
  },

  targetsOf: (db: Executor, campaignId: string) =>
    db
      .selectFrom('visit_targets')
      .select(['household_id', 'region_code', 'district_code'])
      .where('campaign_id', '=', campaignId)
      .orderBy('household_id')
      .execute(),

  insertVisits: async (db: Executor, rows: readonly Insertable<VisitTable>[]): Promise<void> => {
    for (let i = 0; i < rows.length; i += 400)
      await db
        .insertInto('visits')
        .values(rows.slice(i, i + 400))
        .execute();
  },

  /** Each target's counts and last visit, from the campaign's visits just written. */
  countTargets: async (db: Executor, campaignId: string): Promise<void> => {
    const visits = await db
      .selectFrom('visits')
      .select(['household_id', 'outcome', 'started_at', 'revisit_slot'])
      .where('campaign_id', '=', campaignId)
      .orderBy('started_at')
      .execute();
    const byHousehold = new Map<string, typeof visits>();
    for (const v of visits) byHousehold.set(v.household_id, [...(byHousehold.get(v.household_id) ?? []), v]);
    for (const [householdId, list] of byHousehold) {
      const last = list.at(-1)!;
      await db
        .updateTable('visit_targets')
        .set({
          attempt_count: list.length,
          met_count: list.filter((v) => v.outcome === 'met').length,
          last_visit_at: last.started_at,
          last_outcome: last.outcome,
          revisit_slot: last.revisit_slot,
        })
        .where('campaign_id', '=', campaignId)
        .where('household_id', '=', householdId)
        .execute();
    }
  },
};
