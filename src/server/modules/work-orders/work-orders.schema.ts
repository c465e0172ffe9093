import { z } from 'zod';
import { maskPhone, normalizePhone, validateMobilePhone } from '../../../shared/validators/phone.js';
import {
  CHANNELS,
  SATISFACTION,
  WORK_ORDER_ACTIONS,
  WORK_ORDER_STATUSES,
} from '../../../shared/work-orders.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { WorkOrder, WorkOrderEvent } from '../../db/tables.js';
import { idSchema, limitSchema, optionalParam, regionCodeSchema } from '../../http/common-schemas.js';
import { cursorParam } from '../../http/pagination.js';
import type { WorkOrderView } from './work-orders.repository.js';

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

export const idParams = z.object({ id: idSchema });

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

export const workOrderPageSchema = z.object({
  items: z.array(workOrderSchema),
  nextCursor: z.string().nullable(),
});

type OrderLike = WorkOrder & Partial<Pick<WorkOrderView, 'category_name' | 'region_name'>>;

export function toWorkOrderDto(crypto: FieldCrypto, order: OrderLike): z.infer<typeof workOrderSchema> {
  const extension = order.pending_extension
    ? (JSON.parse(order.pending_extension) as { days: number; reason: string })
    : null;
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    categoryCode: order.category_code,
    categoryName: order.category_name ?? '',
    description: order.description,
    attributes: JSON.parse(order.attributes) as Record<string, unknown>,
    regionCode: order.region_code,
    regionName: order.region_name ?? '',
    householdId: order.household_id,
    personId: order.person_id,
    address: order.address,
    channel: order.channel,
    hotlineId: order.hotline_id,
    intakeUserId: order.intake_user_id,
    contactName: order.contact_name,
    contactPhone: order.contact_phone_enc
      ? maskPhone(crypto.decrypt('person.phone', order.contact_phone_enc))
      : '',
    urgent: order.urgent === 1,
    handlerRegionCode: order.handler_region_code,
    dispatcherRegionCode: order.dispatcher_region_code,
    assigneeUserId: order.assignee_user_id,
    assigneeMemberId: order.assignee_member_id,
    signDueAt: order.sign_due_at,
    dueAt: order.due_at,
    callbackDueAt: order.callback_due_at,
    overdue: order.overdue === 1,
    escalatedRegionCode: order.escalated_region_code,
    urgeCount: order.urge_count,
    supervised: order.supervised === 1,
    reopenCount: order.reopen_count,
    satisfaction: order.satisfaction,
    resolution: order.resolution,
    publicDescription: order.public_description,
    pendingExtension: extension ? { days: extension.days, reason: extension.reason } : null,
    closedAt: order.closed_at,
    closedOnTime: order.closed_on_time === null ? null : order.closed_on_time === 1,
    createdAt: order.created_at,
    updatedAt: order.updated_at,
    version: order.version,
  };
}

export const toEventDto = (event: WorkOrderEvent): z.infer<typeof eventSchema> => ({
  id: event.id,
  action: event.action,
  fromStatus: event.from_status,
  toStatus: event.to_status,
  actorName: event.actor_name,
  note: event.note,
  data: JSON.parse(event.data) as Record<string, unknown>,
  at: event.at,
});
