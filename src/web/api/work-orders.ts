import { infiniteQueryOptions, type QueryClient, queryOptions } from '@tanstack/react-query';
import { publicDescriptionSchema } from '../../shared/api/open311';
import {
  type ActionBody,
  attachmentSchema,
  callerMatchSchema,
  dispatchOptionsSchema,
  type NewWorkOrder,
  type SimilarInput,
  workOrderDetailSchema,
  workOrderListSchema,
  workOrderPageSchema,
  workOrderSchema,
} from '../../shared/api/work-orders';
import type { Channel, WorkOrderStatus } from '../../shared/work-orders';
import { api } from './client';

export type {
  ActionBody,
  CallerMatch,
  CallerPerson,
  DispatchOptions,
  NewWorkOrder,
  SimilarInput,
  WorkOrder,
  WorkOrderAttachment,
  WorkOrderDetail,
  WorkOrderEvent,
} from '../../shared/api/work-orders';

export const WORK_ORDER_VIEWS = [
  'mine',
  'to_sign',
  'to_review',
  'to_callback',
  'overdue',
  'supervision',
  'all',
] as const;
export type WorkOrderView = (typeof WORK_ORDER_VIEWS)[number];

/** The list's tab and filters; empty strings mean "not filtered". */
export interface WorkOrderFilter {
  view: WorkOrderView;
  status: WorkOrderStatus | '';
  category: string;
  region: string;
  channel: Channel | '';
  /** Only the overdue, or the reopened (重办), open orders of the view (the phone home's links). */
  flag?: WorkOrderFlag | '';
}

export const WORK_ORDER_FLAGS = ['overdue', 'reopened'] as const;
export type WorkOrderFlag = (typeof WORK_ORDER_FLAGS)[number];

/** Every work-order query key starts with 'work-orders': a step anywhere refreshes them together. */
export const workOrderKeys = {
  all: ['work-orders'] as const,
  list: (filter: WorkOrderFilter) => ['work-orders', 'list', filter] as const,
  detail: (id: string) => ['work-orders', 'detail', id] as const,
  similar: (input: SimilarInput) => ['work-orders', 'similar', input] as const,
  caller: (phone: string) => ['work-orders', 'caller', phone] as const,
  dispatchOptions: (id: string) => ['work-orders', 'dispatch-options', id] as const,
  household: (id: string) => ['work-orders', 'household', id] as const,
};

/** A household's orders, newest first (its page's 走访与工单): the latest 20 the reader may see. */
export const householdOrdersQuery = (householdId: string) =>
  queryOptions({
    queryKey: workOrderKeys.household(householdId),
    queryFn: () =>
      api('GET', '/api/work-orders', workOrderPageSchema, {
        query: { view: 'all', household: householdId, limit: 20 },
      }),
  });

const PAGE_SIZE = 50;

export const workOrdersQuery = (filter: WorkOrderFilter) =>
  infiniteQueryOptions({
    queryKey: workOrderKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api('GET', '/api/work-orders', workOrderPageSchema, {
        query: { ...filter, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const workOrderQuery = (id: string) =>
  queryOptions({
    queryKey: workOrderKeys.detail(id),
    queryFn: () => api('GET', `/api/work-orders/${id}`, workOrderDetailSchema),
    retry: false,
  });

export const createWorkOrder = (body: NewWorkOrder) =>
  api('POST', '/api/work-orders', workOrderSchema, { body });

/** One step; with an idempotency key, a resend of the same step (a draft) answers the first result. */
export const actOnWorkOrder = (id: string, body: ActionBody, idempotencyKey?: string) =>
  api('POST', `/api/work-orders/${id}/actions`, workOrderSchema, {
    body,
    ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}),
  });

/** Open orders of the same category for the same household or place: the duplicate warning. */
export const similarOrdersQuery = (input: SimilarInput | null) =>
  queryOptions({
    queryKey: workOrderKeys.similar(input ?? { categoryCode: '', regionCode: '' }),
    queryFn: ({ signal }) =>
      api('GET', '/api/work-orders/similar', workOrderListSchema, {
        query: { ...input },
        signal,
      }).then((r) => r.items),
    enabled: input !== null,
  });

export const callerLookupQuery = (phone: string) =>
  queryOptions({
    queryKey: workOrderKeys.caller(phone),
    queryFn: ({ signal }) =>
      api('GET', '/api/work-orders/caller', callerMatchSchema, { query: { phone }, signal }),
    enabled: phone !== '',
    retry: false,
    // Each look-up by a whole phone is audited and counted against a per-hour cap on the server
    // (lookup-guard.ts): look a number up once per call, not again on focus or after each change.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

const isCallerLookup = (queryKey: readonly unknown[]): boolean => queryKey[1] === 'caller';

/**
 * After a change to any order: every order view is fetched again, except caller look-ups, which
 * are only marked stale (each costs an audited look-up): the next call from that number fetches
 * its history anew, the one on screen is not looked up again.
 */
export async function refreshWorkOrders(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({
      queryKey: workOrderKeys.all,
      predicate: (query) => !isCallerLookup(query.queryKey),
    }),
    queryClient.invalidateQueries({
      queryKey: workOrderKeys.all,
      predicate: (query) => isCallerLookup(query.queryKey),
      refetchType: 'none',
    }),
  ]);
}

export const dispatchOptionsQuery = (id: string) =>
  queryOptions({
    queryKey: workOrderKeys.dispatchOptions(id),
    queryFn: () => api('GET', `/api/work-orders/${id}/dispatch-options`, dispatchOptionsSchema),
    retry: false,
  });

/** Uploads one photo or document; it joins the order with the next step that names its id. */
export function uploadAttachment(
  orderId: string,
  file: File | Blob,
  options: { fileName?: string; idempotencyKey?: string } = {},
) {
  const form = new FormData();
  form.append('file', file, options.fileName ?? (file instanceof File ? file.name : 'file'));
  return api('POST', `/api/work-orders/${orderId}/attachments`, attachmentSchema, {
    body: form,
    ...(options.idempotencyKey ? { headers: { 'Idempotency-Key': options.idempotencyKey } } : {}),
  });
}

/** Publishes (or, with an empty text, withdraws) what Open311 shows as the order's description. */
export const publishPublicDescription = (id: string, text: string) =>
  api('PUT', `/api/work-orders/${id}/public-description`, publicDescriptionSchema, { body: { text } });

export const attachmentUrl = (id: string) => `/api/work-order-attachments/${id}`;
export const thumbnailUrl = (id: string) => `/api/work-order-attachments/${id}/thumbnail`;
