import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

/** One in-app message: an order given to me, urged, reopened… */
export interface InboxItem {
  id: string;
  template: string;
  text: string;
  workOrderId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Inbox {
  items: InboxItem[];
  unread: number;
}

export const inboxKeys = { all: ['notifications'] as const };

export const inboxQuery = queryOptions({
  queryKey: inboxKeys.all,
  queryFn: () => api<Inbox>('GET', '/api/me/notifications'),
  // New messages arrive while the page stays open.
  refetchInterval: 60_000,
});

export const markRead = (id: string) => api<void>('POST', `/api/me/notifications/${id}/read`);
