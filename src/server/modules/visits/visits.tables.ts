import type {
  CampaignRule,
  ChangeKind,
  NeedType,
  TimeSlot,
  VisitMethod,
  VisitOutcome,
} from '../../../shared/api/visits.js';

/** Row types of the visits module's tables (migration 0014-visits). Timestamps are ISO strings. */

export interface VisitCampaignTable {
  id: string;
  district_code: string;
  region_code: string;
  name: string;
  starts_on: string;
  ends_on: string;
  halfway_on: string;
  rule: CampaignRule;
  min_visits: number;
  tag_code: string | null;
  status: 'active' | 'closed';
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface VisitTargetTable {
  district_code: string;
  campaign_id: string;
  household_id: string;
  region_code: string;
  visitor_user_id: string | null;
  target_visits: number;
  met_count: number;
  attempt_count: number;
  last_visit_at: string | null;
  last_outcome: VisitOutcome | null;
  revisit_slot: TimeSlot | null;
}

export interface VisitCoverageTable {
  district_code: string;
  campaign_id: string;
  kind: 'region' | 'visitor';
  scope_key: string;
  households: number;
  attempted: number;
  met: number;
  covered: number;
}

export interface VisitTable {
  id: string;
  district_code: string;
  region_code: string;
  household_id: string;
  campaign_id: string | null;
  recorded_by: string;
  companion_user_ids: string;
  idempotency_key: string;
  started_at: string;
  ended_at: string;
  latitude: number | null;
  longitude: number | null;
  method: VisitMethod;
  outcome: VisitOutcome;
  notes: string;
  revisit_slot: TimeSlot | null;
  created_at: string;
}

export interface VisitNeedTable {
  id: string;
  district_code: string;
  region_code: string;
  visit_id: string;
  household_id: string;
  type: NeedType;
  description: string;
  work_order_id: string | null;
  ordered_at: string | null;
  created_at: string;
}

export interface VisitChangeRequestTable {
  id: string;
  district_code: string;
  region_code: string;
  visit_id: string;
  household_id: string;
  person_id: string;
  kind: ChangeKind;
  value: string;
  value_enc: string | null;
  note: string;
  status: 'pending' | 'confirmed' | 'rejected';
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string;
  created_at: string;
}

export interface VisitTables {
  visit_campaigns: VisitCampaignTable;
  visit_targets: VisitTargetTable;
  visit_coverage: VisitCoverageTable;
  visits: VisitTable;
  visit_needs: VisitNeedTable;
  visit_change_requests: VisitChangeRequestTable;
}
