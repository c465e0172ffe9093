import type { WorkOrderStatus } from '../../../../shared/work-orders.js';
import type { Executor } from '../../../db/database.js';
import type { Updateable } from '../../../db/row-types.js';
import type { WorkOrder, WorkOrderTable } from '../../../db/tables.js';

/** What a step changes on the order's row. */
export type Changes = Updateable<WorkOrderTable>;

/** What one action does: the row's changes, the status after it, the event's data, and what follows. */
export interface Outcome {
  changes: Changes;
  to: WorkOrderStatus;
  data: Record<string, unknown>;
  /** Whether the step changes the order (a comment does not: it must not make others' views stale). */
  bumpsVersion: boolean;
  after?: (trx: Executor, order: WorkOrder, eventId: string) => Promise<void>;
}
