import { z } from 'zod';
import { auditReasonSchema, itemsOf, optionalParam, regionCodeSchema } from './common.js';
import { ACTIVITY_AREAS } from './volunteering.js';

/**
 * 大项目 and 区厂共建 (issue 18): industrial projects settled in the district with their enterprises
 * and the party organizations covering them; co-building units (驻区共建单位) with their members,
 * joint activities in the eight co-building areas and the venues they open to residents (场所联用),
 * bookable without overlap; task forces (临时党组织, 攻坚队) with seconded members and results.
 * Dates are Beijing calendar dates (YYYY-MM-DD); a booking's times are instants.
 */

/** 签约, 在建, 投产, 停工, 终止. */
export const PROJECT_STATUSES = ['signed', 'building', 'producing', 'suspended', 'terminated'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** 工厂企业, 机关事业单位, 学校, 医院, 其他. */
export const UNIT_KINDS = ['enterprise', 'agency', 'school', 'hospital', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** 指挥部, 临时党组织, 先锋队/攻坚队. */
export const TASK_FORCE_KINDS = ['command', 'temporary_org', 'vanguard_team'] as const;
export type TaskForceKind = (typeof TASK_FORCE_KINDS)[number];

export const BOOKING_STATUSES = ['booked', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** The eight co-building areas: the volunteering module's list. */
export const COBUILDING_AREAS = ACTIVITY_AREAS;

/** A follow-up's work-order category when the caller names none: 意见建议. */
export const COVERAGE_FOLLOW_UP_CATEGORY = 'suggestion.general';

const day = z.iso.date({ error: 'cobuilding.date_format' });
const uuid = z.string({ error: 'field.required' }).uuid('field.invalid');
const name = z
  .string({ error: 'cobuilding.name_required' })
  .trim()
  .min(2, 'cobuilding.name_required')
  .max(100, 'field.too_long');
const text = (max: number) => z.string().trim().max(max, 'field.too_long').default('');
const hhmm = z.string({ error: 'cobuilding.time_format' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
  message: 'cobuilding.time_format',
});
const count = (max: number) =>
  z
    .number({ error: 'cobuilding.count' })
    .int('cobuilding.count')
    .min(0, 'cobuilding.count')
    .max(max, 'cobuilding.count');
const instant = z.iso.datetime({ offset: true, error: 'cobuilding.instant_format' });

export const regionListQuery = z.object({ region: optionalParam(regionCodeSchema) });
export const projectListQuery = regionListQuery.extend({
  status: optionalParam(z.enum(PROJECT_STATUSES, { error: 'field.invalid_value' })),
});

// ---- projects ----

export const createProjectBody = z
  .object({
    regionCode: regionCodeSchema,
    name,
    site: text(200),
    startedOn: day,
    status: z.enum(PROJECT_STATUSES, { error: 'field.invalid_value' }).default('signed'),
    note: text(1000),
  })
  .strict();
export const updateProjectBody = z
  .object({
    name: name.optional(),
    site: z.string().trim().max(200, 'field.too_long').optional(),
    startedOn: day.optional(),
    status: z.enum(PROJECT_STATUSES, { error: 'field.invalid_value' }).optional(),
    note: z.string().trim().max(1000, 'field.too_long').optional(),
  })
  .strict();
export const projectEnterpriseBody = z.object({ enterpriseId: uuid }).strict();
export const projectOrganizationBody = z
  .object({
    organizationId: uuid,
    /** Enterprises of the project the organization covers (set anew each time). */
    enterpriseIds: z
      .array(uuid)
      .max(500)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'cobuilding.duplicate' })
      .default([]),
  })
  .strict();
export const followUpBody = z
  .object({
    note: text(500),
    categoryCode: z.string().trim().min(1).max(60).optional(),
  })
  .strict();
export const projectEnterpriseParams = z.object({ id: z.string().uuid(), enterpriseId: z.string().uuid() });

export const projectSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  site: z.string(),
  startedOn: z.string(),
  status: z.enum(PROJECT_STATUSES),
  note: z.string(),
  enterprises: z.number().int(),
  coveredEnterprises: z.number().int(),
  organizations: z.number().int(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof projectSchema>;
export const projectListSchema = itemsOf(projectSchema);

export const projectEnterpriseSchema = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  coveringOrganizationId: z.string().nullable(),
  coveringOrganizationName: z.string().nullable(),
  followUpOrderId: z.string().nullable(),
  followUpOrderNumber: z.string().nullable(),
});
export const projectOrganizationSchema = z.object({
  organizationId: z.string(),
  name: z.string(),
  kind: z.string(),
  regionCode: z.string(),
});
export const projectDetailSchema = projectSchema.extend({
  enterpriseList: z.array(projectEnterpriseSchema),
  organizationList: z.array(projectOrganizationSchema),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

export const uncoveredEnterpriseSchema = projectEnterpriseSchema.extend({
  projectId: z.string(),
  projectName: z.string(),
  projectRegionCode: z.string(),
});
export type UncoveredEnterprise = z.infer<typeof uncoveredEnterpriseSchema>;
export const projectCoverageSchema = z.object({
  projects: z.number().int(),
  enterprises: z.number().int(),
  coveredEnterprises: z.number().int(),
  organizations: z.number().int(),
  /** Covered enterprises per 100 enterprises in projects, one decimal; null without any. */
  percent: z.number().nullable(),
  uncovered: z.array(uncoveredEnterpriseSchema),
});
export type ProjectCoverage = z.infer<typeof projectCoverageSchema>;
export const followUpResultSchema = z.object({
  projectId: z.string(),
  enterpriseId: z.string(),
  workOrderId: z.string(),
  number: z.string(),
});

// ---- co-building units, activities, venues, bookings ----

export const createUnitBody = z
  .object({
    regionCode: regionCodeSchema,
    name,
    kind: z.enum(UNIT_KINDS, { error: 'field.invalid_value' }),
    address: text(200),
    contact: text(100),
    /** Members of the unit registered in communities, as the unit reports them (beside those linked). */
    reportedMembers: count(100_000).default(0),
  })
  .strict();
export const unitMemberBody = z.object({ memberId: uuid }).strict();
export const unitActivityBody = z
  .object({
    area: z.enum(COBUILDING_AREAS, { error: 'cobuilding.area' }),
    title: name,
    heldOn: day,
    participants: count(100_000).default(0),
    /** A volunteering activity the unit ran with the community, if it was one. */
    volunteerActivityId: uuid.optional(),
    note: text(1000),
  })
  .strict();
export const createVenueBody = z
  .object({
    name,
    address: text(200),
    capacity: z
      .number({ error: 'cobuilding.capacity' })
      .int('cobuilding.capacity')
      .min(1, 'cobuilding.capacity')
      .max(100_000, 'cobuilding.capacity'),
    opensAt: hhmm,
    closesAt: hhmm,
  })
  .strict()
  .refine((v) => v.closesAt > v.opensAt, { path: ['closesAt'], message: 'cobuilding.closes_before_opens' });
export const createBookingBody = z
  .object({
    startsAt: instant,
    endsAt: instant,
    purpose: z
      .string({ error: 'cobuilding.purpose_required' })
      .trim()
      .min(2, 'cobuilding.purpose_required')
      .max(200, 'field.too_long'),
    attendees: z
      .number({ error: 'cobuilding.count' })
      .int('cobuilding.count')
      .min(1, 'cobuilding.count')
      .max(100_000, 'cobuilding.count'),
  })
  .strict()
  .refine((v) => Date.parse(v.endsAt) > Date.parse(v.startsAt), {
    path: ['endsAt'],
    message: 'cobuilding.ends_before_starts',
  });
export const cancelBookingBody = z.object({ reason: auditReasonSchema }).strict();

export const unitSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  address: z.string(),
  contact: z.string(),
  reportedMembers: z.number().int(),
  linkedMembers: z.number().int(),
  activities: z.number().int(),
  venues: z.number().int(),
});
export type CobuildingUnit = z.infer<typeof unitSchema>;
export const unitListSchema = itemsOf(unitSchema);
export const unitMemberSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  organizationName: z.string(),
  regionCode: z.string(),
});
export const unitActivitySchema = z.object({
  id: z.string(),
  area: z.string(),
  title: z.string(),
  heldOn: z.string(),
  participants: z.number().int(),
  volunteerActivityId: z.string().nullable(),
  note: z.string(),
});
export const venueSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  regionCode: z.string(),
  name: z.string(),
  address: z.string(),
  capacity: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
});
export type Venue = z.infer<typeof venueSchema>;
export const venueListSchema = itemsOf(venueSchema);
export const unitDetailSchema = unitSchema.extend({
  members: z.array(unitMemberSchema),
  activityList: z.array(unitActivitySchema),
  venueList: z.array(venueSchema),
});
export type CobuildingUnitDetail = z.infer<typeof unitDetailSchema>;
export const bookingSchema = z.object({
  id: z.string(),
  venueId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  purpose: z.string(),
  attendees: z.number().int(),
  status: z.enum(BOOKING_STATUSES),
  bookedByName: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export type Booking = z.infer<typeof bookingSchema>;
export const bookingListSchema = itemsOf(bookingSchema);

// ---- task forces ----

export const createTaskForceBody = z
  .object({
    regionCode: regionCodeSchema,
    name,
    kind: z.enum(TASK_FORCE_KINDS, { error: 'field.invalid_value' }),
    purpose: z
      .string({ error: 'cobuilding.purpose_required' })
      .trim()
      .min(2, 'cobuilding.purpose_required')
      .max(1000, 'field.too_long'),
    startsOn: day,
    endsOn: day.optional(),
  })
  .strict()
  .refine((v) => v.endsOn === undefined || v.endsOn >= v.startsOn, {
    path: ['endsOn'],
    message: 'cobuilding.end_before_start',
  });
export const secondmentBody = z
  .object({
    memberId: uuid,
    role: text(60),
    fromOn: day,
    toOn: day.optional(),
  })
  .strict()
  .refine((v) => v.toOn === undefined || v.toOn >= v.fromOn, {
    path: ['toOn'],
    message: 'cobuilding.end_before_start',
  });
const figure = z
  .object({
    label: z
      .string({ error: 'cobuilding.figure_label' })
      .trim()
      .min(1, 'cobuilding.figure_label')
      .max(40, 'field.too_long'),
    value: z.number({ error: 'cobuilding.figure_value' }).finite('cobuilding.figure_value'),
    unit: z.string().trim().max(10, 'field.too_long').default(''),
  })
  .strict();
export const resultBody = z
  .object({
    onDay: day,
    text: z
      .string({ error: 'cobuilding.text_required' })
      .trim()
      .min(2, 'cobuilding.text_required')
      .max(2000, 'field.too_long'),
    figures: z.array(figure).max(10).default([]),
  })
  .strict();

export const taskForceSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  kind: z.enum(TASK_FORCE_KINDS),
  purpose: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  secondedMembers: z.number().int(),
  results: z.number().int(),
});
export type TaskForce = z.infer<typeof taskForceSchema>;
export const taskForceListSchema = itemsOf(taskForceSchema);
export const secondmentSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  name: z.string(),
  homeOrganizationId: z.string(),
  homeOrganizationName: z.string(),
  role: z.string(),
  fromOn: z.string(),
  toOn: z.string().nullable(),
});
export const taskForceResultSchema = z.object({
  id: z.string(),
  onDay: z.string(),
  text: z.string(),
  figures: z.array(z.object({ label: z.string(), value: z.number(), unit: z.string() })),
});
export const taskForceDetailSchema = taskForceSchema.extend({
  secondments: z.array(secondmentSchema),
  resultList: z.array(taskForceResultSchema),
});
export type TaskForceDetail = z.infer<typeof taskForceDetailSchema>;
