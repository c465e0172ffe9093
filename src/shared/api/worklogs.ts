import { z } from 'zod';
import {
  auditReasonSchema,
  cursorParam,
  isMeaningfulText,
  limitSchema,
  optionalParam,
  regionCodeSchema,
} from './common.js';

/**
 * 工作日志 (work logs of organizations) and 联系点 (leaders' contact points at grassroots
 * organizations), issue 14: request and response shapes shared by the server's routes and the web.
 * Dates are Beijing calendar dates (YYYY-MM-DD), a month is `YYYY-MM`.
 */

/** 走访, 会议, 服务, 协调, 学习, 其他. */
export const WORK_LOG_KINDS = ['visit', 'meeting', 'service', 'coordination', 'study', 'other'] as const;
export type WorkLogKind = (typeof WORK_LOG_KINDS)[number];

/** 实地, 电话, 座谈. */
export const CONTACT_WAYS = ['on_site', 'phone', 'forum'] as const;
export type ContactWay = (typeof CONTACT_WAYS)[number];

/** A log may be corrected by its author for this many days after the day it was written (Beijing). */
export const WORK_LOG_EDIT_DAYS = 7;
/** A contact point not contacted for this many days is flagged, unless the query asks otherwise. */
export const CONTACT_OVERDUE_DAYS = 90;

const uuid = z.string({ error: 'field.required' }).uuid('field.invalid');
const dateSchema = z.iso.date({ error: 'worklog.date_format' });
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'worklog.month_format');

/** Text that says something: at least `min` characters and two letters or digits, at most `max`. */
const meaningful = (required: string, min: number, max: number) =>
  z
    .string({ error: required })
    .trim()
    .max(max, 'field.too_long')
    .refine((text) => text.length >= min && isMeaningfulText(text), required);

export const workLogFields = {
  loggedOn: dateSchema,
  kind: z.enum(WORK_LOG_KINDS, { error: 'field.invalid_value' }),
  content: meaningful('worklog.content_required', 10, 5000),
  /** Optional links: each must name a record inside the writer's scope. */
  workOrderId: optionalParam(uuid),
  visitId: optionalParam(uuid),
  volunteerActivityId: optionalParam(uuid),
};
export const createWorkLogBody = z.object({ organizationId: uuid, ...workLogFields }).strict();
export type CreateWorkLogBody = z.output<typeof createWorkLogBody>;
export const updateWorkLogBody = z.object(workLogFields).strict();
export type UpdateWorkLogBody = z.output<typeof updateWorkLogBody>;
export const voidWorkLogBody = z.object({ reason: auditReasonSchema }).strict();

export const workLogSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  regionCode: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  loggedOn: z.string(),
  kind: z.enum(WORK_LOG_KINDS),
  content: z.string(),
  workOrderId: z.string().nullable(),
  visitId: z.string().nullable(),
  volunteerActivityId: z.string().nullable(),
  voided: z.boolean(),
  voidReason: z.string().nullable(),
  /** Whether the caller may still correct it (the author, inside the edit period, not voided). */
  editable: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WorkLog = z.infer<typeof workLogSchema>;
export const workLogPageSchema = z.object({
  items: z.array(workLogSchema),
  nextCursor: z.string().nullable(),
});

export const workLogListQuery = z.object({
  cursor: cursorParam,
  limit: limitSchema,
  organization: optionalParam(uuid),
  region: optionalParam(regionCodeSchema),
  author: optionalParam(uuid),
  kind: optionalParam(z.enum(WORK_LOG_KINDS, { error: 'field.invalid_value' })),
  /** Logged on or after / on or before (Beijing dates). */
  from: optionalParam(dateSchema),
  to: optionalParam(dateSchema),
});

export const workLogCountsQuery = z.object({
  month: monthSchema,
  region: optionalParam(regionCodeSchema),
  /** `true`: only the organizations with no log in the month. */
  missing: optionalParam(z.enum(['true', 'false'], { error: 'field.invalid_value' })),
});
export const workLogCountSchema = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  regionCode: z.string(),
  kind: z.string(),
  secretaryName: z.string().nullable(),
  /** Logs of the month, voided ones left out. */
  logs: z.number().int(),
  lastLoggedOn: z.string().nullable(),
});
export type WorkLogCount = z.infer<typeof workLogCountSchema>;
export const workLogCountsSchema = z.object({
  month: z.string(),
  items: z.array(workLogCountSchema),
  /** How many of the organizations have no log in the month. */
  withoutLogs: z.number().int(),
  /** More organizations than one answer holds: narrow by region. */
  truncated: z.boolean(),
});

export const createContactPointBody = z
  .object({ leaderUserId: uuid, organizationId: uuid, startOn: dateSchema })
  .strict();
export type CreateContactPointBody = z.output<typeof createContactPointBody>;
export const endContactPointBody = z.object({ endOn: dateSchema }).strict();

export const contactRecordBody = z
  .object({
    contactedOn: dateSchema,
    way: z.enum(CONTACT_WAYS, { error: 'field.invalid_value' }),
    /** 发现的问题 / 了解的情况. */
    findings: meaningful('contactpoint.findings_required', 5, 2000),
    /** 商定或解决的事项. */
    outcome: meaningful('contactpoint.outcome_required', 5, 2000),
  })
  .strict();
export type ContactRecordBody = z.output<typeof contactRecordBody>;

export const contactPointSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  regionCode: z.string(),
  leaderUserId: z.string(),
  leaderName: z.string(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  records: z.number().int(),
  lastContactOn: z.string().nullable(),
  /** Open and not contacted (or, never contacted, not since it started) for the asked number of days. */
  overdue: z.boolean(),
});
export type ContactPoint = z.infer<typeof contactPointSchema>;
export const contactPointPageSchema = z.object({
  items: z.array(contactPointSchema),
  nextCursor: z.string().nullable(),
});
export const contactRecordSchema = z.object({
  id: z.string(),
  contactedOn: z.string(),
  way: z.enum(CONTACT_WAYS),
  findings: z.string(),
  outcome: z.string(),
  createdAt: z.string(),
});
export type ContactRecord = z.infer<typeof contactRecordSchema>;
export const contactPointDetailSchema = contactPointSchema.extend({
  contactRecords: z.array(contactRecordSchema),
});
export type ContactPointDetail = z.infer<typeof contactPointDetailSchema>;

const daysParam = optionalParam(
  z.coerce
    .number({ error: 'contactpoint.days' })
    .int('contactpoint.days')
    .min(7, 'contactpoint.days')
    .max(730, 'contactpoint.days'),
);
export const contactPointListQuery = z.object({
  cursor: cursorParam,
  limit: limitSchema,
  region: optionalParam(regionCodeSchema),
  organization: optionalParam(uuid),
  leader: optionalParam(uuid),
  /** `true`: only the assignments still open. */
  open: optionalParam(z.enum(['true', 'false'], { error: 'field.invalid_value' })),
  days: daysParam,
});
export const myContactPointsQuery = z.object({ days: daysParam });
export const myContactPointsSchema = z.object({ items: z.array(contactPointSchema), days: z.number().int() });
