import { infiniteQueryOptions, type QueryClient, queryOptions } from '@tanstack/react-query';
import type { Channel, Satisfaction, WorkOrderAction, WorkOrderStatus } from '../../shared/work-orders';
import { api } from './client';
import type { Gender, Items, Page } from './types';

/** One order as lists and the detail page show it; the contact phone comes masked. */
export interface WorkOrder {
  id: string;
  number: string;
  status: WorkOrderStatus;
  categoryCode: string;
  categoryName: string;
  description: string;
  attributes: Record<string, unknown>;
  regionCode: string;
  regionName: string;
  householdId: string | null;
  personId: string | null;
  address: string;
  channel: Channel;
  /** The line the call came in on (hotline orders). */
  hotlineId: string | null;
  /** The staff member who took the order in (resident and Open311 orders have none). */
  intakeUserId: string | null;
  contactName: string;
  contactPhone: string;
  urgent: boolean;
  handlerRegionCode: string;
  dispatcherRegionCode: string | null;
  assigneeUserId: string | null;
  assigneeMemberId: string | null;
  signDueAt: string | null;
  dueAt: string;
  callbackDueAt: string | null;
  overdue: boolean;
  escalatedRegionCode: string | null;
  urgeCount: number;
  supervised: boolean;
  reopenCount: number;
  satisfaction: Satisfaction | null;
  resolution: string;
  pendingExtension: { days: number; reason: string } | null;
  /** What Open311 shows the public as the description; null: nothing of the resident's text. */
  publicDescription: string | null;
  closedAt: string | null;
  closedOnTime: boolean | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface WorkOrderEvent {
  id: string;
  /** A WorkOrderAction, or 'receive' for intake and server-side steps (escalation…). */
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorName: string;
  note: string;
  data: Record<string, unknown>;
  at: string;
}

export interface WorkOrderAttachment {
  id: string;
  eventId: string | null;
  fileName: string;
  mediaType: string;
  size: number;
  hasThumbnail: boolean;
  createdAt: string;
}

export interface WorkOrderDetail extends WorkOrder {
  events: WorkOrderEvent[];
  attachments: WorkOrderAttachment[];
  availableActions: WorkOrderAction[];
}

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
      api<Page<WorkOrder>>('GET', '/api/work-orders', {
        query: { view: 'all', household: householdId, limit: 20 },
      }),
  });

const PAGE_SIZE = 50;

export const workOrdersQuery = (filter: WorkOrderFilter) =>
  infiniteQueryOptions({
    queryKey: workOrderKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api<Page<WorkOrder>>('GET', '/api/work-orders', {
        query: { ...filter, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const workOrderQuery = (id: string) =>
  queryOptions({
    queryKey: workOrderKeys.detail(id),
    queryFn: () => api<WorkOrderDetail>('GET', `/api/work-orders/${id}`),
    retry: false,
  });

export interface NewWorkOrder {
  categoryCode: string;
  description: string;
  channel: 'hotline' | 'walk_in' | 'visit';
  regionCode?: string;
  householdId?: string;
  personId?: string;
  hotlineId?: string;
  contactName?: string;
  contactPhone?: string;
  attributes?: Record<string, unknown>;
  urgent?: boolean;
  address?: string;
}

export const createWorkOrder = (body: NewWorkOrder) => api<WorkOrder>('POST', '/api/work-orders', { body });

/** One step on an order; `version` is the one the user saw (a newer order answers 409). */
export interface ActionBody {
  action: WorkOrderAction;
  version: number;
  note?: string;
  targetRegionCode?: string;
  assigneeUserId?: string;
  assigneeMemberId?: string;
  days?: number;
  approve?: boolean;
  satisfaction?: Satisfaction;
  attachmentIds?: string[];
}

export const actOnWorkOrder = (id: string, body: ActionBody) =>
  api<WorkOrder>('POST', `/api/work-orders/${id}/actions`, { body });

export interface SimilarInput {
  categoryCode: string;
  regionCode: string;
  householdId?: string | undefined;
}

/** Open orders of the same category for the same household or place: the duplicate warning. */
export const similarOrdersQuery = (input: SimilarInput | null) =>
  queryOptions({
    queryKey: workOrderKeys.similar(input ?? { categoryCode: '', regionCode: '' }),
    queryFn: ({ signal }) =>
      api<Items<WorkOrder>>('GET', '/api/work-orders/similar', {
        query: { ...input },
        signal,
      }).then((r) => r.items),
    enabled: input !== null,
  });

/** A resident the caller's number belongs to (the register's blind index finds them). */
export interface CallerPerson {
  id: string;
  name: string;
  gender: Gender;
  age: number;
  regionCode: string;
  householdId: string | null;
  address: string;
}

export interface CallerMatch {
  persons: CallerPerson[];
  orders: WorkOrder[];
}

export const callerLookupQuery = (phone: string) =>
  queryOptions({
    queryKey: workOrderKeys.caller(phone),
    queryFn: ({ signal }) => api<CallerMatch>('GET', '/api/work-orders/caller', { query: { phone }, signal }),
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

/** Where an order can go from its holder: units down the tree, staff, members with an account. */
export interface DispatchOptions {
  units: { code: string; name: string; kind: string }[];
  users: { id: string; displayName: string; role: string; regionCode: string }[];
  members: { id: string; name: string; regionCode: string }[];
}

export const dispatchOptionsQuery = (id: string) =>
  queryOptions({
    queryKey: workOrderKeys.dispatchOptions(id),
    queryFn: () => api<DispatchOptions>('GET', `/api/work-orders/${id}/dispatch-options`),
    retry: false,
  });

/** Uploads one photo or document; it joins the order with the next step that names its id. */
export function uploadAttachment(orderId: string, file: File | Blob, fileName?: string) {
  const form = new FormData();
  form.append('file', file, fileName ?? (file instanceof File ? file.name : 'file'));
  return api<WorkOrderAttachment>('POST', `/api/work-orders/${orderId}/attachments`, { body: form });
}

/** Publishes (or, with an empty text, withdraws) what Open311 shows as the order's description. */
export const publishPublicDescription = (id: string, text: string) =>
  api<{ number: string; publicDescription: string | null; version: number }>(
    'PUT',
    `/api/work-orders/${id}/public-description`,
    { body: { text } },
  );

export const attachmentUrl = (id: string) => `/api/work-order-attachments/${id}`;
export const thumbnailUrl = (id: string) => `/api/work-order-attachments/${id}/thumbnail`;
