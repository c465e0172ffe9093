import { v7 as uuidv7 } from 'uuid';
import type { WorkOrderStatus, WorkOrderStep } from '../../../shared/work-orders.js';
import type { Executor } from '../../db/database.js';
import type { WorkOrder } from '../../db/tables.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/audit.repository.js';
import { bumpWorkOrderRollups, type OrderBeforeStep } from '../cockpit/rollups.js';
import { workOrdersRepository } from './work-orders.repository.js';

/**
 * Writes what every step of an order leaves behind, in the step's transaction: an event on the
 * order's timeline (who, when, note, particulars), a link in the audit chain, and the cockpit's
 * counters. `order` is the order as it was before the step (the step has already written it).
 */
export async function recordStep(
  ctx: ServiceContext,
  trx: Executor,
  order: Pick<WorkOrder, 'id' | 'district_code' | 'region_code' | 'number'> & OrderBeforeStep,
  step: {
    action: WorkOrderStep;
    from: WorkOrderStatus | null;
    to: WorkOrderStatus;
    actor: AuditActor;
    note?: string | undefined;
    data?: Record<string, unknown>;
  },
): Promise<string> {
  const eventId = uuidv7();
  const at = ctx.now().toISOString();
  await workOrdersRepository.insertEvent(trx, {
    id: eventId,
    district_code: order.district_code,
    work_order_id: order.id,
    action: step.action,
    from_status: step.from,
    to_status: step.to,
    actor_id: step.actor.id,
    actor_name: step.actor.name ?? '',
    note: step.note ?? '',
    data: JSON.stringify(step.data ?? {}),
    at,
  });
  await ctx.audit.append(trx, step.actor, {
    action: `workorder.${step.action}`,
    targetType: 'work_order',
    targetId: order.id,
    regionCode: order.region_code,
    summary: { number: order.number, from: step.from, to: step.to, ...(step.data ?? {}) },
  });
  await bumpWorkOrderRollups(trx, order, { action: step.action, from: step.from, data: step.data, at });
  return eventId;
}
