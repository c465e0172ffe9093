import type { Satisfaction, WorkOrderStatus } from '../../../../shared/work-orders.js';
import type { ServiceCategory, WorkOrder } from '../../../db/tables.js';
import type { WorkingCalendar } from '../../catalogue/index.js';
import type { Changes } from './outcome.js';

/**
 * What a callback (回访) does to a closed order: satisfied or basically satisfied archives it;
 * unsatisfied sends it back to in_progress with a fresh deadline (重办). Shared by the staff
 * callback action (work-order-actions.service.ts) and the resident's own rating in the portal (`portal.service.ts`).
 */
export function callbackStep(
  order: WorkOrder,
  satisfaction: Satisfaction,
  now: Date,
  calendar: WorkingCalendar,
  category: ServiceCategory,
): { to: WorkOrderStatus; changes: Changes; data: Record<string, unknown> } {
  if (satisfaction !== 'unsatisfied') {
    return {
      to: 'archived',
      changes: { satisfaction, archived_at: now.toISOString() },
      data: { satisfaction },
    };
  }
  const dueAt = calendar.resolveDeadline(now, order.urgent ? 0 : category.resolve_days).toISOString();
  return {
    to: 'in_progress',
    changes: {
      satisfaction: 'unsatisfied',
      reopen_count: order.reopen_count + 1,
      closed_at: null,
      closed_on_time: null,
      resolved_at: null,
      callback_due_at: null,
      due_at: dueAt,
      overdue: 0,
    },
    data: { satisfaction: 'unsatisfied', dueAt },
  };
}
