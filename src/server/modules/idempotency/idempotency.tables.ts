/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

/** A request that must take effect once: the caller's key, what it asked, what it made (migration 0017). */
export interface IdempotencyKeyTable {
  user_id: string;
  request_key: string;
  operation: string;
  fingerprint: string;
  result_id: string;
  created_at: string;
  expires_at: string;
}

/** The tables of this module, by name. */
export interface IdempotencyTables {
  idempotency_keys: IdempotencyKeyTable;
}
