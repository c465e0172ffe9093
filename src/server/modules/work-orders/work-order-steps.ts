import { v7 as uuidv7 } from 'uuid';
import type { WorkOrderStep as StepName, WorkOrderStatus } from '../../../shared/work-orders.js';
import type { Executor } from '../../db/database.js';
import type { WorkOrder } from '../../db/tables.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { bumpWorkOrderRollups, type OrderBeforeStep } from '../cockpit/index.js';
import { workOrdersRepository } from './work-orders.repository.js';

type StepOrder = Pick<WorkOrder, 'id' | 'district_code' | 'region_code' | 'number'> & OrderBeforeStep;

export interface StepRecord {
  action: StepName;
  from: WorkOrderStatus | null;
  to: WorkOrderStatus;
  actor: AuditActor;
  note?: string | undefined;
  data?: Record<string, unknown>;
}

/**
 * What every step of an order leaves behind besides the order row itself: intake, each action,
 * the clock marking it overdue, a resident's callback. All three writes go into the step's
 * transaction, and the method's name says each of them at every call site:
 *
 * 1. the **event** on the order's timeline (`work_order_events`: who, when, note, particulars);
 * 2. a **link in the audit chain** (`audit_log`, action `workorder.<action>`);
 * 3. the cockpit's **work-order counters** of the order's region and its ancestors
 *    (`region_rollups`, see cockpit/rollups.ts).
 *
 * `order` is the order as it was before the step; the step has already written the order, and
 * the counters read it back to count what changed. Notifications are not written here: each step
 * queues its own, where it decides whom to tell.
 */
export const WorkOrderStep = {
  /** Writes the event, the audit row and the counters of one step; returns the event's id. */
  async writeEventAuditAndCounters(
    ctx: ServiceContext,
    trx: Executor,
    order: StepOrder,
    step: StepRecord,
  ): Promise<string> {
    const at = ctx.now().toISOString();
    const eventId = await writeEvent(trx, order, step, at);
    await writeAudit(ctx, trx, order, step);
    await bumpWorkOrderRollups(trx, order, { action: step.action, from: step.from, data: step.data, at });
    return eventId;
  },
};

async function writeEvent(trx: Executor, order: StepOrder, step: StepRecord, at: string): Promise<string> {
  const eventId = uuidv7();
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
  return eventId;
}

function writeAudit(ctx: ServiceContext, trx: Executor, order: StepOrder, step: StepRecord): Promise<void> {
  return ctx.audit.append(trx, step.actor, {
    action: `workorder.${step.action}`,
    targetType: 'work_order',
    targetId: order.id,
    regionCode: order.region_code,
    summary: { number: order.number, from: step.from, to: step.to, ...(step.data ?? {}) },
  });
}
