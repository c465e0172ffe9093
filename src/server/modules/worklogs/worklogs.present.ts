import type {
  ContactPoint,
  ContactPointDetail,
  ContactRecord,
  WorkLog,
} from '../../../shared/api/worklogs.js';
import type { ContactRecordRow } from './contact-points.repository.js';
import type { ContactPointView } from './contact-points.service.js';
import type { WorkLogRow } from './worklogs.repository.js';
import { editableUntil } from './worklogs.service.js';

/** Row → DTO mappers of the work logs and contact points API (shapes in src/shared/api/worklogs.ts). */

/** `userId` and `today` (Beijing): whether the caller may still correct the log. */
export const toWorkLog = (row: WorkLogRow, userId: string, today: string): WorkLog => ({
  id: row.id,
  organizationId: row.organization_id,
  organizationName: row.organization_name,
  regionCode: row.region_code,
  authorId: row.author_id,
  authorName: row.author_name,
  loggedOn: row.logged_on,
  kind: row.kind,
  content: row.content,
  workOrderId: row.work_order_id,
  visitId: row.visit_id,
  volunteerActivityId: row.volunteer_activity_id,
  voided: row.voided_at !== null,
  voidReason: row.void_reason,
  editable: row.author_id === userId && row.voided_at === null && today <= editableUntil(row.created_at),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const toContactPoint = (view: ContactPointView): ContactPoint => ({
  id: view.row.id,
  organizationId: view.row.organization_id,
  organizationName: view.row.organization_name,
  regionCode: view.row.region_code,
  leaderUserId: view.row.leader_user_id,
  leaderName: view.row.leader_name,
  startOn: view.row.start_on,
  endOn: view.row.end_on,
  records: view.records,
  lastContactOn: view.lastContactOn,
  overdue: view.overdue,
});

const toContactRecord = (row: ContactRecordRow): ContactRecord => ({
  id: row.id,
  contactedOn: row.contacted_on,
  way: row.way,
  findings: row.findings,
  outcome: row.outcome,
  createdAt: row.created_at,
});

export const toContactPointDetail = (detail: {
  view: ContactPointView;
  records: readonly ContactRecordRow[];
}): ContactPointDetail => ({
  ...toContactPoint(detail.view),
  contactRecords: detail.records.map(toContactRecord),
});
