import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { recordSweep } from '../../metrics/heartbeats.js';
import type { ServiceContext } from '../../services.js';
import { regionsRepository } from '../regions/index.js';
import type { WorkOrderActions } from './actions/work-order-actions.service.js';
import { overdueRepository } from './overdue.repository.js';
import { WorkOrderStep } from './work-order-steps.js';
import { workOrdersRepository } from './work-orders.repository.js';

/**
 * The clock (超期督办): every open order past its deadline is marked overdue once, escalated to
 * the parent of the unit holding it (where it shows in the supervision list), and its holders are
 * told. Safe to run in several processes at once: the mark is a conditional update (`overdue = 0`),
 * so on PostgreSQL the second sweeper waits for the first one's row lock, then finds nothing to do.
 * Returns the ids it escalated.
 */
export async function sweepOverdue(
  ctx: ServiceContext,
  actions: WorkOrderActions,
  batchSize = 200,
): Promise<string[]> {
  const { db } = ctx.database;
  const escalated: string[] = [];
  const catalogue = await actions.catalogueSnapshot();
  for (;;) {
    const nowIso = ctx.now().toISOString();
    const lapsed = await workOrdersRepository.lapsed(db, nowIso, batchSize);
    let progressed = false;
    for (const order of lapsed) {
      const won = await db.transaction().execute(async (trx) => {
        const parent = (await regionsRepository.findUnscoped(trx, order.handler_region_code))?.parent_code;
        const escalatedTo = parent ?? order.handler_region_code;
        if (!(await overdueRepository.mark(trx, order.id, escalatedTo, nowIso))) return false;
        await WorkOrderStep.writeEventAuditAndCounters(ctx, trx, order, {
          action: 'overdue',
          from: order.status,
          to: order.status,
          actor: SYSTEM_ACTOR,
          data: { dueAt: order.due_at, escalatedTo },
        });
        await actions.tellHandlers(trx, catalogue, order, 'order_overdue', {});
        return true;
      });
      if (won) {
        escalated.push(order.id);
        progressed = true;
      }
    }
    // Stop when the batch was the last one, or when another process took everything in it.
    if (lapsed.length < batchSize || !progressed) {
      recordSweep(ctx.database, escalated.length, ctx.now());
      return escalated;
    }
  }
}
