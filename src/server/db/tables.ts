import type { Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types, one interface per table. Timestamps are ISO-8601 UTC strings on both dialects
 * (PostgreSQL stores timestamptz; the pool parses it back to the same string form).
 */
export type RegionKind = 'district' | 'street' | 'town' | 'community' | 'village' | 'grid' | 'building';

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

export interface UserTable {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  status: 'active' | 'disabled';
  /** The region that owns the account; who may manage it is decided by scope over this code. */
  region_code: string;
  district_code: string;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

/** Failed-login counter per username, kept whether or not the user exists (no enumeration). */
export interface LoginThrottleTable {
  username: string;
  failed_count: number;
  locked_until: string | null;
  updated_at: string;
}

export interface RoleAssignmentTable {
  id: string;
  user_id: string;
  role: string;
  region_code: string;
  district_code: string;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a stolen database gives no usable session. */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
}

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
}

/** The newest link of the audit chain; lets `audit verify` notice a deleted last row. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface DB {
  regions: RegionTable;
  users: UserTable;
  login_throttle: LoginThrottleTable;
  role_assignments: RoleAssignmentTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}

export type Region = Selectable<RegionTable>;
export type NewRegion = Insertable<RegionTable>;
export type User = Selectable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type RoleAssignment = Selectable<RoleAssignmentTable>;
export type AuditRow = Selectable<AuditLogTable>;
