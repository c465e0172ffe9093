import { queryOptions } from '@tanstack/react-query';
import {
  type PortalPostBody,
  portalAccountSchema,
  portalOrderPageSchema,
  portalPostPageSchema,
  portalPostSchema,
  portalTimebankSchema,
} from '../../shared/api/portal';
import { itemListSchema, orderSchema } from '../../shared/api/timebank';
import { api, download } from './client';
import type { StatementFormat } from './timebank';

/** 爱心银行 in the portal (`/api/portal/me/timebank…`): always the signed-in resident's own account. */

export type { PortalOrder, PortalPost, PortalPostBody, PortalTimebank } from '../../shared/api/portal';
export type { ItemDto as PortalItem } from '../../shared/api/timebank';

const BASE = '/api/portal/me/timebank';
const resident = { expectUnauthorized: true } as const;

/** Under the portal's root key: signing out clears them with everything else of the portal. */
export const portalTimebankKeys = {
  all: ['portal', 'timebank'] as const,
  own: ['portal', 'timebank', 'own'] as const,
  posts: ['portal', 'timebank', 'posts'] as const,
  items: ['portal', 'timebank', 'items'] as const,
  orders: ['portal', 'timebank', 'orders'] as const,
};

export const portalTimebankQuery = queryOptions({
  queryKey: portalTimebankKeys.own,
  queryFn: () => api('GET', BASE, portalTimebankSchema, resident),
});

export const joinTimebank = () => api('POST', `${BASE}/account`, portalAccountSchema, resident);

export const downloadOwnStatement = (month: string, format: StatementFormat) =>
  download('GET', `${BASE}/statements/${month}.${format}`, `statement-${month}.${format}`, resident);

export const portalPostsQuery = queryOptions({
  queryKey: portalTimebankKeys.posts,
  queryFn: () => api('GET', `${BASE}/posts`, portalPostPageSchema, { ...resident, query: { limit: 50 } }),
});

export const createPortalPost = (body: PortalPostBody) =>
  api('POST', `${BASE}/posts`, portalPostSchema, { ...resident, body });

export const stepPortalPost = (id: string, step: 'accept' | 'confirm' | 'cancel') =>
  api('POST', `${BASE}/posts/${id}/${step}`, portalPostSchema, resident);

export const portalItemsQuery = queryOptions({
  queryKey: portalTimebankKeys.items,
  queryFn: () => api('GET', `${BASE}/items`, itemListSchema, { ...resident, query: { limit: 50 } }),
});

export const orderPortalItem = (itemId: string, quantity: number) =>
  api('POST', `${BASE}/items/${itemId}/orders`, orderSchema, { ...resident, body: { quantity } });

export const portalOrdersQuery = queryOptions({
  queryKey: portalTimebankKeys.orders,
  queryFn: () => api('GET', `${BASE}/orders`, portalOrderPageSchema, { ...resident, query: { limit: 50 } }),
});
