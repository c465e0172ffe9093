/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

/** Failed-login counter per username, kept whether or not the user exists (no enumeration). */
export interface LoginThrottleTable {
  username: string;
  failed_count: number;
  locked_until: string | null;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a stolen database gives no usable session. */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
}

/** The tables of this module, by name. */
export interface AuthTables {
  login_throttle: LoginThrottleTable;
  sessions: SessionTable;
}
