/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

export interface Open311KeyTable {
  id: string;
  district_code: string;
  region_code: string;
  name: string;
  key_hash: string;
  key_prefix: string;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

/** The tables of this module, by name. */
export interface Open311Tables {
  open311_keys: Open311KeyTable;
}
