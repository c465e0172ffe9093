/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

export interface DeedTable {
  id: string;
  district_code: string;
  region_code: string;
  member_id: string;
  work_order_id: string | null;
  title: string;
  description: string;
  done_on: string;
  created_by: string | null;
  created_at: string;
}

/** The tables of this module, by name. */
export interface DeedsTables {
  deeds: DeedTable;
}
