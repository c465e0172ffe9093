import type { Campaign, ChangeRequest, Visit, VisitTarget } from '../../../shared/api/visits.js';
import type { CampaignView } from './campaigns.repository.js';
import type { ChangeRequestView } from './change-requests.repository.js';
import type { TargetView } from './targets.repository.js';
import type { VisitView } from './visits.repository.js';

/** Row → DTO mappers of the visits API (the shapes are in src/shared/api/visits.ts). */

const parseIds = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

export const toCampaignDto = (row: CampaignView): Campaign => ({
  id: row.id,
  name: row.name,
  regionCode: row.region_code,
  regionName: row.region_name,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  rule: row.rule,
  minVisits: row.min_visits,
  tag: row.tag_name,
  status: row.status,
  households: row.households,
  met: row.met,
  attempted: row.attempted,
  covered: row.covered,
  createdAt: row.created_at,
});

export const toVisitDto = (row: VisitView): Visit => ({
  id: row.id,
  idempotencyKey: row.idempotency_key,
  householdId: row.household_id,
  campaignId: row.campaign_id,
  regionCode: row.region_code,
  recordedBy: row.recorded_by,
  recorderName: row.recorder_name,
  companionUserIds: parseIds(row.companion_user_ids),
  startedAt: row.started_at,
  endedAt: row.ended_at,
  latitude: row.latitude,
  longitude: row.longitude,
  method: row.method,
  outcome: row.outcome,
  notes: row.notes,
  revisitSlot: row.revisit_slot,
  needs: row.needs.map((n) => ({
    id: n.id,
    type: n.type,
    description: n.description,
    workOrderId: n.work_order_id,
    workOrderNumber: n.work_order_number,
    workOrderStatus: n.work_order_status,
  })),
  createdAt: row.created_at,
});

export const toTargetDto = (row: TargetView): VisitTarget => ({
  campaignId: row.campaign_id,
  campaignName: row.campaign_name,
  householdId: row.household_id,
  regionCode: row.region_code,
  address: row.address,
  headName: row.head_name ?? '',
  visitorUserId: row.visitor_user_id,
  visitorName: row.visitor_name,
  targetVisits: row.target_visits,
  metCount: row.met_count,
  attemptCount: row.attempt_count,
  lastVisitAt: row.last_visit_at,
  lastOutcome: row.last_outcome,
  revisitSlot: row.revisit_slot,
  returnVisitDue: row.return_due === 1,
});

export const toChangeRequestDto = (row: ChangeRequestView, shownValue: string): ChangeRequest => ({
  id: row.id,
  visitId: row.visit_id,
  householdId: row.household_id,
  personId: row.person_id,
  personName: row.person_name,
  regionCode: row.region_code,
  kind: row.kind,
  value: shownValue,
  note: row.note,
  status: row.status,
  decisionNote: row.decision_note,
  createdAt: row.created_at,
  decidedAt: row.decided_at,
});
