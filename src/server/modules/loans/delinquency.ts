import type { DelinquencyBucket } from '../../../shared/api/loans.js';
import { daysBetween } from './loan-dates.js';

/**
 * Delinquency (逾期) of one loan on one day: the days since the oldest unpaid due date, minus the
 * days a hardship pause held the clock within them, in the buckets a guarantee centre reports.
 */

export interface DueInstalment {
  due_on: string;
  principal_fen: number;
  borrower_interest_fen: number;
  paid_fen: number;
}

export interface Pause {
  from_on: string;
  to_on: string | null;
}

export const BUCKET_RANK: Record<DelinquencyBucket, number> = {
  current: 0,
  d1_30: 1,
  d31_60: 2,
  d61_90: 3,
  d90_plus: 4,
};

export function bucketOf(daysPastDue: number): DelinquencyBucket {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return 'd1_30';
  if (daysPastDue <= 60) return 'd31_60';
  if (daysPastDue <= 90) return 'd61_90';
  return 'd90_plus';
}

/** Days of [from, to) that some pause covered (an open pause runs to `to`). */
function pausedDays(pauses: readonly Pause[], from: string, to: string): number {
  let days = 0;
  for (const pause of pauses) {
    const start = pause.from_on > from ? pause.from_on : from;
    const end = pause.to_on === null || pause.to_on > to ? to : pause.to_on;
    if (end > start) days += daysBetween(start, end);
  }
  return days;
}

/** Days past due on `today` (0 when nothing unpaid has fallen due before today). */
export function daysPastDue(
  instalments: readonly DueInstalment[],
  pauses: readonly Pause[],
  today: string,
): number {
  const oldest = instalments.find(
    (i) => i.due_on < today && i.paid_fen < i.principal_fen + i.borrower_interest_fen,
  );
  if (!oldest) return 0;
  return Math.max(0, daysBetween(oldest.due_on, today) - pausedDays(pauses, oldest.due_on, today));
}

export const BUCKET_LABELS: Record<DelinquencyBucket, string> = {
  current: '正常',
  d1_30: '逾期1–30天',
  d31_60: '逾期31–60天',
  d61_90: '逾期61–90天',
  d90_plus: '逾期90天以上',
};
