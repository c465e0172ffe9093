import { OPEN_STATUSES } from '../../../shared/work-orders';
import type { WorkOrder } from '../../api/work-orders';

/** How urgent an open order is: more than a day left, less than a day, or past its deadline. */
export type Urgency = 'ok' | 'soon' | 'overdue';

export interface TimeLeft {
  urgency: Urgency;
  /** Whole days and hours left (or, when overdue, past the deadline). */
  days: number;
  hours: number;
  minutes: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The time between now and an order's deadline, and its colour: green with more than a day left,
 * orange with less, red once past it (or when the server has marked the order overdue). Null for
 * orders whose deadline no longer runs (closed, archived).
 */
export function timeLeft(
  order: Pick<WorkOrder, 'status' | 'dueAt' | 'overdue'>,
  now: number,
): TimeLeft | null {
  if (!OPEN_STATUSES.includes(order.status)) return null;
  const left = Date.parse(order.dueAt) - now;
  const span = Math.abs(left);
  const urgency: Urgency = left < 0 || order.overdue ? 'overdue' : left < DAY ? 'soon' : 'ok';
  return {
    urgency,
    days: Math.floor(span / DAY),
    hours: Math.floor((span % DAY) / HOUR),
    minutes: Math.floor((span % HOUR) / MINUTE),
  };
}

export const URGENCY_COLORS: Record<Urgency, string> = {
  ok: 'green',
  soon: 'orange',
  overdue: 'red',
};
