import type {
  RelocationAction,
  RelocationProgram,
  RelocationStatus,
  RelocationSubject,
} from '../../../shared/api/relocation.js';

/** Row types of the relocation tables (migration 0031). Timestamps are ISO strings. */

export interface ResettlementCommunityTable {
  id: string;
  district_code: string;
  region_code: string;
  name: string;
  capacity_units: number;
  occupied_units: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface RelocationCaseTable {
  id: string;
  district_code: string;
  region_code: string;
  subject: RelocationSubject;
  subject_id: string;
  subject_name: string;
  program: RelocationProgram;
  land_area_dm2: number;
  house_area_dm2: number;
  compensation_fen: number | null;
  status: RelocationStatus;
  surveyed_on: string;
  agreed_on: string | null;
  paid_on: string | null;
  moved_on: string | null;
  resettled_on: string | null;
  withdrawn_on: string | null;
  resettlement_id: string | null;
  unit: string | null;
  note: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface RelocationEventTable {
  id: string;
  district_code: string;
  case_id: string;
  action: 'survey' | RelocationAction;
  from_status: RelocationStatus | null;
  to_status: RelocationStatus;
  on_day: string;
  note: string;
  actor_id: string | null;
  actor_name: string | null;
  at: string;
}

export interface RelocationDisputeTable {
  id: string;
  district_code: string;
  case_id: string;
  description: string;
  work_order_id: string;
  work_order_number: string;
  raised_by: string | null;
  raised_by_name: string | null;
  created_at: string;
}

export interface RelocationTables {
  resettlement_communities: ResettlementCommunityTable;
  relocation_cases: RelocationCaseTable;
  relocation_events: RelocationEventTable;
  relocation_disputes: RelocationDisputeTable;
}
