import { z } from 'zod';
import { cursorParam, idSchema, limitSchema, optionalParam, pageOf } from './common.js';

/**
 * Request and response shapes of the volunteering API (issue 13), used by the server's routes and
 * by the web app (`z.infer`). No server imports: messages of refinements are message codes that the
 * server's error mapper translates.
 */

/** The article's eight co-building areas (区厂共建八个方面), the same words as 双报到's service areas. */
export const ACTIVITY_AREAS = [
  '宣传教育',
  '社区环境',
  '治安防范',
  '文体活动',
  '帮扶弱势群体',
  '就业渠道',
  '便民行动',
  '身心健康',
] as const;
export type ActivityArea = (typeof ACTIVITY_AREAS)[number];

export const SIGNUP_MODES = ['open', 'approval', 'qualified'] as const;
export const SIGNUP_STATUSES = ['pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected'] as const;

const id = idSchema;
const instant = z.iso.datetime({ offset: true });
const date = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const skills = z
  .array(text(30))
  .max(20)
  .refine((list) => new Set(list).size === list.length, { message: 'volunteer.duplicate_skill' });
const query = optionalParam;

// ---- requests ----

export const createVolunteerBody = z.object({
  teamId: id,
  personId: id,
  skills: skills.default([]),
  joinedOn: date.optional(),
});

export const updateVolunteerBody = z.object({
  skills: skills.optional(),
  status: z.enum(['active', 'inactive']).optional(),
});

export const recordEntryBody = z.object({
  kind: z.enum(['training', 'honour']),
  title: text(200),
  onDate: date,
});

export const shiftBody = z.object({
  role: text(50),
  needed: z.number().int().min(1).max(500),
  skills: skills.default([]),
  startsAt: instant,
  endsAt: instant,
});

export const createActivityBody = z.object({
  teamId: id,
  area: z.enum(ACTIVITY_AREAS),
  title: text(100),
  description: z.string().trim().max(2000).default(''),
  place: text(200),
  signupMode: z.enum(SIGNUP_MODES),
  /** Hours before a shift starts after which a sign-up can no longer be cancelled (0: until it starts). */
  cancelCutoffHours: z.number().int().min(0).max(168),
  workOrderId: id.optional(),
  shifts: z.array(shiftBody).min(1).max(20),
});

export const signupBody = z.object({ shiftId: id, volunteerId: id });
export const ownSignupBody = z.object({ shiftId: id });
/** A member or a resident signs themself up (`/api/me/…`, `/api/portal/me/…`). */
export const selfSignupBody = z.object({ activityId: id, shiftId: id });
export const decisionBody = z.object({ decision: z.enum(['confirm', 'reject']) });
export const attendanceBody = z.object({ action: z.enum(['check_in', 'check_out', 'no_show']) });
export const walkInBody = z.object({ shiftId: id, volunteerId: id });
export const codeCheckInBody = z.object({
  activityId: id,
  code: z.string().regex(/^\d{6}$/, 'volunteer.code_format'),
  action: z.enum(['check_in', 'check_out']),
});

export const confirmHoursBody = z.object({
  items: z
    .array(
      z.object({
        signupId: id,
        /** Overrides the minutes computed from check-in and out (a forgotten check-out). */
        minutes: z.number().int().min(1).max(1440).optional(),
        rating: z.number().int().min(1).max(5).optional(),
        remark: z.string().trim().max(200).optional(),
      }),
    )
    .min(1)
    .max(500),
});

/** Hours entered after the fact (paper sign-in sheets): one row per volunteer and shift. */
export const bulkHoursBody = z.object({
  entries: z
    .array(z.object({ shiftId: id, volunteerId: id, minutes: z.number().int().min(1).max(1440) }))
    .min(1)
    .max(500),
});

export const certificateBody = z.object({
  from: date,
  to: date,
  /** What the service was, in the issuer's words; empty: the areas and titles of the services. */
  content: z.string().trim().max(500).optional(),
});

export const volunteerListQuery = z.object({
  team: query(id),
  q: query(z.string().trim().max(50)),
  cursor: cursorParam,
  limit: limitSchema,
});

export const activityListQuery = z.object({
  team: query(id),
  area: query(z.enum(ACTIVITY_AREAS)),
  cursor: cursorParam,
  limit: limitSchema,
});

export const teamListQuery = z.object({
  region: query(z.string().regex(/^\d{6,17}$/, 'field.region_code')),
  cursor: cursorParam,
  limit: limitSchema,
});

export const serialParams = z.object({
  serial: z.string().regex(/^[A-Z0-9-]{8,32}$/, 'volunteer.serial_format'),
});

// ---- responses ----

export const teamSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    regionCode: z.string(),
    volunteers: z.number(),
    activities: z.number(),
    confirmedMinutes: z.number(),
  })
  .meta({ id: 'VolunteerTeam' });

export const volunteerSchema = z
  .object({
    id: z.string(),
    teamId: z.string(),
    teamName: z.string(),
    personId: z.string(),
    memberId: z.string().nullable(),
    name: z.string(),
    gender: z.enum(['male', 'female']),
    /** Masked as the register masks it. */
    idNumber: z.string(),
    phone: z.string(),
    skills: z.array(z.string()),
    status: z.enum(['active', 'inactive']),
    joinedOn: z.string(),
    confirmedMinutes: z.number(),
    services: z.number(),
    noShows: z.number(),
  })
  .meta({ id: 'Volunteer' });

export const recordEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(['training', 'honour']),
  title: z.string(),
  onDate: z.string(),
});

export const serviceSchema = z.object({
  signupId: z.string(),
  activityId: z.string(),
  /** Which shift of the activity: the own page shows "signed up" on that shift's row. */
  shiftId: z.string(),
  activityTitle: z.string(),
  area: z.string(),
  role: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(SIGNUP_STATUSES),
  /** 1-based place on the waiting list, null when not waiting. */
  waitlistPosition: z.number().nullable(),
  minutes: z.number().nullable(),
  confirmed: z.boolean(),
  noShow: z.boolean(),
  rating: z.number().nullable(),
  remark: z.string(),
});

export const certificateSchema = z
  .object({
    id: z.string(),
    serial: z.string(),
    volunteerId: z.string(),
    teamName: z.string(),
    minutes: z.number(),
    services: z.number(),
    /** 服务内容 as printed on the certificate. */
    content: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    issuedOn: z.string(),
  })
  .meta({ id: 'VolunteerCertificate' });

/** The volunteer record of the national rules: 基本信息, 服务情况, 培训, 表彰, 评价. */
export const volunteerRecordSchema = z.object({
  volunteer: volunteerSchema,
  trainings: z.array(recordEntrySchema),
  honours: z.array(recordEntrySchema),
  services: z.array(serviceSchema),
  certificates: z.array(certificateSchema),
  averageRating: z.number().nullable(),
});

export const signupSchema = z
  .object({
    id: z.string(),
    shiftId: z.string(),
    volunteerId: z.string(),
    volunteerName: z.string(),
    status: z.enum(SIGNUP_STATUSES),
    /** 1-based place on the waiting list, null when not waiting. */
    waitlistPosition: z.number().nullable(),
    walkIn: z.boolean(),
    checkedInAt: z.string().nullable(),
    checkedOutAt: z.string().nullable(),
    noShow: z.boolean(),
    minutes: z.number().nullable(),
    confirmed: z.boolean(),
  })
  .meta({ id: 'VolunteerSignup' });
/** The sign-ups a step changed at once (hours confirmed or entered after the fact). */
export const signupListSchema = z.object({ items: z.array(signupSchema) });

export const shiftSchema = z.object({
  id: z.string(),
  role: z.string(),
  needed: z.number(),
  skills: z.array(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  confirmed: z.number(),
  pending: z.number(),
  waitlisted: z.number(),
});

export const activitySchema = z
  .object({
    id: z.string(),
    teamId: z.string(),
    teamName: z.string(),
    regionCode: z.string(),
    area: z.string(),
    title: z.string(),
    description: z.string(),
    place: z.string(),
    signupMode: z.enum(SIGNUP_MODES),
    cancelCutoffHours: z.number(),
    workOrderId: z.string().nullable(),
    status: z.enum(['open', 'cancelled', 'done']),
    startsAt: z.string(),
    endsAt: z.string(),
    shifts: z.array(shiftSchema),
    noShows: z.number(),
  })
  .meta({ id: 'VolunteerActivity' });

export const activityDetailSchema = z.object({
  activity: activitySchema,
  signups: z.array(signupSchema),
});

export const checkInCodeSchema = z.object({
  code: z.string(),
  /** The code is accepted until then; the screen fetches the next one at refreshAt. */
  validUntil: z.string(),
  refreshAt: z.string(),
});

export const verificationSchema = z
  .object({
    serial: z.string(),
    /** Surname kept, the rest masked: 张** . */
    name: z.string(),
    hours: z.number(),
    organization: z.string(),
    issuedOn: z.string(),
  })
  .meta({ id: 'CertificateVerification' });

export const myVolunteeringSchema = z.object({
  volunteers: z.array(volunteerSchema),
  services: z.array(serviceSchema),
  certificates: z.array(certificateSchema),
  confirmedMinutes: z.number(),
  openActivities: z.array(activitySchema),
});

export type Team = z.infer<typeof teamSchema>;
export type Volunteer = z.infer<typeof volunteerSchema>;
export type VolunteerRecord = z.infer<typeof volunteerRecordSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type ActivityDetail = z.infer<typeof activityDetailSchema>;
export type Signup = z.infer<typeof signupSchema>;
export type Shift = z.infer<typeof shiftSchema>;
export type Certificate = z.infer<typeof certificateSchema>;
export type Verification = z.infer<typeof verificationSchema>;
export type MyVolunteering = z.infer<typeof myVolunteeringSchema>;
export type CheckInCode = z.infer<typeof checkInCodeSchema>;
export type CreateActivityBody = z.input<typeof createActivityBody>;

/** Pages of the volunteering API's lists (one definition for routes, web and tests). */
export const teamPageSchema = pageOf(teamSchema);
export const volunteerPageSchema = pageOf(volunteerSchema);
export const activityPageSchema = pageOf(activitySchema);
