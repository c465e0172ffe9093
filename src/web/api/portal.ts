import { queryOptions } from '@tanstack/react-query';
import { noContent } from '../../shared/api/common';
import {
  codeSentSchema,
  meSchema,
  type PortalMe,
  photoSchema,
  placeListSchema,
  portalCategoryListSchema,
  type RatingBody,
  requestDetailSchema,
  requestPageSchema,
  requestSummarySchema,
  type SubmitRequest,
} from '../../shared/api/portal';
import { api, download, isApiError } from './client';

/** The resident portal's API (`/api/portal`): its own cookie, its own session. */

export type {
  CodeSent,
  PortalCategory,
  PortalMe,
  PortalPlace,
  RequestDetail,
  RequestSummary,
  SubmitRequest,
  TimelineItem,
  TimelineKind,
} from '../../shared/api/portal';

export const requestCode = (phone: string) =>
  api('POST', '/api/portal/otp', codeSentSchema, { body: { phone }, expectUnauthorized: true });

export const portalLogin = (phone: string, code: string) =>
  api('POST', '/api/portal/login', meSchema, { body: { phone, code }, expectUnauthorized: true });

export const portalLogout = () => api('POST', '/api/portal/logout', noContent, { expectUnauthorized: true });

/** The signed-in resident, or null without a portal session. */
async function fetchPortalMe(): Promise<PortalMe | null> {
  try {
    return await api('GET', '/api/portal/me', meSchema, { expectUnauthorized: true });
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
    (await api('GET', '/api/portal/categories', portalCategoryListSchema, { expectUnauthorized: true }))
      .items,
  staleTime: 10 * 60_000,
});

export const portalPlacesQuery = queryOptions({
  queryKey: ['portal', 'places'],
  queryFn: async () =>
    (await api('GET', '/api/portal/places', placeListSchema, { expectUnauthorized: true })).items,
  staleTime: 10 * 60_000,
});

export const myRequestsQuery = queryOptions({
  queryKey: ['portal', 'requests'],
  queryFn: () =>
    api('GET', '/api/portal/requests', requestPageSchema, {
      query: { limit: 50 },
      expectUnauthorized: true,
    }),
});

export const requestQuery = (id: string) =>
  queryOptions({
    queryKey: ['portal', 'requests', id],
    queryFn: () =>
      api('GET', `/api/portal/requests/${id}`, requestDetailSchema, { expectUnauthorized: true }),
  });

export const submitRequest = (body: SubmitRequest) =>
  api('POST', '/api/portal/requests', requestSummarySchema, { body, expectUnauthorized: true });

export function uploadPhoto(requestId: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api('POST', `/api/portal/requests/${requestId}/photos`, photoSchema, {
    body: form,
    expectUnauthorized: true,
  });
}

export const photoUrl = (requestId: string, photoId: string) =>
  `/api/portal/requests/${requestId}/photos/${photoId}`;

export const rateRequest = (id: string, body: RatingBody) =>
  api('POST', `/api/portal/requests/${id}/rating`, requestSummarySchema, { body, expectUnauthorized: true });

/** Everything the portal holds about the resident, as a JSON file. */
export const exportMyData = () =>
  download('POST', '/api/portal/me/export', 'my-data.json', { expectUnauthorized: true });

/** Remembers elder mode (长辈模式) on the signed-in resident's account; answers the updated resident. */
export const saveElderMode = (on: boolean) =>
  api('PUT', '/api/portal/me/elder-mode', meSchema, { body: { on }, expectUnauthorized: true });
