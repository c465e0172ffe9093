/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

/** Cockpit counters: a region's subtree total of one counter in one period ('' = now). */
export interface RegionRollupTable {
  region_code: string;
  period: string;
  counter: string;
  district_code: string;
  value: number;
}

export interface RollupMarkTable {
  district_code: string;
  audit_seq: number;
  refreshed_at: string;
}

export interface RegionBoundaryTable {
  region_code: string;
  district_code: string;
  parent_code: string | null;
  /** GeoJSON geometry text (Polygon or MultiPolygon). */
  geometry: string;
  source: 'import' | 'demo';
  updated_at: string;
}

/** The tables of this module, by name. */
export interface CockpitTables {
  region_rollups: RegionRollupTable;
  rollup_marks: RollupMarkTable;
  region_boundaries: RegionBoundaryTable;
}
