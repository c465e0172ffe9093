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

export interface TagTable {
  code: string;
  name: string;
  sort: number;
  created_at: string;
}

export interface HouseholdTable {
  id: string;
  district_code: string;
  /** The building the household lives in, or its grid when there are no buildings. */
  region_code: string;
  grid_code: string;
  unit: string;
  floor: number | null;
  room: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  head_person_id: string | null;
  overview: string;
  created_at: string;
  updated_at: string;
}

export type PersonStatus = 'active' | 'moved_out' | 'deceased' | 'anonymized';

export interface PersonTable {
  id: string;
  district_code: string;
  region_code: string;
  household_id: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  gender: 'male' | 'female';
  birth_date: string;
  ethnicity: string;
  relation: string;
  id_number_enc: string;
  id_number_bidx: string;
  phone_enc: string | null;
  phone_bidx: string | null;
  phone_last4_bidx: string | null;
  registered_address: string;
  current_address: string;
  note: string;
  status: PersonStatus;
  row_hash: string;
  created_at: string;
  updated_at: string;
}

export interface PersonTagTable {
  person_id: string;
  tag_code: string;
  district_code: string;
}

export interface HealthRecordTable {
  person_id: string;
  district_code: string;
  region_code: string;
  record_enc: string;
  created_at: string;
  updated_at: string;
}

export interface ResidenceMoveTable {
  id: string;
  district_code: string;
  subject_type: 'household' | 'person';
  subject_id: string;
  from_region_code: string;
  to_region_code: string;
  from_household_id: string | null;
  to_household_id: string | null;
  actor_id: string | null;
  at: string;
}

export type ImportJobStatus = 'running' | 'succeeded' | 'rejected' | 'failed';

export interface ImportJobTable {
  id: string;
  district_code: string;
  region_code: string;
  user_id: string;
  kind: string;
  file_name: string;
  skip_invalid: number;
  status: ImportJobStatus;
  progress: number;
  total_rows: number;
  created_rows: number;
  updated_rows: number;
  unchanged_rows: number;
  invalid_rows: number;
  report_file: string | null;
  message: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface DB {
  tags: TagTable;
  households: HouseholdTable;
  persons: PersonTable;
  person_tags: PersonTagTable;
  health_records: HealthRecordTable;
  residence_moves: ResidenceMoveTable;
  import_jobs: ImportJobTable;
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
export type Household = Selectable<HouseholdTable>;
export type Person = Selectable<PersonTable>;
export type ImportJob = Selectable<ImportJobTable>;
