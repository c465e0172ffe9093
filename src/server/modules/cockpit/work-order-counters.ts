import { beijingMonth } from '../../../shared/beijing-time.js';
import { OPEN_STATUSES, type WorkOrderStatus } from '../../../shared/work-orders.js';
import type { CounterCode } from './indicators.js';

/** A change of one counter in one period ('' = now) at one region and its ancestors. */
export interface CounterDelta {
  period: string;
  counter: CounterCode;
  value: number;
}

/** What of an order the work-order counters depend on. */
export interface OrderState {
  status: WorkOrderStatus;
  overdue: number;
  created_at: string;
  closed_at: string | null;
  closed_on_time: number | null;
}

/**
 * What one order, as it stands, adds to the counters: received in the month it came in; closed
 * (on time or not, and how long it took) in the month it was closed, for as long as it stays
 * closed (an unsatisfied callback reopens it and takes that back); open and overdue now.
 *
 * A step changes the counters by contributions(after) − contributions(before), and a rebuild sums
 * contributions over all orders: the two agree by construction.
 */
export function orderContributions(order: OrderState): CounterDelta[] {
  const rows: CounterDelta[] = [{ period: beijingMonth(order.created_at), counter: 'wo.received', value: 1 }];
  if (order.closed_at) {
    const month = beijingMonth(order.closed_at);
    const minutes = Math.max(
      0,
      Math.round((Date.parse(order.closed_at) - Date.parse(order.created_at)) / 60_000),
    );
    rows.push(
      { period: month, counter: 'wo.closed', value: 1 },
      { period: month, counter: 'wo.closed_on_time', value: order.closed_on_time === 1 ? 1 : 0 },
      { period: month, counter: 'wo.close_minutes', value: minutes },
    );
  }
  if (OPEN_STATUSES.includes(order.status)) {
    rows.push({ period: '', counter: 'wo.open', value: 1 });
    if (order.overdue === 1) rows.push({ period: '', counter: 'wo.overdue', value: 1 });
  }
  return rows;
}

/**
 * What a step itself adds, whatever the order's state: a callback's verdict in its month (each
 * callback counts, so an order called back unsatisfied and later satisfied counts once each), and
 * the order going overdue in the month the sweeper saw it.
 */
export function stepContributions(action: string, data: Record<string, unknown>, at: string): CounterDelta[] {
  const month = beijingMonth(at);
  if (action === 'overdue') return [{ period: month, counter: 'wo.went_overdue', value: 1 }];
  if (action === 'callback') {
    const verdict = data.satisfaction;
    if (verdict === 'satisfied') return [{ period: month, counter: 'wo.satisfied', value: 1 }];
    if (verdict === 'basically_satisfied')
      return [{ period: month, counter: 'wo.basically_satisfied', value: 1 }];
    if (verdict === 'unsatisfied') return [{ period: month, counter: 'wo.unsatisfied', value: 1 }];
  }
  return [];
}

/** Sums deltas per period and counter, negating `minus`, and drops what nets to zero. */
export function netDeltas(
  plus: readonly CounterDelta[],
  minus: readonly CounterDelta[] = [],
): CounterDelta[] {
  const sums = new Map<string, CounterDelta>();
  const add = (delta: CounterDelta, sign: number) => {
    const key = `${delta.period}|${delta.counter}`;
    const entry = sums.get(key) ?? { period: delta.period, counter: delta.counter, value: 0 };
    entry.value += sign * delta.value;
    sums.set(key, entry);
  };
  for (const delta of plus) add(delta, 1);
  for (const delta of minus) add(delta, -1);
  return [...sums.values()].filter((delta) => delta.value !== 0);
}
