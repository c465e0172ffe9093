import { z } from 'zod';
import {
  cursorParam,
  idParams,
  idSchema,
  limitSchema,
  optionalParam,
  pageOf,
  regionCodeSchema,
} from './common.js';

/**
 * 大走访: request and response shapes of the visits API, defined once for server and web (the web
 * derives its types with z.infer). No server imports here. Custom refinement messages are message
 * codes that the server localizes (src/server/i18n/visit-messages.ts).
 */

export const VISIT_METHODS = ['home', 'phone', 'interview', 'station'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
export const VISIT_OUTCOMES = ['met', 'not_home', 'refused', 'moved_out'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];
export const NEED_TYPES = ['dispute', 'request', 'security', 'fire', 'sanitation', 'hardship'] as const;
export type NeedType = (typeof NEED_TYPES)[number];
export const CAMPAIGN_RULES = ['every_household', 'tagged_monthly', 'assigned'] as const;
export type CampaignRule = (typeof CAMPAIGN_RULES)[number];
export const CHANGE_KINDS = ['moved_out', 'new_phone', 'death', 'new_tag'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const TIME_SLOTS = ['morning', 'afternoon', 'evening'] as const;
export type TimeSlot = (typeof TIME_SLOTS)[number];
export const ASSIGN_BY = ['grid', 'care'] as const;

/** A need's work-order category when the recorder names none (a leaf of the shared catalogue). */
export const NEED_CATEGORY: Record<NeedType, string> = {
  dispute: 'complaint.service',
  request: 'policy.general',
  security: 'environment.lighting',
  fire: 'environment.corridor',
  sanitation: 'environment.garbage',
  hardship: 'livelihood.hardship',
};

const regionCode = regionCodeSchema;
const id = idSchema;
const day = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const optionalQuery = optionalParam;
const text = (max: number) => z.string().trim().max(max);

export { idParams };

// ---- campaigns ----

export const createCampaignBody = z
  .object({
    name: text(100).min(1),
    regionCode,
    startsOn: day,
    endsOn: day,
    rule: z.enum(CAMPAIGN_RULES),
    /** every_household: at least this many visits per household in the period. */
    minVisits: z.number().int().min(1).max(52).default(1),
    /** tagged_monthly: the register tag (独居老人, 低保户, 残疾人 …) by name. */
    tag: text(32).min(1).optional(),
    /** How households are first given to visitors: the grid's workers, the caring member, or none. */
    assignBy: z.enum(ASSIGN_BY).optional(),
  })
  .strict()
  .refine((body) => body.endsOn >= body.startsOn, { path: ['endsOn'], message: 'visit.ends_before_start' })
  .refine((body) => body.rule !== 'tagged_monthly' || body.tag !== undefined, {
    path: ['tag'],
    message: 'field.required',
  });
export type CreateCampaignBody = z.infer<typeof createCampaignBody>;

export const campaignSchema = z
  .object({
    id,
    name: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    rule: z.enum(CAMPAIGN_RULES),
    minVisits: z.number(),
    tag: z.string().nullable(),
    status: z.enum(['active', 'closed']),
    households: z.number(),
    met: z.number(),
    attempted: z.number(),
    covered: z.number(),
    createdAt: z.string(),
  })
  .meta({ id: 'VisitCampaign' });
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignListQuery = z.object({
  region: optionalQuery(regionCode),
  cursor: cursorParam,
  limit: limitSchema,
});

/** Give households to a visitor (by hand or in bulk), or take them back (visitorUserId null). */
export const assignBody = z
  .object({
    householdIds: z.array(id).min(1).max(500),
    visitorUserId: id.nullable(),
  })
  .strict();

/** A different target (visits per household) for one visitor's or one region's households. */
export const targetBody = z
  .object({
    targetVisits: z.number().int().min(1).max(52),
    visitorUserId: id.optional(),
    regionCode: regionCode.optional(),
  })
  .strict()
  .refine((body) => (body.visitorUserId === undefined) !== (body.regionCode === undefined), {
    path: ['visitorUserId'],
    message: 'visit.target_one_of',
  });

// ---- my households ----

export const visitTargetSchema = z
  .object({
    campaignId: id,
    campaignName: z.string(),
    householdId: id,
    regionCode: z.string(),
    address: z.string(),
    headName: z.string(),
    visitorUserId: z.string().nullable(),
    visitorName: z.string().nullable(),
    targetVisits: z.number(),
    metCount: z.number(),
    attemptCount: z.number(),
    lastVisitAt: z.string().nullable(),
    lastOutcome: z.enum(VISIT_OUTCOMES).nullable(),
    revisitSlot: z.enum(TIME_SLOTS).nullable(),
    returnVisitDue: z.boolean(),
  })
  .meta({ id: 'VisitTarget' });
export type VisitTarget = z.infer<typeof visitTargetSchema>;

export const targetListQuery = z.object({
  campaign: optionalQuery(id),
  region: optionalQuery(regionCode),
  visitor: optionalQuery(id),
  /** open: not yet at target; overdue: not at target and the period more than half gone unvisited. */
  state: optionalQuery(z.enum(['open', 'overdue', 'return_due'])),
  cursor: cursorParam,
  limit: limitSchema,
});

// ---- visits ----

const needInput = z.object({ type: z.enum(NEED_TYPES), description: text(500).min(1) }).strict();
const changeInput = z
  .object({
    kind: z.enum(CHANGE_KINDS),
    personId: id,
    /** new_phone: the number; new_tag: the tag's name; otherwise empty. */
    value: text(32).default(''),
    note: text(300).default(''),
  })
  .strict()
  .refine((c) => (c.kind !== 'new_phone' && c.kind !== 'new_tag') || c.value !== '', {
    path: ['value'],
    message: 'field.required',
  });

export const recordVisitBody = z
  .object({
    /** Made by the client when the visit is typed: a second send of the same draft answers the first visit. */
    idempotencyKey: id,
    householdId: id,
    campaignId: id.optional(),
    /** Fellow visitors (accounts) besides the one recording. */
    companionUserIds: z.array(id).max(5).default([]),
    startedAt: instant,
    endedAt: instant,
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    method: z.enum(VISIT_METHODS),
    outcome: z.enum(VISIT_OUTCOMES),
    notes: text(2000).default(''),
    needs: z.array(needInput).max(10).default([]),
    changes: z.array(changeInput).max(10).default([]),
  })
  .strict()
  .refine((v) => Date.parse(v.endedAt) >= Date.parse(v.startedAt), {
    path: ['endedAt'],
    message: 'visit.ends_before_start',
  })
  .refine((v) => (v.latitude === undefined) === (v.longitude === undefined), {
    path: ['longitude'],
    message: 'visit.coordinates_pair',
  });
export type RecordVisitBody = z.input<typeof recordVisitBody>;

/** The common case of a round: nobody opened at many doors. */
export const notHomeBody = z
  .object({
    campaignId: id.optional(),
    householdIds: z.array(id).min(1).max(200),
    at: instant,
    method: z.enum(VISIT_METHODS).default('home'),
    /** One key per household, in order, so that a resent batch is stored once. */
    idempotencyKeys: z.array(id).min(1).max(200),
  })
  .strict()
  .refine((b) => b.idempotencyKeys.length === b.householdIds.length, {
    path: ['idempotencyKeys'],
    message: 'visit.keys_per_household',
  })
  .refine((b) => new Set(b.idempotencyKeys).size === b.idempotencyKeys.length, {
    path: ['idempotencyKeys'],
    message: 'visit.keys_unique',
  })
  .refine((b) => new Set(b.householdIds).size === b.householdIds.length, {
    path: ['householdIds'],
    message: 'visit.households_unique',
  });

export const needSchema = z.object({
  id,
  type: z.enum(NEED_TYPES),
  description: z.string(),
  workOrderId: z.string().nullable(),
  workOrderNumber: z.string().nullable(),
  workOrderStatus: z.string().nullable(),
});

export const visitSchema = z
  .object({
    id,
    idempotencyKey: z.string(),
    householdId: id,
    campaignId: z.string().nullable(),
    regionCode: z.string(),
    recordedBy: z.string(),
    recorderName: z.string(),
    companionUserIds: z.array(z.string()),
    startedAt: z.string(),
    endedAt: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    method: z.enum(VISIT_METHODS),
    outcome: z.enum(VISIT_OUTCOMES),
    notes: z.string(),
    revisitSlot: z.enum(TIME_SLOTS).nullable(),
    needs: z.array(needSchema),
    createdAt: z.string(),
  })
  .meta({ id: 'Visit' });
export type Visit = z.infer<typeof visitSchema>;

/** What the visitor sees before knocking: the last visit's summary and open needs. */
export const householdBriefSchema = z.object({
  householdId: id,
  address: z.string(),
  headName: z.string(),
  members: z.array(z.object({ id, name: z.string(), phone: z.string(), tags: z.array(z.string()) })),
  lastVisit: visitSchema.nullable(),
});

export const visitListQuery = z.object({
  household: optionalQuery(id),
  /** The visit a work order came from (the order's side of the need → order link). */
  order: optionalQuery(id),
  campaign: optionalQuery(id),
  region: optionalQuery(regionCode),
  cursor: cursorParam,
  limit: limitSchema,
});

export const toOrderBody = z
  .object({ categoryCode: text(64).min(1).optional(), urgent: z.boolean().optional() })
  .strict();

// ---- change requests ----

export const changeRequestSchema = z
  .object({
    id,
    visitId: id,
    householdId: id,
    personId: id,
    personName: z.string(),
    regionCode: z.string(),
    kind: z.enum(CHANGE_KINDS),
    /** A new phone number is shown masked. */
    value: z.string(),
    note: z.string(),
    status: z.enum(['pending', 'confirmed', 'rejected']),
    decisionNote: z.string(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'VisitChangeRequest' });
export type ChangeRequest = z.infer<typeof changeRequestSchema>;

export const changeRequestQuery = z.object({
  region: optionalQuery(regionCode),
  status: optionalQuery(z.enum(['pending', 'confirmed', 'rejected'])),
  cursor: cursorParam,
  limit: limitSchema,
});

export const decideBody = z
  .object({ decision: z.enum(['confirm', 'reject']), note: text(300).default('') })
  .strict();

// ---- coverage ----

export const coverageQuery = z.object({ region: optionalQuery(regionCode) });

const coverageCounts = {
  households: z.number(),
  attempted: z.number(),
  met: z.number(),
  covered: z.number(),
};
export const coverageSchema = z
  .object({
    campaignId: id,
    regionCode: z.string(),
    /** Every household of the register in the region, the denominator the article counts against. */
    registerHouseholds: z.number(),
    ...coverageCounts,
    regions: z.array(
      z.object({
        regionCode: z.string(),
        name: z.string(),
        registerHouseholds: z.number(),
        ...coverageCounts,
      }),
    ),
    visitors: z.array(
      z.object({ visitorUserId: z.string(), name: z.string(), behind: z.boolean(), ...coverageCounts }),
    ),
  })
  .meta({ id: 'VisitCoverage' });
export type Coverage = z.infer<typeof coverageSchema>;

/** The work order a need became (POST /api/visit-needs/{id}/order). */
export const needOrderSchema = z.object({ needId: z.string(), workOrderId: z.string(), number: z.string() });

/** Pages of the visits API's lists (one definition for routes, web and tests). */
export const campaignPageSchema = pageOf(campaignSchema);
export const visitPageSchema = pageOf(visitSchema);
export const visitTargetPageSchema = pageOf(visitTargetSchema);
export const changeRequestPageSchema = pageOf(changeRequestSchema);
