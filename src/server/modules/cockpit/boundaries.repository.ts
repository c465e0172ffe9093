import type { Executor } from '../../db/database.js';
import type { RegionBoundaryTable } from '../../db/tables.js';

const CHUNK = 200;

/** Only this file touches `region_boundaries`. */
export const boundariesRepository = {
  /** Outlines of some regions (a city's districts, a scope's roots). */
  ofRegions: (db: Executor, codes: readonly string[]) =>
    codes.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('region_boundaries as b')
          .innerJoin('regions as r', 'r.code', 'b.region_code')
          .select(['b.region_code', 'b.geometry', 'r.name', 'r.kind'])
          .where('b.region_code', 'in', codes)
          .orderBy('b.region_code')
          .execute(),

  /** Outlines of a region's children. */
  childrenOf: (db: Executor, parentCode: string) =>
    db
      .selectFrom('region_boundaries as b')
      .innerJoin('regions as r', 'r.code', 'b.region_code')
      .select(['b.region_code', 'b.geometry', 'r.name', 'r.kind'])
      .where('b.parent_code', '=', parentCode)
      .orderBy('b.region_code')
      .execute(),

  /** Which of these codes are regions, with their parent. */
  regions: async (db: Executor, codes: readonly string[]) => {
    const found = new Map<string, { parentCode: string | null; districtCode: string }>();
    for (let i = 0; i < codes.length; i += 500) {
      const rows = await db
        .selectFrom('regions')
        .select(['code', 'parent_code', 'district_code'])
        .where('code', 'in', codes.slice(i, i + 500))
        .execute();
      for (const row of rows)
        found.set(row.code, { parentCode: row.parent_code, districtCode: row.district_code });
    }
    return found;
  },

  /** A district's regions that the demo outlines: all but those with an imported outline. */
  demoRegionsOf: (db: Executor, district: string) =>
    db
      .selectFrom('regions as r')
      .leftJoin('region_boundaries as b', 'b.region_code', 'r.code')
      .select(['r.code', 'r.parent_code', 'r.kind', 'b.source'])
      .where('r.district_code', '=', district)
      .orderBy('r.code')
      .execute(),

  async upsert(db: Executor, rows: readonly RegionBoundaryTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await db
        .insertInto('region_boundaries')
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc.columns(['district_code', 'region_code']).doUpdateSet((eb) => ({
            geometry: eb.ref('excluded.geometry'),
            source: eb.ref('excluded.source'),
            parent_code: eb.ref('excluded.parent_code'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  },

  async deleteDemoOf(db: Executor, district: string): Promise<void> {
    await db
      .deleteFrom('region_boundaries')
      .where('district_code', '=', district)
      .where('source', '=', 'demo')
      .execute();
  },
};
