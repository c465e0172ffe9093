/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

export interface RegionStatsTable {
  region_code: string;
  district_code: string;
  households: number;
  cared_households: number;
  warm_group_households: number;
}

/** The tables of this module, by name. */
export interface StatsTables {
  region_stats: RegionStatsTable;
}
