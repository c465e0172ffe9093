import { z } from 'zod';
import { auditReasonSchema, cursorParam, limitSchema, optionalParam, regionCodeSchema } from './common.js';

/**
 * Relocation (易地搬迁, 征地拆迁与回迁安置): request and response shapes shared by the server's
 * routes and the web. Money is integer fen; areas are integer square decimetres, hundredths of a
 * square metre (12.34 m² is 1234), so sums are exact; dates are Beijing calendar dates (YYYY-MM-DD).
 */

/** Whose land and house are taken: a household of the register or an enterprise. */
export const RELOCATION_SUBJECTS = ['household', 'enterprise'] as const;
export type RelocationSubject = (typeof RELOCATION_SUBJECTS)[number];

/** 农村房屋征收 (land acquisition, farm households) or 棚户区改造 (shanty-town renewal). */
export const RELOCATION_PROGRAMS = ['land', 'shantytown'] as const;
export type RelocationProgram = (typeof RELOCATION_PROGRAMS)[number];

export const RELOCATION_STATUSES = ['surveyed', 'agreed', 'paid', 'moved', 'resettled', 'withdrawn'] as const;
export type RelocationStatus = (typeof RELOCATION_STATUSES)[number];

export const RELOCATION_ACTIONS = ['agree', 'pay', 'move', 'resettle', 'withdraw'] as const;
export type RelocationAction = (typeof RELOCATION_ACTIONS)[number];

/** Statuses in which the household or enterprise has left: what "relocated" counts. */
export const RELOCATED_STATUSES: readonly RelocationStatus[] = ['moved', 'resettled'];
/** Statuses in which the compensation has been paid. */
export const PAID_STATUSES: readonly RelocationStatus[] = ['paid', 'moved', 'resettled'];

/** Channels a dispute may come in by (the work order's channel). */
export const DISPUTE_CHANNELS = ['visit', 'walk_in', 'hotline'] as const;
/** A dispute's work-order category when the caller names none: 征地拆迁咨询 (handled by the district). */
export const DISPUTE_CATEGORY = 'proxy.land_acquisition';

const day = z.iso.date({ error: 'relocation.date_format' });
/** Hundredths of a square metre, up to 100 km² (a farm's land is counted in mu, 666.67 m² each). */
const area = z
  .number({ error: 'relocation.area' })
  .int('relocation.area')
  .min(0, 'relocation.area')
  .max(10_000_000_000, 'relocation.area');
const fen = z
  .number({ error: 'relocation.amount_fen' })
  .int('relocation.amount_fen')
  .min(1, 'relocation.amount_fen')
  .max(100_000_000_000_00, 'relocation.amount_fen');
const note = z.string().trim().max(1000, 'field.too_long').default('');

export const createCaseBody = z
  .object({
    subject: z.enum(RELOCATION_SUBJECTS, { error: 'field.invalid_value' }),
    /** The household's or the enterprise's id. */
    subjectId: z.string({ error: 'field.required' }).uuid('field.invalid'),
    program: z.enum(RELOCATION_PROGRAMS, { error: 'field.invalid_value' }),
    landAreaDm2: area,
    houseAreaDm2: area,
    surveyedOn: day,
    note,
  })
  .strict();
export type CreateCaseBody = z.output<typeof createCaseBody>;

export const agreeBody = z.object({ compensationFen: fen, agreedOn: day, note }).strict();
export const payBody = z.object({ paidOn: day, note }).strict();
export const moveBody = z.object({ movedOn: day, note }).strict();
export const resettleBody = z
  .object({
    resettlementId: z.string({ error: 'field.required' }).uuid('field.invalid'),
    /** The flat: building, entrance and room, as the community numbers them (3-2-501). */
    unit: z
      .string({ error: 'relocation.unit_required' })
      .trim()
      .min(1, 'relocation.unit_required')
      .max(40, 'field.too_long'),
    resettledOn: day,
    note,
  })
  .strict();
export const withdrawBody = z.object({ reason: auditReasonSchema, withdrawnOn: day }).strict();
export const disputeBody = z
  .object({
    description: z
      .string({ error: 'relocation.dispute_required' })
      .trim()
      .min(4, 'relocation.dispute_required')
      .max(2000, 'field.too_long'),
    channel: z.enum(DISPUTE_CHANNELS, { error: 'field.invalid_value' }).default('visit'),
    categoryCode: z.string().trim().min(1).max(60).optional(),
    urgent: z.boolean().optional(),
  })
  .strict();

export const caseSummarySchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  subject: z.enum(RELOCATION_SUBJECTS),
  subjectId: z.string(),
  subjectName: z.string(),
  program: z.enum(RELOCATION_PROGRAMS),
  landAreaDm2: z.number().int(),
  houseAreaDm2: z.number().int(),
  compensationFen: z.number().int().nullable(),
  status: z.enum(RELOCATION_STATUSES),
  surveyedOn: z.string(),
  resettlementId: z.string().nullable(),
  resettlementName: z.string().nullable(),
  unit: z.string().nullable(),
  /** Disputes raised on the case (each became a work order). */
  disputes: z.number().int(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;
export const casePageSchema = z.object({
  items: z.array(caseSummarySchema),
  nextCursor: z.string().nullable(),
});

export const caseEventSchema = z.object({
  id: z.string(),
  action: z.enum(['survey', ...RELOCATION_ACTIONS]),
  fromStatus: z.enum(RELOCATION_STATUSES).nullable(),
  toStatus: z.enum(RELOCATION_STATUSES),
  onDay: z.string(),
  note: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export const caseDisputeSchema = z.object({
  id: z.string(),
  description: z.string(),
  workOrderId: z.string(),
  workOrderNumber: z.string(),
  raisedBy: z.string().nullable(),
  createdAt: z.string(),
});
export const caseDetailSchema = caseSummarySchema.extend({
  note: z.string(),
  agreedOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  movedOn: z.string().nullable(),
  resettledOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  /** What may be done next from this status (the page offers only these). */
  nextActions: z.array(z.enum(RELOCATION_ACTIONS)),
  events: z.array(caseEventSchema),
  disputes: z.array(caseDisputeSchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const disputeResultSchema = z.object({
  caseId: z.string(),
  disputeId: z.string(),
  workOrderId: z.string(),
  number: z.string(),
});

export const caseListQuery = z.object({
  cursor: cursorParam,
  limit: limitSchema,
  status: optionalParam(z.enum(RELOCATION_STATUSES, { error: 'field.invalid_value' })),
  subject: optionalParam(z.enum(RELOCATION_SUBJECTS, { error: 'field.invalid_value' })),
  program: optionalParam(z.enum(RELOCATION_PROGRAMS, { error: 'field.invalid_value' })),
  region: optionalParam(regionCodeSchema),
  /** The work order a dispute became: the order's side of the link. */
  order: optionalParam(z.string().uuid('field.invalid')),
});

export const createResettlementBody = z
  .object({
    /** The community (安置社区) of the region tree. */
    regionCode: regionCodeSchema,
    /** The estate's own name (安置小区), e.g. 哈南新城回迁小区. */
    name: z
      .string({ error: 'relocation.name_required' })
      .trim()
      .min(2, 'relocation.name_required')
      .max(100, 'field.too_long'),
    capacityUnits: z
      .number({ error: 'relocation.capacity' })
      .int('relocation.capacity')
      .min(1, 'relocation.capacity')
      .max(1_000_000, 'relocation.capacity'),
  })
  .strict();
export const updateResettlementBody = z
  .object({ capacityUnits: createResettlementBody.shape.capacityUnits })
  .strict();

export const resettlementSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  capacityUnits: z.number().int(),
  occupiedUnits: z.number().int(),
});
export type Resettlement = z.infer<typeof resettlementSchema>;
export const resettlementListSchema = z.object({ items: z.array(resettlementSchema) });
export const regionQuery = z.object({ region: optionalParam(regionCodeSchema) });

/** One region's figures: cases by status, households relocated and resettled, compensation paid. */
export const relocationTotalsRowSchema = z.object({
  regionCode: z.string(),
  name: z.string(),
  byStatus: z.record(z.enum(RELOCATION_STATUSES), z.number().int()),
  householdsRelocated: z.number().int(),
  householdsResettled: z.number().int(),
  enterprisesRelocated: z.number().int(),
  compensationPaidFen: z.number().int(),
});
export const relocationTotalsSchema = z.object({
  region: relocationTotalsRowSchema,
  children: z.array(relocationTotalsRowSchema),
});
export type RelocationTotals = z.infer<typeof relocationTotalsSchema>;
