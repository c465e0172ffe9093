/** Row types of the volunteering tables (migration 0016); listed in `DB` (db/tables.ts). */

export type VolunteerStatus = 'active' | 'inactive';
export type SignupMode = 'open' | 'approval' | 'qualified';
export type ActivityStatus = 'open' | 'cancelled' | 'done';
export type SignupStatus = 'pending' | 'confirmed' | 'waitlisted' | 'cancelled' | 'rejected';
export type RecordEntryKind = 'training' | 'honour';

export interface VolunteerTable {
  id: string;
  district_code: string;
  region_code: string;
  team_id: string;
  person_id: string;
  member_id: string | null;
  skills: string;
  status: VolunteerStatus;
  joined_on: string;
  created_at: string;
  updated_at: string;
}

export interface VolunteerRecordEntryTable {
  id: string;
  district_code: string;
  volunteer_id: string;
  kind: RecordEntryKind;
  title: string;
  on_date: string;
  created_at: string;
}

export interface VolunteerActivityTable {
  id: string;
  district_code: string;
  region_code: string;
  team_id: string;
  area: string;
  title: string;
  description: string;
  place: string;
  signup_mode: SignupMode;
  cancel_cutoff_hours: number;
  work_order_id: string | null;
  status: ActivityStatus;
  starts_at: string;
  ends_at: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface VolunteerShiftTable {
  id: string;
  district_code: string;
  activity_id: string;
  role: string;
  needed: number;
  skills: string;
  starts_at: string;
  ends_at: string;
}

export interface VolunteerSignupTable {
  id: string;
  district_code: string;
  region_code: string;
  activity_id: string;
  shift_id: string;
  volunteer_id: string;
  status: SignupStatus;
  starts_at: string;
  ends_at: string;
  walk_in: number;
  checked_in_at: string | null;
  checked_out_at: string | null;
  no_show: number;
  minutes: number | null;
  confirmed_at: string | null;
  confirmed_by: string | null;
  rating: number | null;
  remark: string;
  created_at: string;
  updated_at: string;
}

export interface VolunteerCertificateTable {
  id: string;
  district_code: string;
  region_code: string;
  serial: string;
  volunteer_id: string;
  team_id: string;
  minutes: number;
  services: number;
  content: string;
  period_from: string;
  period_to: string;
  issued_on: string;
  issued_by: string | null;
  created_at: string;
}

export interface VolunteeringTables {
  volunteers: VolunteerTable;
  volunteer_record_entries: VolunteerRecordEntryTable;
  volunteer_activities: VolunteerActivityTable;
  volunteer_shifts: VolunteerShiftTable;
  volunteer_signups: VolunteerSignupTable;
  volunteer_certificates: VolunteerCertificateTable;
}
