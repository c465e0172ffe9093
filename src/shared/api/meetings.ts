import { z } from 'zod';
import { auditReasonSchema, cursorParam, limitSchema, optionalParam, regionCodeSchema } from './common.js';

/**
 * 三会一课 and the other meetings of an organization (issue 14): request and response shapes shared
 * by the server's routes and the web. Dates are Beijing calendar dates (YYYY-MM-DD); a quarter is
 * `YYYY-Qn`, a month `YYYY-MM`.
 */

/** 党员大会, 支委会, 党小组会, 党课, 主题党日, the weekly 例会. */
export const MEETING_TYPES = [
  'general_assembly',
  'committee',
  'group',
  'lecture',
  'theme_day',
  'weekly',
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** draft → submitted → approved, or returned (with a reason) → submitted again. */
export const MEETING_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** A member expected at a meeting is present, absent (with a reason) or not yet marked. */
export const ATTENDANCE_MARKS = ['expected', 'present', 'absent'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

/** How often a rule asks for a meeting of its type; `none` switches the type's rule off. */
export const MEETING_FREQUENCIES = ['monthly', 'quarterly', 'none'] as const;
export type MeetingFrequency = (typeof MEETING_FREQUENCIES)[number];

/** The organization kinds a rule may apply to (party organizations; not warm groups or teams). */
export const MEETING_ORG_KINDS = [
  'committee',
  'general_branch',
  'branch',
  'corridor_branch',
  'group',
] as const;
export type MeetingOrgKind = (typeof MEETING_ORG_KINDS)[number];

export const MEETING_TASK_SOURCES = ['missed_meeting', 'decision'] as const;
export type MeetingTaskSource = (typeof MEETING_TASK_SOURCES)[number];
export const MEETING_TASK_STATUSES = ['open', 'done'] as const;
export type MeetingTaskStatus = (typeof MEETING_TASK_STATUSES)[number];

const uuid = z.string({ error: 'field.required' }).uuid('field.invalid');
const dateSchema = z.iso.date({ error: 'meeting.date_format' });
const quarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, 'meeting.quarter_format');

export const attendanceEntry = z
  .object({
    memberId: uuid,
    present: z.boolean({ error: 'field.invalid_value' }),
    /** Why an absent member stayed away (病假, 出差, …): required when `present` is false. */
    absenceReason: z.string().trim().max(200, 'field.too_long').optional(),
  })
  .strict();

/** A meeting as drafted or corrected: everything but the decisions, which come with the submission. */
export const meetingFields = {
  type: z.enum(MEETING_TYPES, { error: 'field.invalid_value' }),
  topic: z
    .string({ error: 'meeting.topic_required' })
    .trim()
    .min(2, 'meeting.topic_required')
    .max(200, 'field.too_long'),
  plannedOn: dateSchema,
  heldOn: optionalParam(dateSchema),
  durationMinutes: optionalParam(
    z
      .number({ error: 'meeting.duration' })
      .int('meeting.duration')
      .min(10, 'meeting.duration')
      .max(720, 'meeting.duration'),
  ),
  presenterMemberId: optionalParam(uuid),
  recorderMemberId: optionalParam(uuid),
  minutes: z.string().trim().max(20_000, 'field.too_long').default(''),
  /** Marks for some or all of the organization's members; the others stay "expected". */
  attendance: z.array(attendanceEntry).max(2000, 'field.too_long').default([]),
};

export const createMeetingBody = z.object({ organizationId: uuid, ...meetingFields }).strict();
export type CreateMeetingBody = z.output<typeof createMeetingBody>;
export const updateMeetingBody = z.object(meetingFields).strict();
export type UpdateMeetingBody = z.output<typeof updateMeetingBody>;

/** A decision of the meeting: it becomes a tracked task with its owner and due date. */
export const decisionEntry = z
  .object({
    text: z
      .string({ error: 'meeting.decision_required' })
      .trim()
      .min(2, 'meeting.decision_required')
      .max(500, 'field.too_long'),
    ownerMemberId: optionalParam(uuid),
    dueOn: dateSchema,
  })
  .strict();
export const submitMeetingBody = z
  .object({ decisions: z.array(decisionEntry).max(50, 'field.too_long').default([]) })
  .strict();
export type SubmitMeetingBody = z.output<typeof submitMeetingBody>;

export const returnMeetingBody = z.object({ reason: auditReasonSchema }).strict();

export const meetingSummarySchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  regionCode: z.string(),
  type: z.enum(MEETING_TYPES),
  topic: z.string(),
  status: z.enum(MEETING_STATUSES),
  plannedOn: z.string(),
  heldOn: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  present: z.number().int(),
  absent: z.number().int(),
  expected: z.number().int(),
  updatedAt: z.string(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;
export const meetingPageSchema = z.object({
  items: z.array(meetingSummarySchema),
  nextCursor: z.string().nullable(),
});

export const attendanceSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  mark: z.enum(ATTENDANCE_MARKS),
  absenceReason: z.string().nullable(),
});
export const meetingTaskSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  regionCode: z.string(),
  source: z.enum(MEETING_TASK_SOURCES),
  meetingId: z.string().nullable(),
  meetingType: z.enum(MEETING_TYPES).nullable(),
  /** The month or quarter a missed meeting belonged to. */
  period: z.string().nullable(),
  title: z.string(),
  ownerMemberId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string(),
  status: z.enum(MEETING_TASK_STATUSES),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
});
export type MeetingTask = z.infer<typeof meetingTaskSchema>;
export const meetingTaskPageSchema = z.object({
  items: z.array(meetingTaskSchema),
  nextCursor: z.string().nullable(),
});

export const meetingDetailSchema = meetingSummarySchema.extend({
  presenterMemberId: z.string().nullable(),
  presenterName: z.string().nullable(),
  recorderMemberId: z.string().nullable(),
  recorderName: z.string().nullable(),
  minutes: z.string(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  attendance: z.array(attendanceSchema),
  decisions: z.array(meetingTaskSchema),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const meetingListQuery = z.object({
  cursor: cursorParam,
  limit: limitSchema,
  organization: optionalParam(uuid),
  region: optionalParam(regionCodeSchema),
  type: optionalParam(z.enum(MEETING_TYPES, { error: 'field.invalid_value' })),
  status: optionalParam(z.enum(MEETING_STATUSES, { error: 'field.invalid_value' })),
  /** Planned on or after / on or before (Beijing dates). */
  from: optionalParam(dateSchema),
  to: optionalParam(dateSchema),
});

export const meetingTaskListQuery = z.object({
  cursor: cursorParam,
  limit: limitSchema,
  organization: optionalParam(uuid),
  region: optionalParam(regionCodeSchema),
  status: optionalParam(z.enum(MEETING_TASK_STATUSES, { error: 'field.invalid_value' })),
  source: optionalParam(z.enum(MEETING_TASK_SOURCES, { error: 'field.invalid_value' })),
});

export const meetingRuleSchema = z
  .object({
    type: z.enum(MEETING_TYPES, { error: 'field.invalid_value' }),
    frequency: z.enum(MEETING_FREQUENCIES, { error: 'field.invalid_value' }),
    kinds: z.array(z.enum(MEETING_ORG_KINDS, { error: 'field.invalid_value' })).max(5, 'field.too_long'),
  })
  .strict();
export type MeetingRule = z.infer<typeof meetingRuleSchema>;
export const meetingRulesBody = z
  .object({ rules: z.array(meetingRuleSchema).max(MEETING_TYPES.length, 'field.too_long') })
  .strict();
export const meetingRulesSchema = z.object({
  districtCode: z.string(),
  rules: z.array(meetingRuleSchema),
  /** Null while the district keeps the defaults. */
  changedAt: z.string().nullable(),
});
export const districtParams = z.object({ district: z.string().regex(/^\d{6}$/, 'field.region_code') });

export const complianceQuery = z.object({
  quarter: quarterSchema,
  organization: optionalParam(uuid),
  region: optionalParam(regionCodeSchema),
});
/** One required meeting of a period: held (by which meeting), missed (period over), or still open. */
export const complianceSlotSchema = z.object({
  type: z.enum(MEETING_TYPES),
  period: z.string(),
  state: z.enum(['held', 'missed', 'open']),
  meetingId: z.string().nullable(),
});
export const complianceRowSchema = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  regionCode: z.string(),
  kind: z.string(),
  required: z.number().int(),
  held: z.number().int(),
  missed: z.number().int(),
  slots: z.array(complianceSlotSchema),
});
export type ComplianceRow = z.infer<typeof complianceRowSchema>;
export const complianceSchema = z.object({
  quarter: z.string(),
  items: z.array(complianceRowSchema),
});
