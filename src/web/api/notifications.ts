import { queryOptions } from '@tanstack/react-query';
import type { Inbox } from '../../shared/inbox';
import { api } from './client';

export type { Inbox, InboxItem } from '../../shared/inbox';

export const inboxKeys = { all: ['notifications'] as const };

export const inboxQuery = queryOptions({
  queryKey: inboxKeys.all,
  queryFn: () => api<Inbox>('GET', '/api/me/notifications'),
  // New messages arrive while the page stays open.
  refetchInterval: 60_000,
});

export const markRead = (id: string) => api<void>('POST', `/api/me/notifications/${id}/read`);
