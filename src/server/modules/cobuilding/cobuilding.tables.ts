import type {
  BookingStatus,
  ProjectStatus,
  TaskForceKind,
  UnitKind,
} from '../../../shared/api/cobuilding.js';

/** Row types of the co-building tables (migration 0037). Timestamps are ISO strings. */

export interface ProjectTable {
  id: string;
  district_code: string;
  region_code: string;
  name: string;
  site: string;
  started_on: string;
  status: ProjectStatus;
  note: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProjectEnterpriseTable {
  project_id: string;
  enterprise_id: string;
  district_code: string;
  region_code: string;
  covering_organization_id: string | null;
  follow_up_order_id: string | null;
  follow_up_order_number: string | null;
  created_at: string;
}

export interface ProjectOrganizationTable {
  project_id: string;
  organization_id: string;
  district_code: string;
  region_code: string;
  created_at: string;
}

export interface CobuildingUnitTable {
  id: string;
  district_code: string;
  region_code: string;
  name: string;
  kind: UnitKind;
  address: string;
  contact: string;
  reported_members: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CobuildingUnitMemberTable {
  unit_id: string;
  member_id: string;
  district_code: string;
  region_code: string;
  created_at: string;
}

export interface CobuildingActivityTable {
  id: string;
  district_code: string;
  region_code: string;
  unit_id: string;
  area: string;
  title: string;
  held_on: string;
  participants: number;
  volunteer_activity_id: string | null;
  note: string;
  created_by: string | null;
  created_at: string;
}

export interface CobuildingVenueTable {
  id: string;
  district_code: string;
  region_code: string;
  unit_id: string;
  name: string;
  address: string;
  capacity: number;
  opens_at: string;
  closes_at: string;
  created_at: string;
  updated_at: string;
}

export interface VenueBookingTable {
  id: string;
  district_code: string;
  region_code: string;
  venue_id: string;
  starts_at: string;
  ends_at: string;
  purpose: string;
  attendees: number;
  status: BookingStatus;
  booked_by: string | null;
  booked_by_name: string | null;
  cancel_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface TaskForceTable {
  id: string;
  district_code: string;
  region_code: string;
  name: string;
  kind: TaskForceKind;
  purpose: string;
  starts_on: string;
  ends_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TaskForceSecondmentTable {
  id: string;
  district_code: string;
  region_code: string;
  task_force_id: string;
  member_id: string;
  home_organization_id: string;
  role: string;
  from_on: string;
  to_on: string | null;
  created_at: string;
}

export interface TaskForceResultTable {
  id: string;
  district_code: string;
  region_code: string;
  task_force_id: string;
  on_day: string;
  text: string;
  figures: string;
  created_by: string | null;
  created_at: string;
}

export interface CobuildingTables {
  projects: ProjectTable;
  project_enterprises: ProjectEnterpriseTable;
  project_organizations: ProjectOrganizationTable;
  cobuilding_units: CobuildingUnitTable;
  cobuilding_unit_members: CobuildingUnitMemberTable;
  cobuilding_activities: CobuildingActivityTable;
  cobuilding_venues: CobuildingVenueTable;
  venue_bookings: VenueBookingTable;
  task_forces: TaskForceTable;
  task_force_secondments: TaskForceSecondmentTable;
  task_force_results: TaskForceResultTable;
}
