import type { MeetingDetail, MeetingSummary, MeetingTask } from '../../../shared/api/meetings.js';
import type { MeetingTaskRow } from './meeting-tasks.repository.js';
import type { MeetingRow } from './meetings.repository.js';
import type { MeetingDetailView } from './meetings.service.js';

/** Row → DTO mappers of the meetings API (shapes in src/shared/api/meetings.ts). */

type Counts = { present: number; absent: number; expected: number };

export const toMeetingSummary = (m: MeetingRow, counts: Counts): MeetingSummary => ({
  id: m.id,
  organizationId: m.organization_id,
  organizationName: m.organization_name,
  regionCode: m.region_code,
  type: m.type,
  topic: m.topic,
  status: m.status,
  plannedOn: m.planned_on,
  heldOn: m.held_on,
  durationMinutes: m.duration_minutes === null ? null : Number(m.duration_minutes),
  present: counts.present,
  absent: counts.absent,
  expected: counts.present + counts.absent + counts.expected,
  updatedAt: m.updated_at,
});

export const toMeetingTask = (t: MeetingTaskRow): MeetingTask => ({
  id: t.id,
  organizationId: t.organization_id,
  organizationName: t.organization_name,
  regionCode: t.region_code,
  source: t.source,
  meetingId: t.meeting_id,
  meetingType: t.meeting_type,
  period: t.period,
  title: t.title,
  ownerMemberId: t.owner_member_id,
  ownerName: t.owner_name,
  dueOn: t.due_on,
  status: t.status,
  doneAt: t.done_at,
  createdAt: t.created_at,
});

export function toMeetingDetail(view: MeetingDetailView): MeetingDetail {
  const { meeting, attendance } = view;
  const count = (mark: string) => attendance.filter((a) => a.mark === mark).length;
  const nameOf = (id: string | null) => attendance.find((a) => a.member_id === id)?.member_name ?? null;
  return {
    ...toMeetingSummary(meeting, {
      present: count('present'),
      absent: count('absent'),
      expected: count('expected'),
    }),
    presenterMemberId: meeting.presenter_member_id,
    presenterName: nameOf(meeting.presenter_member_id),
    recorderMemberId: meeting.recorder_member_id,
    recorderName: nameOf(meeting.recorder_member_id),
    minutes: meeting.minutes,
    returnReason: meeting.return_reason,
    submittedAt: meeting.submitted_at,
    reviewedAt: meeting.reviewed_at,
    reviewedBy: meeting.reviewed_by_name,
    attendance: attendance.map((a) => ({
      memberId: a.member_id,
      name: a.member_name,
      mark: a.mark,
      absenceReason: a.absence_reason,
    })),
    decisions: view.decisions.map(toMeetingTask),
  };
}
