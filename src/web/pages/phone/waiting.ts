import { queryOptions } from '@tanstack/react-query';
import { workOrderPageSchema } from '../../../shared/api/work-orders';
import type { WorkOrderStatus } from '../../../shared/work-orders';
import { api } from '../../api/client';
import type { WorkOrderFlag } from '../../api/work-orders';

/** Counted up to this many; a fuller pile shows "100+" (the list behind the link has them all). */
export const COUNT_CAP = 100;

/** One tile of the phone home: what it counts, as the work-order list's URL filter. */
export interface WaitingKind {
  key: 'toSign' | 'toResolve' | 'overdue' | 'reopened';
  status?: WorkOrderStatus;
  flag?: WorkOrderFlag;
}

/** What waits for the caller, each within their to-dos (我的待办). */
export const WAITING: readonly WaitingKind[] = [
  { key: 'toSign', status: 'dispatched' },
  { key: 'toResolve', status: 'in_progress' },
  { key: 'overdue', flag: 'overdue' },
  { key: 'reopened', flag: 'reopened' },
];

/** The list the tile opens: the same filter the count used. */
export function waitingLink(kind: WaitingKind): string {
  const params = new URLSearchParams({ view: 'mine' });
  if (kind.status) params.set('status', kind.status);
  if (kind.flag) params.set('flag', kind.flag);
  return `/work-orders?${params}`;
}

/** How many orders wait of one kind: the first page of the list, and whether there are more. */
export const waitingCountQuery = (kind: WaitingKind) =>
  queryOptions({
    // Under 'work-orders': any step taken on an order refreshes the counts with the lists.
    queryKey: ['work-orders', 'waiting', kind.key] as const,
    queryFn: ({ signal }) =>
      api('GET', '/api/work-orders', workOrderPageSchema, {
        query: { view: 'mine', status: kind.status, flag: kind.flag, limit: COUNT_CAP },
        signal,
      }).then((page) => ({ count: page.items.length, more: page.nextCursor !== null })),
  });
