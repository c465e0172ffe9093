import type { RegionKind } from '../../../shared/organization-rules.js';

/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

/*
 * Table types, one interface per table. Timestamps are ISO-8601 UTC strings on both dialects
 * (PostgreSQL stores timestamptz; the pool parses it back to the same string form).
 */

export interface RegionTable {
  /** Each code extends its parent's code, so the code is the region's materialized path. */
  code: string;
  parent_code: string | null;
  kind: RegionKind;
  name: string;
  depth: number;
  district_code: string;
  /** 'division' for rows from the official division data, 'local' for grids and buildings. */
  source: 'division' | 'local';
  created_at: string;
  updated_at: string;
}

/** The tables of this module, by name. */
export interface RegionsTables {
  regions: RegionTable;
}
