import { sql } from 'kysely';
import { districtOf, pathOf, REGION_CODE_LENGTHS } from '../../../shared/region-code.js';
import type { Executor } from '../../db/database.js';
import type { RegionStat, StatDeltas } from './region-stats.js';

// Only this file touches `region_stats`; the levels and ancestors are plain code in region-stats.ts.

/**
 * Adds deltas to a region's counters and to all its ancestors', in the caller's transaction.
 * Many changes at once (an import) are summed per region first by the caller.
 */
export async function bumpRegionStats(db: Executor, regionCode: string, deltas: StatDeltas): Promise<void> {
  const entries = Object.entries(deltas).filter(([, value]) => value !== 0) as [RegionStat, number][];
  if (entries.length === 0) return;
  for (const code of pathOf(regionCode)) {
    const initial = {
      households: 0,
      cared_households: 0,
      warm_group_households: 0,
      ...Object.fromEntries(entries),
    };
    await db
      .insertInto('region_stats')
      .values({ region_code: code, district_code: districtOf(code), ...initial })
      .onConflict((oc) =>
        oc
          .columns(['district_code', 'region_code'])
          .doUpdateSet(
            Object.fromEntries(
              entries.map(([column, value]) => [column, sql`region_stats.${sql.ref(column)} + ${value}`]),
            ),
          ),
      )
      .execute();
  }
}

export async function regionStats(db: Executor, regionCode: string) {
  const row = await db
    .selectFrom('region_stats')
    .selectAll()
    .where('region_code', '=', regionCode)
    .executeTakeFirst();
  return {
    households: Number(row?.households ?? 0),
    caredHouseholds: Number(row?.cared_households ?? 0),
    warmGroupHouseholds: Number(row?.warm_group_households ?? 0),
  };
}

/**
 * Recomputes every counter from the raw tables with one aggregation per level (`lianxin rollups
 * rebuild`, and the test that the counters kept by events agree with a plain aggregation).
 */
export async function rebuildRegionStats(db: Executor): Promise<number> {
  await db.deleteFrom('region_stats').execute();
  let written = 0;
  for (const length of REGION_CODE_LENGTHS) {
    const prefix = sql<string>`substr(h.region_code, 1, ${sql.lit(length)})`;
    const rows = await db
      .selectFrom('households as h')
      // Joined on district_code too: on Citus an outer join must be on the distribution column.
      .leftJoin('care_pairings as cp', (join) =>
        join.onRef('cp.district_code', '=', 'h.district_code').onRef('cp.household_id', '=', 'h.id'),
      )
      .leftJoin('warm_group_households as wg', (join) =>
        join.onRef('wg.district_code', '=', 'h.district_code').onRef('wg.household_id', '=', 'h.id'),
      )
      .select((eb) => [
        prefix.as('code'),
        eb.fn.countAll<number>().as('households'),
        eb.fn.count<number>('cp.household_id').as('cared'),
        eb.fn.count<number>('wg.household_id').as('grouped'),
      ])
      .where(sql<boolean>`length(h.region_code) >= ${sql.lit(length)}`)
      .groupBy(prefix)
      .execute();
    const values = rows.map((r) => ({
      region_code: r.code,
      district_code: districtOf(r.code),
      households: Number(r.households),
      cared_households: Number(r.cared),
      warm_group_households: Number(r.grouped),
    }));
    for (let i = 0; i < values.length; i += 500)
      await db
        .insertInto('region_stats')
        .values(values.slice(i, i + 500))
        .execute();
    written += values.length;
  }
  return written;
}

/** The counters of several regions at once (one query): the annual review's coverage KPIs. */
export async function regionStatsOf(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return new Map<string, { households: number; caredHouseholds: number }>();
  const rows = await db.selectFrom('region_stats').selectAll().where('region_code', 'in', codes).execute();
  return new Map(
    rows.map((row) => [
      row.region_code,
      { households: Number(row.households), caredHouseholds: Number(row.cared_households) },
    ]),
  );
}
