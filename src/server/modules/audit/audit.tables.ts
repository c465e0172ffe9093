/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

import type { Generated } from '../../db/row-types.js';

/**
 * One audited action. Written with its content and `row_mac`; `prev_hash`, `hash`, `link` and
 * `mac` are filled in by the sealer (audit-sealer.ts) when it links the row into its district's
 * chain. Rows from before migration 0023 (the legacy chain) have `hash` and no `link`.
 */
export interface AuditLogTable {
  /** Handed out by the database as rows are written: their order, not a position in a chain. */
  seq: Generated<number>;
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
  /** The hash of the link before; null until sealed. */
  prev_hash: string | null;
  /** SHA-256 over the link before and every field; null until sealed. */
  hash: string | null;
  /** HMAC of the link with the audit key; null until sealed, and on rows written before migration 0008. */
  mac: string | null;
  /** The row's position in its district's chain (from 1); null until sealed and on legacy rows. */
  link: number | null;
  /** HMAC of the row's content with the audit key, written with the row; null on legacy rows. */
  row_mac: string | null;
}

/** The newest link of the legacy chain (rows before migration 0023); no longer moves. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** The newest link of a district's chain, moved only by the sealer; lets verify notice a cut tail. */
export interface AuditChainHeadTable {
  district_code: string;
  link: number;
  hash: string;
  mac: string | null;
  sealed_at: string;
}

/** The tables of this module, by name. */
export interface AuditTables {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  audit_chain_heads: AuditChainHeadTable;
}
