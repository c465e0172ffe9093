import { z } from 'zod';
import { cursorParam, idSchema, limitSchema, optionalParam, pageOf, regionCodeSchema } from './common.js';

/**
 * Request and response shapes of the job service (issue 18): jobs posted by enterprises, seekers
 * found from the register and registered (求职登记), matching with reasons, recommendations and
 * their outcomes. Used by the server's routes and the web (`z.infer`); no server imports.
 */

/** Education levels, lowest first: a seeker meets a job's level when theirs is at least as high. */
export const EDUCATION_LEVELS = [
  'none',
  'primary',
  'junior',
  'senior',
  'college',
  'bachelor',
  'master',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const AVAILABILITIES = ['immediate', 'within_month', 'part_time'] as const;
export const JOB_STATUSES = ['open', 'filled', 'closed'] as const;
export const SEEKER_STATUSES = ['active', 'placed', 'withdrawn'] as const;
export const RECOMMENDATION_STATUSES = [
  'recommended',
  'interviewing',
  'hired',
  'declined',
  'no_show',
  'refused',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
/** What the enterprise (or the case worker for it) records about a recommended seeker. */
export const OUTCOMES = ['interview', 'hired', 'declined', 'no_show', 'refused'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/**
 * Why the register names a person as a candidate seeker: tagged 下岗失业 or 失地农民, a working-age
 * member of a 零就业家庭, or 4050 (women from 40, men from 50, still of working age).
 */
export const SEEKER_GROUPS = ['laid_off', 'landless', 'zero_employment', 'age_4050'] as const;
export type SeekerGroup = (typeof SEEKER_GROUPS)[number];
export const DISTANCE_LEVELS = ['grid', 'community', 'street', 'district', 'other'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const date = z.iso.date();
const fen = z.number().int().min(0).max(100_000_000);
const tags = (duplicate: string) =>
  z
    .array(text(30))
    .max(20)
    .refine((list) => new Set(list).size === list.length, { message: duplicate });

// ---- requests ----

const jobFields = {
  title: text(100),
  description: z.string().trim().max(2000).default(''),
  openings: z.number().int().min(1).max(1000),
  skills: tags('job.duplicate_skill'),
  education: z.enum(EDUCATION_LEVELS),
  salaryMinFen: fen,
  salaryMaxFen: fen,
  regionCode: regionCodeSchema,
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  validUntil: date,
  publicService: z.boolean().default(false),
};

const salaryInOrder = (v: { salaryMinFen?: number | undefined; salaryMaxFen?: number | undefined }) =>
  v.salaryMinFen === undefined || v.salaryMaxFen === undefined || v.salaryMaxFen >= v.salaryMinFen;
const coordinatesPaired = (v: { latitude?: number | undefined; longitude?: number | undefined }) =>
  (v.latitude === undefined) === (v.longitude === undefined);

export const jobBody = z
  .object({ enterpriseId: idSchema, ...jobFields })
  .refine(salaryInOrder, { path: ['salaryMaxFen'], message: 'job.salary_range' })
  .refine(coordinatesPaired, { path: ['longitude'], message: 'job.coordinates_paired' });

export const updateJobBody = z
  .object({
    title: jobFields.title.optional(),
    description: z.string().trim().max(2000).optional(),
    openings: jobFields.openings.optional(),
    skills: jobFields.skills.optional(),
    education: jobFields.education.optional(),
    salaryMinFen: fen.optional(),
    salaryMaxFen: fen.optional(),
    validUntil: date.optional(),
    publicService: z.boolean().optional(),
    /** Closing takes the job off the open list; reopening puts it back if it has openings left. */
    status: z.enum(['open', 'closed']).optional(),
  })
  .refine(salaryInOrder, { path: ['salaryMaxFen'], message: 'job.salary_range' });

export const jobListQuery = z.object({
  region: optionalParam(regionCodeSchema),
  enterprise: optionalParam(idSchema),
  q: optionalParam(z.string().trim().max(50)),
  /** `open` (default): open and not expired; `all`: every job. */
  state: optionalParam(z.enum(['open', 'all'])),
  cursor: cursorParam,
  limit: limitSchema,
});

export const seekerBody = z.object({
  personId: idSchema,
  skills: tags('job.duplicate_skill'),
  wantedJobs: tags('job.duplicate_wanted'),
  education: z.enum(EDUCATION_LEVELS),
  expectedSalaryFen: fen.nullable().default(null),
  availability: z.enum(AVAILABILITIES),
  caseWorkerId: idSchema.nullable().default(null),
});

export const updateSeekerBody = z.object({
  skills: seekerBody.shape.skills.optional(),
  wantedJobs: seekerBody.shape.wantedJobs.optional(),
  education: z.enum(EDUCATION_LEVELS).optional(),
  expectedSalaryFen: fen.nullable().optional(),
  availability: z.enum(AVAILABILITIES).optional(),
  caseWorkerId: idSchema.nullable().optional(),
  status: z.enum(['active', 'withdrawn']).optional(),
});

export const seekerListQuery = z.object({
  region: optionalParam(regionCodeSchema),
  q: optionalParam(z.string().trim().max(50)),
  status: optionalParam(z.enum(SEEKER_STATUSES)),
  cursor: cursorParam,
  limit: limitSchema,
});

export const candidateQuery = z.object({
  region: optionalParam(regionCodeSchema),
  group: optionalParam(z.enum(SEEKER_GROUPS)),
  cursor: cursorParam,
  limit: limitSchema,
});

export const matchQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(20) });

export const recommendBody = z.object({
  jobId: idSchema,
  seekerId: idSchema,
  note: z.string().trim().max(200).default(''),
  /** The job fair the recommendation came from: the job must be one brought to it. */
  fairId: idSchema.nullable().default(null),
});

export const outcomeBody = z
  .object({
    outcome: z.enum(OUTCOMES),
    /** When the interview is (for `interview`). */
    interviewAt: z.iso.datetime({ offset: true }).optional(),
    /** The seeker's reason for a refusal; without one the refusal counts as without cause. */
    cause: z.string().trim().max(200).optional(),
    note: z.string().trim().max(200).optional(),
  })
  .refine((v) => v.outcome !== 'interview' || v.interviewAt !== undefined, {
    path: ['interviewAt'],
    message: 'job.interview_time_required',
  });

export const contactBody = z.object({ enterpriseId: idSchema, userId: idSchema });

export const recommendationListQuery = z.object({
  job: optionalParam(idSchema),
  seeker: optionalParam(idSchema),
  cursor: cursorParam,
  limit: limitSchema,
});

// ---- responses ----

export const jobSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  title: z.string(),
  description: z.string(),
  openings: z.number().int(),
  filled: z.number().int(),
  skills: z.array(z.string()),
  education: z.enum(EDUCATION_LEVELS),
  salaryMinFen: z.number().int(),
  salaryMaxFen: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  validUntil: z.string(),
  publicService: z.boolean(),
  status: z.enum(JOB_STATUSES),
  /** Past its valid-until day: off the open list whatever its status. */
  expired: z.boolean(),
  createdAt: z.string(),
});
export type Job = z.infer<typeof jobSchema>;
export const jobPageSchema = pageOf(jobSchema);

/** A person as the job service shows them: masked ID and phone, as the register's lists do. */
const personFields = {
  personId: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  age: z.number().int(),
  idNumber: z.string(),
  phone: z.string(),
  regionCode: z.string(),
  groups: z.array(z.enum(SEEKER_GROUPS)),
};

export const seekerSchema = z.object({
  id: z.string(),
  ...personFields,
  skills: z.array(z.string()),
  wantedJobs: z.array(z.string()),
  education: z.enum(EDUCATION_LEVELS),
  expectedSalaryFen: z.number().int().nullable(),
  availability: z.enum(AVAILABILITIES),
  caseWorkerId: z.string().nullable(),
  caseWorkerName: z.string().nullable(),
  status: z.enum(SEEKER_STATUSES),
  refusalsWithoutCause: z.number().int(),
  /** Three refusals without cause: the case worker should talk to the seeker. */
  flagged: z.boolean(),
  registeredOn: z.string(),
  /** The seeker asked for no text alerts of new jobs. */
  smsOptOut: z.boolean(),
});
export type Seeker = z.infer<typeof seekerSchema>;
export const seekerPageSchema = pageOf(seekerSchema);

export const candidateSchema = z.object({
  ...personFields,
  tags: z.array(z.string()),
  /** The seeker registration made from this person, if any. */
  seekerId: z.string().nullable(),
});
export type Candidate = z.infer<typeof candidateSchema>;
export const candidatePageSchema = pageOf(candidateSchema);

export const matchReasonsSchema = z.object({
  skillsMatched: z.array(z.string()),
  skillsMissing: z.array(z.string()),
  distance: z.object({ level: z.enum(DISTANCE_LEVELS), meters: z.number().int().nullable() }),
  salary: z.enum(['fits', 'above_range', 'unknown']),
  education: z.enum(['meets', 'below']),
  /** A member of a 零就业家庭: served first among equals. */
  priority: z.boolean(),
});
export type MatchReasons = z.infer<typeof matchReasonsSchema>;

export const seekerMatchSchema = z.object({
  seeker: seekerSchema,
  score: z.number().int(),
  reasons: matchReasonsSchema,
  recommendation: z.enum(RECOMMENDATION_STATUSES).nullable(),
});
export const seekerMatchListSchema = z.object({ items: z.array(seekerMatchSchema) });
export type SeekerMatch = z.infer<typeof seekerMatchSchema>;

export const jobMatchSchema = z.object({
  job: jobSchema,
  score: z.number().int(),
  reasons: matchReasonsSchema,
  recommendation: z.enum(RECOMMENDATION_STATUSES).nullable(),
});
export const jobMatchListSchema = z.object({ items: z.array(jobMatchSchema) });
export type JobMatch = z.infer<typeof jobMatchSchema>;

export const recommendationSchema = z.object({
  id: z.string(),
  jobId: z.string(),
  jobTitle: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  seekerId: z.string(),
  seekerName: z.string(),
  seekerPhone: z.string(),
  status: z.enum(RECOMMENDATION_STATUSES),
  interviewAt: z.string().nullable(),
  refusalCause: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  fairId: z.string().nullable(),
});
export type Recommendation = z.infer<typeof recommendationSchema>;
export const recommendationPageSchema = pageOf(recommendationSchema);

export const seekerDetailSchema = z.object({
  seeker: seekerSchema,
  recommendations: z.array(recommendationSchema),
});
export type SeekerDetail = z.infer<typeof seekerDetailSchema>;

export const contactSchema = z.object({
  userId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
});
export const myEnterprisesSchema = z.object({ items: z.array(contactSchema) });
export type OutcomeBody = z.input<typeof outcomeBody>;

// ---- job fairs (招聘会, 农民办事大集) and text alerts of new jobs ----

export const FAIR_KINDS = ['job_fair', 'market'] as const;
export type FairKind = (typeof FAIR_KINDS)[number];
export const FAIR_STATUSES = ['planned', 'open', 'closed', 'cancelled'] as const;
export type FairStatus = (typeof FAIR_STATUSES)[number];

const instant = z.iso.datetime({ offset: true });
const endsAfterStart = (v: { startsAt?: string | undefined; endsAt?: string | undefined }) =>
  v.startsAt === undefined || v.endsAt === undefined || Date.parse(v.endsAt) > Date.parse(v.startsAt);
const uniqueIds = (list: readonly string[]) => new Set(list).size === list.length;

export const fairBody = z
  .object({
    kind: z.enum(FAIR_KINDS),
    title: text(100),
    place: text(200),
    regionCode: regionCodeSchema,
    startsAt: instant,
    endsAt: instant,
    seekerCapacity: z.number().int().min(1).max(100_000).nullable().default(null),
  })
  .refine(endsAfterStart, { path: ['endsAt'], message: 'job.fair_ends_before_start' });

export const updateFairBody = z
  .object({
    title: text(100).optional(),
    place: text(200).optional(),
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    status: z.enum(FAIR_STATUSES).optional(),
    seekerCapacity: z.number().int().min(1).max(100_000).nullable().optional(),
  })
  .refine(endsAfterStart, { path: ['endsAt'], message: 'job.fair_ends_before_start' });

export const fairListQuery = z.object({
  region: optionalParam(regionCodeSchema),
  status: optionalParam(z.enum(FAIR_STATUSES)),
  cursor: cursorParam,
  limit: limitSchema,
});

export const fairEnterpriseBody = z.object({
  enterpriseId: idSchema,
  jobIds: z.array(idSchema).max(50).refine(uniqueIds, { message: 'job.duplicate_job' }),
});
export const myFairEnterpriseBody = fairEnterpriseBody.extend({ fairId: idSchema });
export const fairSeekerBody = z.object({ seekerId: idSchema });
export const smsOptOutBody = z.object({ optOut: z.boolean() });

export const fairSchema = z.object({
  id: z.string(),
  kind: z.enum(FAIR_KINDS),
  title: z.string(),
  place: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(FAIR_STATUSES),
  seekerCapacity: z.number().int().nullable(),
  enterprises: z.number().int(),
  seekers: z.number().int(),
  createdAt: z.string(),
});
export type Fair = z.infer<typeof fairSchema>;
export const fairPageSchema = pageOf(fairSchema);
export const fairTopSeekerSchema = z.object({
  seekerId: z.string(),
  name: z.string(),
  score: z.number().int(),
  reasons: matchReasonsSchema,
  recommendation: z.enum(RECOMMENDATION_STATUSES).nullable(),
});
export const fairDetailSchema = z.object({
  fair: fairSchema,
  enterprises: z.array(
    z.object({
      enterpriseId: z.string(),
      enterpriseName: z.string(),
      jobs: z.array(z.object({ job: jobSchema, topSeekers: z.array(fairTopSeekerSchema) })),
    }),
  ),
  seekers: z.array(seekerSchema),
  results: z.object({
    recommendations: z.number().int(),
    interviews: z.number().int(),
    hires: z.number().int(),
  }),
});
export type FairDetail = z.infer<typeof fairDetailSchema>;
export const myJobAlertsSchema = z.object({ registered: z.boolean(), optOut: z.boolean() });
