import { queryOptions } from '@tanstack/react-query';
import type { AttributeType, Satisfaction, WorkOrderStatus } from '../../shared/work-orders';
import { api, download, isApiError } from './client';

/** The resident portal's API (`/api/portal`): its own cookie, its own session. */

export interface PortalMe {
  phone: string;
  name: string | null;
  homeRegionCode: string | null;
}

export interface CodeSent {
  sent: true;
  resendAfterSeconds: number;
  expiresInSeconds: number;
}

export interface PortalCategory {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  keywords: string;
  groupCode: string | null;
  groupName: string;
  groupNameEn: string;
  attributes: {
    code: string;
    datatype: AttributeType;
    required: boolean;
    description: string;
    order: number;
    values?: { key: string; name: string }[];
  }[];
}

export interface PortalPlace {
  code: string;
  parentCode: string | null;
  kind: string;
  name: string;
}

export interface RequestSummary {
  id: string;
  number: string;
  status: WorkOrderStatus;
  categoryCode: string;
  categoryName: string;
  description: string;
  placeName: string;
  satisfaction: Satisfaction | null;
  createdAt: string;
  updatedAt: string;
}

export type TimelineKind =
  | 'submitted'
  | 'dispatched'
  | 'signed'
  | 'extended'
  | 'resolved'
  | 'answered'
  | 'closed'
  | 'rated'
  | 'reopened';

export interface TimelineItem {
  kind: TimelineKind;
  status: WorkOrderStatus;
  at: string;
  text: string;
  unitName: string | null;
  satisfaction: Satisfaction | null;
  dueAt: string | null;
}

export interface RequestDetail extends RequestSummary {
  categoryCode: string;
  attributes: Record<string, unknown>;
  placePath: string[];
  address: string;
  dueAt: string;
  closedAt: string | null;
  resolution: string;
  /** What Open311 publishes as the description; null: nothing the resident wrote is public. */
  publicDescription: string | null;
  canRate: boolean;
  photos: { id: string; mediaType: string; createdAt: string }[];
  timeline: TimelineItem[];
}

export interface SubmitRequest {
  categoryCode: string;
  description: string;
  regionCode: string;
  address?: string;
  attributes?: Record<string, unknown>;
  /** Consent to publish the description on Open311, screened for personal data. */
  publishDescription?: boolean;
}

export const requestCode = (phone: string) =>
  api<CodeSent>('POST', '/api/portal/otp', { body: { phone }, expectUnauthorized: true });

export const portalLogin = (phone: string, code: string) =>
  api<PortalMe>('POST', '/api/portal/login', { body: { phone, code }, expectUnauthorized: true });

export const portalLogout = () => api<void>('POST', '/api/portal/logout', { expectUnauthorized: true });

/** The signed-in resident, or null without a portal session. */
async function fetchPortalMe(): Promise<PortalMe | null> {
  try {
    return await api<PortalMe>('GET', '/api/portal/me', { expectUnauthorized: true });
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

export const portalMeQuery = queryOptions({
  queryKey: ['portal', 'me'],
  queryFn: fetchPortalMe,
  staleTime: 60_000,
});

export const portalCategoriesQuery = queryOptions({
  queryKey: ['portal', 'categories'],
  queryFn: async () =>
    (await api<{ items: PortalCategory[] }>('GET', '/api/portal/categories', { expectUnauthorized: true }))
      .items,
  staleTime: 10 * 60_000,
});

export const portalPlacesQuery = queryOptions({
  queryKey: ['portal', 'places'],
  queryFn: async () =>
    (await api<{ items: PortalPlace[] }>('GET', '/api/portal/places', { expectUnauthorized: true })).items,
  staleTime: 10 * 60_000,
});

export const myRequestsQuery = queryOptions({
  queryKey: ['portal', 'requests'],
  queryFn: () =>
    api<{ items: RequestSummary[]; nextCursor: string | null }>('GET', '/api/portal/requests', {
      query: { limit: 50 },
      expectUnauthorized: true,
    }),
});

export const requestQuery = (id: string) =>
  queryOptions({
    queryKey: ['portal', 'requests', id],
    queryFn: () => api<RequestDetail>('GET', `/api/portal/requests/${id}`, { expectUnauthorized: true }),
  });

export const submitRequest = (body: SubmitRequest) =>
  api<RequestSummary>('POST', '/api/portal/requests', { body, expectUnauthorized: true });

export function uploadPhoto(requestId: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<{ id: string }>('POST', `/api/portal/requests/${requestId}/photos`, {
    body: form,
    expectUnauthorized: true,
  });
}

export const photoUrl = (requestId: string, photoId: string) =>
  `/api/portal/requests/${requestId}/photos/${photoId}`;

export const rateRequest = (id: string, body: { satisfaction: Satisfaction; comment?: string }) =>
  api<RequestSummary>('POST', `/api/portal/requests/${id}/rating`, { body, expectUnauthorized: true });

/** Everything the portal holds about the resident, as a JSON file. */
export const exportMyData = () =>
  download('POST', '/api/portal/me/export', 'my-data.json', { expectUnauthorized: true });
