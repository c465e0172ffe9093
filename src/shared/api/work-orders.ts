import { z } from 'zod';
import { normalizePhone, validateMobilePhone } from '../validators/phone.js';
import { CHANNELS, SATISFACTION, WORK_ORDER_ACTIONS, WORK_ORDER_STATUSES } from '../work-orders.js';
import {
  cursorParam,
  idSchema,
  itemsOf,
  limitSchema,
  optionalParam,
  pageOf,
  regionCodeSchema,
} from './common.js';

/** Request and response shapes of /api/work-orders (the catalogue and deeds have their own files). */

/** A mobile number, or a landline with its area code (0451-86661234): what callers leave. */
export const contactPhoneSchema = z
  .string()
  .trim()
  .transform((raw, context) => {
    const mobile = validateMobilePhone(raw);
    if (mobile.ok) return mobile.value;
    const landline = normalizePhone(raw);
    if (/^0\d{2,3}\d{7,8}$/.test(landline)) return landline;
    context.addIssue({ code: 'custom', message: 'workorder.phone' });
    return z.NEVER;
  });

export const createWorkOrderBody = z
  .object({
    categoryCode: z.string().trim().min(1).max(40),
    description: z.string().trim().min(1).max(2000),
    channel: z.enum(CHANNELS).exclude(['portal', 'open311']),
    regionCode: regionCodeSchema.optional(),
    householdId: idSchema.optional(),
    personId: idSchema.optional(),
    hotlineId: idSchema.optional(),
    contactName: z.string().trim().max(50).optional(),
    contactPhone: contactPhoneSchema.optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
    urgent: z.boolean().optional(),
    address: z.string().trim().max(200).optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  })
  .strict();

export const actionBody = z
  .object({
    action: z.enum(WORK_ORDER_ACTIONS),
    note: z.string().trim().max(2000).optional(),
    version: z.number().int().min(1).optional(),
    targetRegionCode: regionCodeSchema.optional(),
    assigneeUserId: idSchema.optional(),
    assigneeMemberId: idSchema.optional(),
    days: z.number().int().min(1).max(30).optional(),
    approve: z.boolean().optional(),
    satisfaction: z.enum(SATISFACTION).optional(),
    attachmentIds: z.array(idSchema).max(9).optional(),
  })
  .strict();

export const listQuery = z.object({
  view: optionalParam(
    z.enum(['all', 'mine', 'to_sign', 'overdue', 'supervision', 'to_callback', 'to_review']),
  ),
  status: optionalParam(z.enum(WORK_ORDER_STATUSES)),
  category: optionalParam(z.string().max(40)),
  region: optionalParam(regionCodeSchema),
  channel: optionalParam(z.enum(CHANNELS)),
  /** The orders of one household (its page's 走访与工单), within what the caller may see. */
  household: optionalParam(idSchema),
  /** Within the view: past their deadline, or reopened (重办) after an unsatisfied callback. */
  flag: optionalParam(z.enum(['overdue', 'reopened'])),
  cursor: cursorParam,
  limit: limitSchema,
});

export const similarQuery = z.object({
  categoryCode: z.string().min(1).max(40),
  regionCode: regionCodeSchema,
  householdId: optionalParam(idSchema),
});

export const callerQuery = z.object({ phone: contactPhoneSchema });

export const workOrderSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    status: z.enum(WORK_ORDER_STATUSES),
    categoryCode: z.string(),
    categoryName: z.string(),
    description: z.string(),
    attributes: z.record(z.string(), z.unknown()),
    regionCode: z.string(),
    regionName: z.string(),
    householdId: z.string().nullable(),
    personId: z.string().nullable(),
    address: z.string(),
    channel: z.enum(CHANNELS),
    hotlineId: z.string().nullable(),
    intakeUserId: z.string().nullable(),
    contactName: z.string(),
    contactPhone: z.string(),
    urgent: z.boolean(),
    handlerRegionCode: z.string(),
    dispatcherRegionCode: z.string().nullable(),
    assigneeUserId: z.string().nullable(),
    assigneeMemberId: z.string().nullable(),
    signDueAt: z.string().nullable(),
    dueAt: z.string(),
    callbackDueAt: z.string().nullable(),
    overdue: z.boolean(),
    escalatedRegionCode: z.string().nullable(),
    urgeCount: z.number(),
    supervised: z.boolean(),
    reopenCount: z.number(),
    satisfaction: z.enum(SATISFACTION).nullable(),
    resolution: z.string(),
    publicDescription: z
      .string()
      .nullable()
      .describe(
        'what Open311 publishes as the description (staff’s text or the resident’s screened words); null: none',
      ),
    pendingExtension: z.object({ days: z.number(), reason: z.string() }).nullable(),
    closedAt: z.string().nullable(),
    closedOnTime: z.boolean().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  })
  .meta({ id: 'WorkOrder' });

export const eventSchema = z.object({
  id: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string(),
  note: z.string(),
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
});

export const attachmentSchema = z.object({
  id: z.string(),
  eventId: z.string().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  hasThumbnail: z.boolean(),
  createdAt: z.string(),
});

export const workOrderDetailSchema = workOrderSchema.extend({
  events: z.array(eventSchema),
  attachments: z.array(attachmentSchema),
  availableActions: z.array(z.enum(WORK_ORDER_ACTIONS)),
});

export const workOrderPageSchema = pageOf(workOrderSchema);
export const workOrderListSchema = itemsOf(workOrderSchema);

export type WorkOrder = z.infer<typeof workOrderSchema>;
export type WorkOrderEvent = z.infer<typeof eventSchema>;
export type WorkOrderAttachment = z.infer<typeof attachmentSchema>;
export type WorkOrderDetail = z.infer<typeof workOrderDetailSchema>;
export type NewWorkOrder = z.input<typeof createWorkOrderBody>;
/** One step on an order; `version` is the one the user saw (a newer order answers 409). */
export type ActionBody = z.input<typeof actionBody>;
export type SimilarInput = z.output<typeof similarQuery>;

/** A resident the caller's number belongs to (the register's blind index finds them). */
export const callerPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  age: z.number().int(),
  regionCode: z.string(),
  householdId: z.string().nullable(),
  address: z.string(),
});
export type CallerPerson = z.infer<typeof callerPersonSchema>;
export const callerMatchSchema = z.object({
  persons: z.array(callerPersonSchema),
  orders: z.array(workOrderSchema),
});
export type CallerMatch = z.infer<typeof callerMatchSchema>;

/** Where an order can go from its holder: units down the tree, staff, members with an account. */
export const dispatchOptionsSchema = z.object({
  units: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string() })),
  users: z.array(
    z.object({ id: z.string(), displayName: z.string(), role: z.string(), regionCode: z.string() }),
  ),
  members: z.array(z.object({ id: z.string(), name: z.string(), regionCode: z.string() })),
});
export type DispatchOptions = z.infer<typeof dispatchOptionsSchema>;
