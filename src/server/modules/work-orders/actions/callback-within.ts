import type { Satisfaction, WorkOrderStatus } from '../../../../shared/work-orders.js';
import type { Executor } from '../../../db/database.js';
import { conflict } from '../../../http/errors.js';
import type { ServiceContext } from '../../../services.js';
import type { AuditActor } from '../../audit/index.js';
import type { CatalogueSnapshot } from '../../catalogue/index.js';
import { WorkOrderStep } from '../work-order-steps.js';
import { workOrdersRepository } from '../work-orders.repository.js';
import { callbackStep } from './callback-step.js';
import { tellHandlers } from './notices.js';
import { TRANSITIONS } from './work-order-rules.js';

/**
 * The callback step (回访) taken inside another module's transaction, for a verdict that module
 * heard itself: a satisfaction survey's answer about a named order. Same rule (only from `closed`),
 * same outcome (`callbackStep`: unsatisfied reopens with a fresh deadline), same event, audit row,
 * counters and message to the handlers as a staff callback. The caller has already decided it may
 * speak for the order (its own record names it); `by` says who heard the verdict, on the event.
 * Answers the status the order went to, or undefined when it was not awaiting a callback.
 */
export async function callbackWithin(
  ctx: ServiceContext,
  trx: Executor,
  catalogue: CatalogueSnapshot,
  orderId: string,
  verdict: { satisfaction: Satisfaction; actor: AuditActor; note: string; by: string },
): Promise<WorkOrderStatus | undefined> {
  const order = await workOrdersRepository.findUnscoped(trx, orderId, ctx.database.dialect);
  if (!order || !TRANSITIONS.callback.from.includes(order.status)) return undefined;
  const now = ctx.now();
  const category = catalogue.categories.get(order.category_code)!;
  const step = callbackStep(
    order,
    verdict.satisfaction,
    now,
    catalogue.calendarOf(order.district_code),
    category,
  );
  const changed = await workOrdersRepository.update(trx, order.id, order.version, {
    ...step.changes,
    status: step.to,
    updated_at: now.toISOString(),
  });
  if (!changed) throw conflict('workorder.conflict');
  await WorkOrderStep.writeEventAuditAndCounters(ctx, trx, order, {
    action: 'callback',
    from: order.status,
    to: step.to,
    actor: verdict.actor,
    note: verdict.note,
    data: { ...step.data, by: verdict.by },
  });
  if (step.to === 'in_progress') {
    const updated = (await workOrdersRepository.findUnscoped(trx, order.id))!;
    await tellHandlers(ctx, trx, catalogue, updated, 'order_reopened', {});
  }
  return step.to;
}
