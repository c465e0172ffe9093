import { z } from 'zod';
import { cursorParam, idSchema, limitSchema, optionalParam, pageOf, regionCodeSchema } from './common.js';

/**
 * Request and response shapes of vocational and start-up training (issue 18): courses and their
 * sessions (created in bulk), enrollments with a waiting list, attendance (taken by the worker or
 * by the trainee with a rotating code), completion with a certificate, the six-month follow-up.
 * Used by the server's routes and the web; no server imports.
 */

export const COURSE_KINDS = ['entrepreneurship', 'vocational'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];
export const COURSE_STATUSES = ['open', 'completed', 'cancelled'] as const;
export const ENROLLMENT_STATUSES = [
  'enrolled',
  'waitlisted',
  'cancelled',
  'completed',
  'not_completed',
] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
export const ATTENDANCE_STATUSES = ['present', 'late', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const FOLLOW_UP_OUTCOMES = ['employed', 'business', 'neither'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];
/** Who a course is meant for (the register's groups, as the job service names them). */
export const TARGET_GROUPS = [
  'laid_off',
  'landless',
  'zero_employment',
  'age_4050',
  'graduate',
  'veteran',
] as const;

const text = (max: number, code: string) => z.string({ error: code }).trim().min(1, code).max(max, code);
const list = (duplicate: string, max: number) =>
  z
    .array(z.string().trim().min(1).max(30))
    .max(max)
    .refine((items) => new Set(items).size === items.length, { message: duplicate });
const pct = (code: string) => z.number({ error: code }).int(code).min(0, code).max(100, code);

// ---- requests ----

export const courseBody = z
  .object({
    title: text(100, 'training.title_required'),
    kind: z.enum(COURSE_KINDS),
    description: z.string().trim().max(2000).default(''),
    place: text(200, 'training.place_required'),
    regionCode: regionCodeSchema,
    skills: list('training.duplicate_skill', 20),
    targetGroups: z
      .array(z.enum(TARGET_GROUPS))
      .max(TARGET_GROUPS.length)
      .refine((items) => new Set(items).size === items.length, { message: 'training.duplicate_group' })
      .default([]),
    capacity: z
      .number({ error: 'training.capacity_range' })
      .int('training.capacity_range')
      .min(1, 'training.capacity_range')
      .max(500, 'training.capacity_range'),
    hasAssessment: z.boolean().default(false),
    completionPct: pct('training.pct_range').default(80),
    warningPct: pct('training.pct_range').default(60),
  })
  .refine((v) => v.warningPct <= v.completionPct, {
    path: ['warningPct'],
    message: 'training.warning_above_completion',
  });
export type CourseBody = z.input<typeof courseBody>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = z.string().regex(TIME, 'training.time_format');

/** Sessions in bulk: on the given weekdays (1 = Monday … 7 = Sunday) from a date, `count` of them. */
export const sessionsBody = z
  .object({
    firstDate: z.iso.date({ error: 'training.date_format' }),
    weekdays: z
      .array(z.number().int().min(1).max(7), { error: 'training.weekdays_required' })
      .min(1, 'training.weekdays_required')
      .max(7)
      .refine((items) => new Set(items).size === items.length, { message: 'training.weekdays_required' }),
    startTime: time,
    endTime: time,
    count: z
      .number({ error: 'training.count_range' })
      .int('training.count_range')
      .min(1, 'training.count_range')
      .max(100, 'training.count_range'),
  })
  .refine((v) => !TIME.test(v.startTime) || !TIME.test(v.endTime) || v.endTime > v.startTime, {
    path: ['endTime'],
    message: 'training.end_before_start',
  });
export type SessionsBody = z.input<typeof sessionsBody>;

export const enrollBody = z.object({ personId: idSchema });
export const selfEnrollBody = z.object({ courseId: idSchema });
export const attendanceBody = z.object({ enrollmentId: idSchema, status: z.enum(ATTENDANCE_STATUSES) });
export const assessmentBody = z.object({ result: z.enum(['passed', 'failed']) });
export const checkInBody = z.object({ code: z.string().regex(/^\d{6}$/, 'training.code_format') });
export const followUpBody = z.object({
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  note: z.string().trim().max(200, 'training.note_too_long').default(''),
});

export const courseListQuery = z.object({
  region: optionalParam(regionCodeSchema),
  q: optionalParam(z.string().trim().max(50)),
  status: optionalParam(z.enum(COURSE_STATUSES)),
  cursor: cursorParam,
  limit: limitSchema,
});

export const followUpQuery = z.object({
  /** `due` (default): completed six months ago or more and not yet followed up; `all`: every completion. */
  state: optionalParam(z.enum(['due', 'all'])),
  cursor: cursorParam,
  limit: limitSchema,
});

export const serialParams = z.object({ serial: z.string().trim().min(1).max(40) });

// ---- responses ----

export const courseSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(COURSE_KINDS),
  description: z.string(),
  place: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  skills: z.array(z.string()),
  targetGroups: z.array(z.string()),
  capacity: z.number().int(),
  hasAssessment: z.boolean(),
  completionPct: z.number().int(),
  warningPct: z.number().int(),
  status: z.enum(COURSE_STATUSES),
  completedOn: z.string().nullable(),
  enrolled: z.number().int(),
  waitlisted: z.number().int(),
  sessions: z.number().int(),
  firstSessionAt: z.string().nullable(),
});
export type Course = z.infer<typeof courseSchema>;
export const coursePageSchema = pageOf(courseSchema);

export const sessionSchema = z.object({
  id: z.string(),
  courseId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

export const enrollmentSchema = z.object({
  id: z.string(),
  courseId: z.string(),
  personId: z.string(),
  name: z.string(),
  /** Masked as the register masks it. */
  phone: z.string().nullable(),
  status: z.enum(ENROLLMENT_STATUSES),
  /** 1-based place on the waiting list, for a waitlisted enrollment. */
  waitlistPosition: z.number().int().nullable(),
  placedAt: z.string().nullable(),
  channel: z.enum(['worker', 'portal']),
  assessment: z.enum(['passed', 'failed']).nullable(),
  /** Attended (present or late) of the sessions counted for the trainee so far. */
  attended: z.number().int(),
  counted: z.number().int(),
  /** Whole percent; null while no session counts yet. */
  attendancePct: z.number().int().nullable(),
  completedOn: z.string().nullable(),
  certificateSerial: z.string().nullable(),
  followUpDueOn: z.string().nullable(),
  followUpOutcome: z.enum(FOLLOW_UP_OUTCOMES).nullable(),
  followUpOn: z.string().nullable(),
});
export type Enrollment = z.infer<typeof enrollmentSchema>;

export const courseDetailSchema = z.object({
  course: courseSchema,
  sessions: z.array(sessionSchema),
  enrollments: z.array(enrollmentSchema),
});
export type CourseDetail = z.infer<typeof courseDetailSchema>;

export const rosterEntrySchema = z.object({
  enrollmentId: z.string(),
  name: z.string(),
  /** null: not yet recorded; `not_enrolled`: the trainee got their place after this session began. */
  status: z.enum(ATTENDANCE_STATUSES).nullable(),
  notEnrolledYet: z.boolean(),
  recordedVia: z.enum(['worker', 'code']).nullable(),
});
export const rosterSchema = z.object({ session: sessionSchema, items: z.array(rosterEntrySchema) });
export type Roster = z.infer<typeof rosterSchema>;

export const codeSchema = z.object({ code: z.string(), validUntil: z.string(), refreshAt: z.string() });

export const completionSchema = z.object({
  course: courseSchema,
  completed: z.number().int(),
  notCompleted: z.number().int(),
});

export const followUpSchema = enrollmentSchema.extend({ courseTitle: z.string() });
export const followUpPageSchema = pageOf(followUpSchema);

export const verificationSchema = z.object({
  serial: z.string(),
  /** 张** : the surname only. */
  name: z.string(),
  course: z.string(),
  completedOn: z.string(),
});

export const checkInResultSchema = z.object({
  courseTitle: z.string(),
  sessionStartsAt: z.string(),
  status: z.enum(ATTENDANCE_STATUSES),
});

export const myTrainingSchema = z.object({
  /** Open courses of the resident's district with sessions still to come. */
  courses: z.array(courseSchema),
  enrollments: z.array(enrollmentSchema.extend({ courseTitle: z.string() })),
});
export type MyTraining = z.infer<typeof myTrainingSchema>;
