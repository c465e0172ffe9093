import { queryOptions } from '@tanstack/react-query';
import { noContent } from '../../shared/api/common';
import { inboxSchema } from '../../shared/api/notifications';
import { api } from './client';

export type { Inbox, InboxItem } from '../../shared/api/notifications';

export const inboxKeys = { all: ['notifications'] as const };

export const inboxQuery = queryOptions({
  queryKey: inboxKeys.all,
  queryFn: () => api('GET', '/api/me/notifications', inboxSchema),
  // New messages arrive while the page stays open.
  refetchInterval: 60_000,
});

export const markRead = (id: string) => api('POST', `/api/me/notifications/${id}/read`, noContent);
