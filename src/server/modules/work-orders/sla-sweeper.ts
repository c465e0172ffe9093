import { sql } from 'kysely';
import { OPEN_STATUSES } from '../../../shared/work-orders.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { recordSweep } from '../../metrics/heartbeats.js';
import type { ServiceContext } from '../../services.js';
import { regionsRepository } from '../regions/regions.repository.js';
import type { WorkOrderActions } from './work-order-actions.service.js';
import { recordStep } from './work-order-steps.js';
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
        const parent = (await regionsRepository.find(trx, order.handler_region_code))?.parent_code;
        const escalatedTo = parent ?? order.handler_region_code;
        const result = await trx
          .updateTable('work_orders')
          .set({
            overdue: 1,
            escalated_region_code: escalatedTo,
            version: sql`version + 1`,
            updated_at: nowIso,
          })
          .where('id', '=', order.id)
          .where('overdue', '=', 0)
          .where('status', 'in', OPEN_STATUSES)
          .where('due_at', '<', nowIso)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        await recordStep(ctx, trx, order, {
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
