import { sql } from 'kysely';
import { OPEN_STATUSES } from '../../../shared/work-orders.js';
import type { Executor } from '../../db/database.js';

/** The clock's one write on `work_orders` (see sla-sweeper.ts); lists are in work-orders.repository. */
export const overdueRepository = {
  /**
   * Marks an order overdue and escalates it, only if it is still open, lapsed and not yet marked:
   * true when this call did it. A second sweeper (PostgreSQL) waits on the row lock, then updates
   * nothing and gets false.
   */
  mark: async (trx: Executor, id: string, escalatedTo: string, nowIso: string): Promise<boolean> => {
    const result = await trx
      .updateTable('work_orders')
      .set({
        overdue: 1,
        escalated_region_code: escalatedTo,
        version: sql`version + 1`,
        updated_at: nowIso,
      })
      .where('id', '=', id)
      .where('overdue', '=', 0)
      .where('status', 'in', OPEN_STATUSES)
      .where('due_at', '<', nowIso)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
