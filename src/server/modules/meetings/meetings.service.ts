import { v7 as uuidv7 } from 'uuid';
import { isMeaningfulText } from '../../../shared/api/common.js';
import type {
  CreateMeetingBody,
  MeetingStatus,
  MeetingType,
  SubmitMeetingBody,
  UpdateMeetingBody,
} from '../../../shared/api/meetings.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { meetingPartiesRepository as parties } from './meeting-parties.repository.js';
import { meetingTasksRepository as tasks } from './meeting-tasks.repository.js';
import { type MeetingRow, meetingsRepository } from './meetings.repository.js';

/** Organizations that hold no party meetings. */
const NO_MEETINGS = new Set(['warm_group', 'volunteer_team']);
/** Statuses in which a meeting may still be changed and submitted. */
const EDITABLE: readonly MeetingStatus[] = ['draft', 'returned'];
const MINUTES_AT_LEAST = 10;

type Member = { id: string; user_id: string | null; name: string };

/** 三会一课: a meeting drafted, corrected and submitted by its organization's secretary. */
export class MeetingsService {
  constructor(private readonly ctx: ServiceContext) {}

  private today(): string {
    return beijingDate(this.ctx.now());
  }

  /** Every field checked against the organization's members; the attendance rows to write. */
  private checkFields(
    input: UpdateMeetingBody,
    members: readonly Member[],
    meetingId: string,
    district: string,
  ) {
    const byId = new Map(members.map((m) => [m.id, m]));
    if (input.heldOn !== undefined && input.heldOn > this.today())
      throw fieldError('heldOn', 'meeting.held_in_future');
    for (const field of ['presenterMemberId', 'recorderMemberId'] as const) {
      const id = input[field];
      if (id !== undefined && !byId.has(id)) throw fieldError(field, 'meeting.not_a_member');
    }
    const marks = new Map<string, { present: boolean; reason: string | null }>();
    input.attendance.forEach((entry, i) => {
      if (!byId.has(entry.memberId)) throw fieldError(`attendance.${i}.memberId`, 'meeting.not_a_member');
      if (marks.has(entry.memberId)) throw fieldError(`attendance.${i}.memberId`, 'meeting.duplicate_member');
      if (!entry.present && !isMeaningfulText(entry.absenceReason))
        throw fieldError(`attendance.${i}.absenceReason`, 'meeting.absence_reason_required');
      marks.set(entry.memberId, {
        present: entry.present,
        reason: entry.present ? null : (entry.absenceReason ?? null),
      });
    });
    return members.map((m) => {
      const mark = marks.get(m.id);
      return {
        meeting_id: meetingId,
        member_id: m.id,
        district_code: district,
        member_name: m.name,
        mark: mark ? (mark.present ? ('present' as const) : ('absent' as const)) : ('expected' as const),
        absence_reason: mark?.reason ?? null,
      };
    });
  }

  private fieldsOf(input: UpdateMeetingBody) {
    return {
      type: input.type,
      topic: input.topic,
      planned_on: input.plannedOn,
      held_on: input.heldOn ?? null,
      duration_minutes: input.durationMinutes ?? null,
      presenter_member_id: input.presenterMemberId ?? null,
      recorder_member_id: input.recorderMemberId ?? null,
      minutes: input.minutes,
    };
  }

  async create(scope: Scope, input: CreateMeetingBody, actor: AuditActor): Promise<string> {
    const { db } = this.ctx.database;
    const org = await parties.organizationInScope(db, scope, input.organizationId);
    if (org?.status !== 'active') throw fieldError('organizationId', 'meeting.unknown_organization');
    if (NO_MEETINGS.has(org.kind)) throw fieldError('organizationId', 'meeting.organization_kind');
    const id = uuidv7();
    const now = this.ctx.now().toISOString();
    await db.transaction().execute(async (trx) => {
      const attendance = this.checkFields(input, await parties.membersOf(trx, org.id), id, org.district_code);
      await meetingsRepository.insert(trx, {
        id,
        district_code: org.district_code,
        region_code: org.region_code,
        organization_id: org.id,
        ...this.fieldsOf(input),
        status: 'draft',
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      });
      await meetingsRepository.replaceAttendance(trx, id, attendance);
      await this.audit(
        trx,
        actor,
        'meeting.created',
        { id, region_code: org.region_code },
        { type: input.type },
      );
    });
    return id;
  }

  /** A draft or returned meeting in scope, read in the change's transaction. */
  private async editable(trx: Executor, scope: Scope, id: string): Promise<MeetingRow> {
    const meeting = await meetingsRepository.findInScope(trx, scope, id);
    if (!meeting) throw notFound('meeting.not_found');
    if (!EDITABLE.includes(meeting.status)) throw conflict('meeting.not_editable');
    return meeting;
  }

  async update(scope: Scope, id: string, input: UpdateMeetingBody, actor: AuditActor): Promise<void> {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const meeting = await this.editable(trx, scope, id);
      const members = await parties.membersOf(trx, meeting.organization_id);
      const attendance = this.checkFields(input, members, id, meeting.district_code);
      const moved = await meetingsRepository.updateFrom(trx, id, EDITABLE, {
        ...this.fieldsOf(input),
        updated_at: this.ctx.now().toISOString(),
      });
      if (!moved) throw conflict('meeting.not_editable');
      await meetingsRepository.replaceAttendance(trx, id, attendance);
      await this.audit(trx, actor, 'meeting.updated', meeting, { type: input.type });
    });
  }

  /**
   * Submits a complete record for review: the date held, duration, presenter, recorder, minutes and
   * every expected member marked. Its decisions become tracked tasks (a resubmission replaces the
   * decisions still open from the last one).
   */
  async submit(scope: Scope, id: string, input: SubmitMeetingBody, actor: AuditActor): Promise<void> {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const meeting = await this.editable(trx, scope, id);
      this.checkComplete(meeting, await meetingsRepository.attendance(trx, id));
      const members = await parties.membersOf(trx, meeting.organization_id);
      const byId = new Map(members.map((m) => [m.id, m]));
      const now = this.ctx.now().toISOString();
      const decisions = input.decisions.map((decision, i) => {
        const owner = decision.ownerMemberId ? byId.get(decision.ownerMemberId) : undefined;
        if (decision.ownerMemberId && !owner)
          throw fieldError(`decisions.${i}.ownerMemberId`, 'meeting.not_a_member');
        if (decision.dueOn < (meeting.held_on ?? ''))
          throw fieldError(`decisions.${i}.dueOn`, 'meeting.due_before_meeting');
        const taskId = uuidv7();
        return {
          id: taskId,
          district_code: meeting.district_code,
          region_code: meeting.region_code,
          organization_id: meeting.organization_id,
          source: 'decision' as const,
          source_key: `decision:${id}:${taskId}`,
          meeting_id: id,
          meeting_type: meeting.type,
          period: null,
          title: decision.text,
          owner_member_id: owner?.id ?? null,
          owner_name: owner?.name ?? null,
          due_on: decision.dueOn,
          status: 'open' as const,
          created_at: now,
        };
      });
      const moved = await meetingsRepository.updateFrom(trx, id, EDITABLE, {
        status: 'submitted',
        submitted_by: actor.id,
        submitted_at: now,
        updated_at: now,
      });
      if (!moved) throw conflict('meeting.not_editable');
      await tasks.dropOpenDecisions(trx, id);
      await tasks.insertNew(trx, decisions);
      await this.audit(trx, actor, 'meeting.submitted', meeting, {
        type: meeting.type,
        heldOn: meeting.held_on,
        decisions: decisions.length,
      });
    });
  }

  private checkComplete(meeting: MeetingRow, attendance: readonly { mark: string }[]): void {
    if (!meeting.held_on) throw fieldError('heldOn', 'meeting.held_required');
    if (meeting.duration_minutes === null) throw fieldError('durationMinutes', 'meeting.duration_required');
    if (!meeting.presenter_member_id) throw fieldError('presenterMemberId', 'meeting.presenter_required');
    if (!meeting.recorder_member_id) throw fieldError('recorderMemberId', 'meeting.recorder_required');
    if (meeting.minutes.trim().length < MINUTES_AT_LEAST)
      throw fieldError('minutes', 'meeting.minutes_required');
    if (attendance.length === 0 || attendance.some((a) => a.mark === 'expected'))
      throw fieldError('attendance', 'meeting.attendance_incomplete');
  }

  private audit(
    trx: Executor,
    actor: AuditActor,
    action: 'meeting.created' | 'meeting.updated' | 'meeting.submitted',
    meeting: { id: string; region_code: string },
    summary: Record<string, unknown>,
  ) {
    return this.ctx.audit.append(trx, actor, {
      action,
      targetType: 'meeting',
      targetId: meeting.id,
      regionCode: meeting.region_code,
      summary,
    });
  }

  list(
    scope: Scope,
    filter: {
      organization?: string | undefined;
      region?: string | undefined;
      type?: MeetingType | undefined;
      status?: MeetingStatus | undefined;
      from?: string | undefined;
      to?: string | undefined;
      after?: string | undefined;
      limit: number;
    },
  ) {
    const within = filter.region ? scope.filteredTo(filter.region) : scope;
    return meetingsRepository.list(this.ctx.database.db, within, filter);
  }

  async counts(meetingIds: readonly string[]) {
    const rows = await meetingsRepository.attendanceCounts(this.ctx.database.db, meetingIds);
    const counts = new Map<string, { present: number; absent: number; expected: number }>();
    for (const row of rows) {
      const entry = counts.get(row.meeting_id) ?? { present: 0, absent: 0, expected: 0 };
      entry[row.mark] += Number(row.count);
      counts.set(row.meeting_id, entry);
    }
    return counts;
  }

  async detail(scope: Scope, id: string) {
    const { db } = this.ctx.database;
    const meeting = await meetingsRepository.findInScope(db, scope, id);
    if (!meeting) throw notFound('meeting.not_found');
    const [attendance, decisions] = await Promise.all([
      meetingsRepository.attendance(db, id),
      tasks.ofMeeting(db, id),
    ]);
    return { meeting, attendance, decisions };
  }
}

export type MeetingDetailView = Awaited<ReturnType<MeetingsService['detail']>>;
