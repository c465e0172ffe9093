/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

import type { Generated } from '../../db/row-types.js';

/** Cockpit counters: a region's subtree total of one counter in one period ('' = now). */
export interface RegionRollupTable {
  region_code: string;
  period: string;
  counter: string;
  district_code: string;
  value: number;
}

/**
 * What one change adds to a counter of a region (and, in rows of their own, of each ancestor):
 * inserted in the change's transaction, folded into region_rollups by the background folder.
 */
export interface RegionRollupDeltaTable {
  id: Generated<number>;
  district_code: string;
  region_code: string;
  period: string;
  counter: string;
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
  region_rollup_deltas: RegionRollupDeltaTable;
  rollup_marks: RollupMarkTable;
  region_boundaries: RegionBoundaryTable;
}
