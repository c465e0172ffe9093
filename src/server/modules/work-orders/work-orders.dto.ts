import type { z } from 'zod';
import type { eventSchema, workOrderSchema } from '../../../shared/api/work-orders.js';
import { maskPhone } from '../../../shared/validators/phone.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { WorkOrder, WorkOrderEvent } from '../../db/tables.js';
import type { WorkOrderView } from './work-orders.repository.js';

/** Rows → the shapes of src/shared/api/work-orders.ts (the contact phone decrypted, then masked). */

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
