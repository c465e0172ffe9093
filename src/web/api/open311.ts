import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { Items } from './types';

export interface Open311Key {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  districtCode: string;
  /** The first characters of the key, to tell keys apart; the key itself is shown once only. */
  keyPrefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export const open311KeyKeys = { all: ['open311-keys'] as const };

export const open311KeysQuery = queryOptions({
  queryKey: open311KeyKeys.all,
  queryFn: () => api<Items<Open311Key>>('GET', '/api/open311/keys').then((r) => r.items),
});

export interface NewOpen311Key {
  name: string;
  regionCode: string;
}

/** Answers the new key with the key itself: this is the only time it is ever shown. */
export const createOpen311Key = (key: NewOpen311Key) =>
  api<Open311Key & { key: string }>('POST', '/api/open311/keys', { body: key });

export const revokeOpen311Key = (id: string) => api<Open311Key>('POST', `/api/open311/keys/${id}/revoke`);
