import type { CaseDetail, CaseSummary, Resettlement } from '../../../shared/api/relocation.js';
import type { CaseListRow } from './relocation-cases.repository.js';
import type { CaseDetailView } from './relocation-cases.service.js';
import { nextActions } from './relocation-rules.js';
import type { ResettlementRow } from './resettlements.repository.js';

/** Row → DTO mappers of the relocation API (shapes in src/shared/api/relocation.ts). */

export const toCaseSummary = (c: CaseListRow): CaseSummary => ({
  id: c.id,
  regionCode: c.region_code,
  subject: c.subject,
  subjectId: c.subject_id,
  subjectName: c.subject_name,
  program: c.program,
  landAreaDm2: Number(c.land_area_dm2),
  houseAreaDm2: Number(c.house_area_dm2),
  compensationFen: c.compensation_fen === null ? null : Number(c.compensation_fen),
  status: c.status,
  surveyedOn: c.surveyed_on,
  resettlementId: c.resettlement_id,
  resettlementName: c.resettlement_name,
  unit: c.unit,
  disputes: Number(c.disputes ?? 0),
  updatedAt: c.updated_at,
});

export const toCaseDetail = ({ row, events, disputes }: CaseDetailView): CaseDetail => ({
  ...toCaseSummary(row),
  note: row.note,
  agreedOn: row.agreed_on,
  paidOn: row.paid_on,
  movedOn: row.moved_on,
  resettledOn: row.resettled_on,
  withdrawnOn: row.withdrawn_on,
  nextActions: nextActions(row.status, row.subject),
  events: events.map((e) => ({
    id: e.id,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    onDay: e.on_day,
    note: e.note,
    actorName: e.actor_name,
    at: e.at,
  })),
  disputes: disputes.map((d) => ({
    id: d.id,
    description: d.description,
    workOrderId: d.work_order_id,
    workOrderNumber: d.work_order_number,
    raisedBy: d.raised_by_name,
    createdAt: d.created_at,
  })),
});

export const toResettlement = (r: ResettlementRow): Resettlement => ({
  id: r.id,
  regionCode: r.region_code,
  regionName: r.region_name,
  name: r.name,
  capacityUnits: Number(r.capacity_units),
  occupiedUnits: Number(r.occupied_units),
});
