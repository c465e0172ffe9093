/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** The region the target belongs to: auditors see the rows of their scope. */
  region_code: string;
  district_code: string;
  /** JSON text: a before/after summary without secrets. */
  summary: string;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
  /** HMAC of the link with the audit key; null only on rows written before migration 0008. */
  mac: string | null;
}

/** The newest link of the audit chain; lets `audit verify` notice a deleted last row. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** The tables of this module, by name. */
export interface AuditTables {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
