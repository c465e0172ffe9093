/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

/** A background job's turn across the processes on one database (migration 0028). */
export interface JobLeaseTable {
  job: string;
  holder: string | null;
  held_until: string | null;
  next_run_at: string;
  last_started_at: string | null;
  last_succeeded_at: string | null;
}

/** One fixed window of a rate-limited route's counter, shared by every process (migration 0028). */
export interface RateLimitWindowTable {
  key: string;
  window_started_at: string;
  hits: number;
}

/** The tables of this module, by name. */
export interface ClusterTables {
  job_leases: JobLeaseTable;
  rate_limit_windows: RateLimitWindowTable;
}
