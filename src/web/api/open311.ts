import { queryOptions } from '@tanstack/react-query';
import {
  createdOpen311KeySchema,
  type NewOpen311Key,
  open311KeyListSchema,
  open311KeySchema,
} from '../../shared/api/open311';
import { api } from './client';

export type { NewOpen311Key, Open311Key } from '../../shared/api/open311';

export const open311KeyKeys = { all: ['open311-keys'] as const };

export const open311KeysQuery = queryOptions({
  queryKey: open311KeyKeys.all,
  queryFn: () => api('GET', '/api/open311/keys', open311KeyListSchema).then((r) => r.items),
});

/** Answers the new key with the key itself: this is the only time it is ever shown. */
export const createOpen311Key = (key: NewOpen311Key) =>
  api('POST', '/api/open311/keys', createdOpen311KeySchema, { body: key });

export const revokeOpen311Key = (id: string) =>
  api('POST', `/api/open311/keys/${id}/revoke`, open311KeySchema);
