import type { Insertable, Selectable, Updateable } from 'kysely';
import type { OrganizationKind, RegionKind } from '../../shared/organization-rules.js';
import type { Channel, HandlerKind, Satisfaction, WorkOrderStatus } from '../../shared/work-orders.js';
import type { VolunteeringTables } from '../modules/volunteering/volunteering.tables.js';

export type { OrganizationKind, RegionKind };

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
  /** HMAC of the link with the audit key; null only on rows written before migration 0008. */
  mac: string | null;
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

/** non_resident: a minimal record (e.g. a member living outside the district); not in register lists. */
export type PersonStatus = 'active' | 'moved_out' | 'deceased' | 'anonymized' | 'non_resident';

export interface PersonTable {
  id: string;
  district_code: string;
  region_code: string;
  household_id: string | null;
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

export interface EnterpriseTable {
  id: string;
  district_code: string;
  region_code: string;
  name: string;
  credit_code: string;
  address: string;
  created_at: string;
  updated_at: string;
}

export interface OrganizationTable {
  id: string;
  district_code: string;
  region_code: string;
  parent_id: string | null;
  path: string;
  kind: OrganizationKind;
  name: string;
  leader_member_id: string | null;
  anchor_region_code: string | null;
  anchor_enterprise_id: string | null;
  status: 'active' | 'dissolved';
  created_at: string;
  updated_at: string;
}

export interface OrganizationHistoryTable {
  id: string;
  district_code: string;
  organization_id: string;
  change: 'created' | 'moved' | 'renamed' | 'leader_changed' | 'dissolved';
  before: string;
  after: string;
  actor_id: string | null;
  at: string;
}

export type MemberCategory = 'formal' | 'probationary';
export type MemberStatus = 'in_service' | 'retired' | 'mobile' | 'lost_contact';

export interface MemberTable {
  id: string;
  district_code: string;
  region_code: string;
  person_id: string;
  organization_id: string;
  user_id: string | null;
  category: MemberCategory;
  status: MemberStatus;
  joined_on: string;
  post: string;
  created_at: string;
  updated_at: string;
}

export interface MemberHistoryTable {
  id: string;
  district_code: string;
  member_id: string;
  organization_id: string;
  from_at: string;
  to_at: string | null;
  reason: 'joined' | 'transferred' | 'imported';
}

export interface CommunityRegistrationTable {
  id: string;
  district_code: string;
  region_code: string;
  member_id: string;
  service_areas: string;
  commitment: string;
  status: 'pending' | 'confirmed' | 'rejected';
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

export type TransferStatus =
  | 'requested'
  | 'sender_approved'
  | 'letter_issued'
  | 'completed'
  | 'rejected'
  | 'expired';

export interface TransferTable {
  id: string;
  district_code: string;
  region_code: string;
  to_region_code: string;
  member_id: string;
  from_organization_id: string;
  to_organization_id: string;
  dues_paid_until: string;
  letter_valid_days: number;
  status: TransferStatus;
  letter_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TransferEventTable {
  id: string;
  district_code: string;
  transfer_id: string;
  action: string;
  actor_id: string | null;
  note: string;
  at: string;
}

export interface WarmGroupHouseholdTable {
  household_id: string;
  organization_id: string;
  district_code: string;
  region_code: string;
  created_at: string;
}

export interface CarePairingTable {
  household_id: string;
  member_id: string;
  district_code: string;
  region_code: string;
  source: 'warm_group' | 'assigned';
  created_at: string;
  updated_at: string;
}

export interface CommitmentTable {
  id: string;
  district_code: string;
  region_code: string;
  member_id: string;
  year: number;
  content: string;
  progress: number;
  created_at: string;
  updated_at: string;
}

export interface CommitmentUpdateTable {
  id: string;
  district_code: string;
  commitment_id: string;
  note: string;
  progress: number;
  at: string;
}

export type { Satisfaction };

export interface CommitmentRatingTable {
  id: string;
  district_code: string;
  commitment_id: string;
  rating: Satisfaction;
  rater_person_id: string | null;
  at: string;
}

export interface CommendationTable {
  id: string;
  district_code: string;
  region_code: string;
  year: number;
  title: string;
  subject_type: 'member' | 'organization';
  subject_id: string;
  note: string;
  created_at: string;
}

export interface RegionStatsTable {
  region_code: string;
  district_code: string;
  households: number;
  cared_households: number;
  warm_group_households: number;
}

/** Cockpit counters: a region's subtree total of one counter in one period ('' = now). */
export interface RegionRollupTable {
  region_code: string;
  period: string;
  counter: string;
  district_code: string;
  value: number;
}

export interface RollupMarkTable {
  district_code: string;
  audit_seq: number;
  refreshed_at: string;
}

export interface RegionBoundaryTable {
  region_code: string;
  district_code: string;
  parent_code: string | null;
  /** GeoJSON geometry text (Polygon or MultiPolygon). */
  geometry: string;
  source: 'import' | 'demo';
  updated_at: string;
}

export interface ServiceCategoryTable {
  code: string;
  parent_code: string | null;
  name: string;
  name_en: string;
  description: string;
  handler_kind: HandlerKind;
  sign_hours: number;
  resolve_days: number;
  proxy: number;
  /** JSON array of CategoryAttribute. */
  attributes: string;
  keywords: string;
  active: number;
  sort: number;
  created_at: string;
  updated_at: string;
  /** The district whose own category this is; null: shared by the whole installation. */
  district_code: string | null;
}

export interface CalendarDayTable {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  updated_at: string;
}

/** A district's own calendar exception: overlays the shared `calendar_days` for its orders. */
export interface DistrictCalendarDayTable {
  district_code: string;
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  updated_at: string;
}

/** A district switching a shared category off (active 0) or back on (1) for itself. */
export interface DistrictCategorySettingTable {
  district_code: string;
  category_code: string;
  active: number;
  updated_at: string;
}

export interface HotlineTable {
  id: string;
  district_code: string;
  region_code: string;
  number: string;
  name: string;
  active: number;
  created_at: string;
}

export interface ResidentAccountTable {
  id: string;
  district_code: string;
  phone_enc: string;
  phone_bidx: string;
  person_id: string | null;
  created_at: string;
  last_login_at: string | null;
}

export interface ResidentSessionTable {
  id: string;
  resident_id: string;
  created_at: string;
  last_seen_at: string;
}

export interface OtpCodeTable {
  id: string;
  phone_bidx: string;
  code_hash: string;
  attempts: number;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface WorkOrderTable {
  id: string;
  district_code: string;
  number: string;
  region_code: string;
  household_id: string | null;
  person_id: string | null;
  category_code: string;
  description: string;
  /** JSON object of attribute code → value. */
  attributes: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  channel: Channel;
  hotline_id: string | null;
  intake_user_id: string | null;
  resident_id: string | null;
  open311_key_id: string | null;
  contact_name: string;
  contact_phone_enc: string | null;
  contact_phone_bidx: string | null;
  status: WorkOrderStatus;
  return_from_status: WorkOrderStatus | null;
  pending_extension: string | null;
  urgent: number;
  handler_region_code: string;
  dispatcher_region_code: string | null;
  assignee_user_id: string | null;
  assignee_member_id: string | null;
  sign_due_at: string | null;
  due_at: string;
  callback_due_at: string | null;
  overdue: number;
  escalated_region_code: string | null;
  urge_count: number;
  supervised: number;
  reopen_count: number;
  satisfaction: Satisfaction | null;
  resolution: string;
  /**
   * What Open311 publishes as the description: staff's public text, or the resident's words
   * screened for personal data when they opted in; null publishes none (see 0009).
   */
  public_description: string | null;
  signed_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  closed_on_time: number | null;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface WorkOrderEventTable {
  id: string;
  district_code: string;
  work_order_id: string;
  action: string;
  from_status: WorkOrderStatus | null;
  to_status: WorkOrderStatus;
  actor_id: string | null;
  actor_name: string;
  note: string;
  data: string;
  at: string;
}

export interface WorkOrderAttachmentTable {
  id: string;
  district_code: string;
  work_order_id: string;
  event_id: string | null;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  has_thumbnail: number;
  created_by: string | null;
  created_at: string;
}

export interface NotificationTable {
  id: string;
  district_code: string;
  channel: 'sms' | 'inbox';
  recipient_phone_enc: string | null;
  recipient_user_id: string | null;
  template: string;
  params: string;
  work_order_id: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  sent_at: string | null;
  read_at: string | null;
  created_at: string;
}

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

/** The last order number given out per Beijing day (see migration 0006). */
export interface WorkOrderNumberTable {
  day: string;
  last_number: number;
}

export interface DB extends VolunteeringTables {
  service_categories: ServiceCategoryTable;
  calendar_days: CalendarDayTable;
  district_calendar_days: DistrictCalendarDayTable;
  district_category_settings: DistrictCategorySettingTable;
  hotlines: HotlineTable;
  resident_accounts: ResidentAccountTable;
  resident_sessions: ResidentSessionTable;
  otp_codes: OtpCodeTable;
  work_orders: WorkOrderTable;
  work_order_events: WorkOrderEventTable;
  work_order_numbers: WorkOrderNumberTable;
  work_order_attachments: WorkOrderAttachmentTable;
  notifications: NotificationTable;
  deeds: DeedTable;
  open311_keys: Open311KeyTable;
  region_stats: RegionStatsTable;
  region_rollups: RegionRollupTable;
  rollup_marks: RollupMarkTable;
  region_boundaries: RegionBoundaryTable;
  enterprises: EnterpriseTable;
  organizations: OrganizationTable;
  organization_history: OrganizationHistoryTable;
  members: MemberTable;
  member_history: MemberHistoryTable;
  community_registrations: CommunityRegistrationTable;
  transfers: TransferTable;
  transfer_events: TransferEventTable;
  warm_group_households: WarmGroupHouseholdTable;
  care_pairings: CarePairingTable;
  commitments: CommitmentTable;
  commitment_updates: CommitmentUpdateTable;
  commitment_ratings: CommitmentRatingTable;
  commendations: CommendationTable;
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
export type Enterprise = Selectable<EnterpriseTable>;
export type Organization = Selectable<OrganizationTable>;
export type Member = Selectable<MemberTable>;
export type Transfer = Selectable<TransferTable>;
export type ServiceCategory = Selectable<ServiceCategoryTable>;
export type WorkOrder = Selectable<WorkOrderTable>;
export type WorkOrderEvent = Selectable<WorkOrderEventTable>;
export type Hotline = Selectable<HotlineTable>;
export type Notification = Selectable<NotificationTable>;
