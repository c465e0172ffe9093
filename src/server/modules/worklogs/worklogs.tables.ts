import type { ContactWay, WorkLogKind } from '../../../shared/api/worklogs.js';

/** Row types of the work logs' and contact points' tables (migration 0034). Timestamps are ISO strings. */

export interface WorkLogTable {
  id: string;
  district_code: string;
  region_code: string;
  organization_id: string;
  author_id: string;
  author_name: string;
  logged_on: string;
  kind: WorkLogKind;
  content: string;
  work_order_id: string | null;
  visit_id: string | null;
  volunteer_activity_id: string | null;
  void_reason: string | null;
  voided_by: string | null;
  voided_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactPointTable {
  id: string;
  district_code: string;
  region_code: string;
  organization_id: string;
  leader_user_id: string;
  leader_name: string;
  start_on: string;
  end_on: string | null;
  assigned_by: string | null;
  ended_by: string | null;
  created_at: string;
}

export interface ContactRecordTable {
  id: string;
  contact_point_id: string;
  district_code: string;
  region_code: string;
  contacted_on: string;
  way: ContactWay;
  findings: string;
  outcome: string;
  recorded_by: string;
  created_at: string;
}

export interface WorklogsTables {
  work_logs: WorkLogTable;
  contact_points: ContactPointTable;
  contact_records: ContactRecordTable;
}
