import { queryOptions } from '@tanstack/react-query';
import { noContent } from '../../shared/api/common';
import {
  regionDetailSchema,
  regionListSchema,
  regionSchema,
  regionSearchSchema,
} from '../../shared/api/regions';
import { api } from './client';

/** Every region query key starts with 'regions': a change anywhere invalidates them together. */
export const regionKeys = {
  all: ['regions'] as const,
  roots: ['regions', 'roots'] as const,
  detail: (code: string) => ['regions', 'detail', code] as const,
  children: (code: string) => ['regions', 'children', code] as const,
  search: (q: string) => ['regions', 'search', q] as const,
};

export const rootsQuery = queryOptions({
  queryKey: regionKeys.roots,
  queryFn: () => api('GET', '/api/regions', regionListSchema).then((r) => r.items),
});

export const childrenQuery = (code: string) =>
  queryOptions({
    queryKey: regionKeys.children(code),
    queryFn: () => api('GET', `/api/regions/${code}/children`, regionListSchema).then((r) => r.items),
  });

export const regionQuery = (code: string) =>
  queryOptions({
    queryKey: regionKeys.detail(code),
    queryFn: () => api('GET', `/api/regions/${code}`, regionDetailSchema),
    // A 404 (outside the scope) is an answer: asking again will not change it.
    retry: false,
  });

export const regionSearchQuery = (q: string) =>
  queryOptions({
    queryKey: regionKeys.search(q),
    queryFn: () =>
      api('GET', '/api/regions/search', regionSearchSchema, { query: { q } }).then((r) => r.items),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  });

export const createChildRegion = (parentCode: string, kind: 'grid' | 'building', name: string) =>
  api('POST', `/api/regions/${parentCode}/children`, regionSchema, { body: { kind, name } });

export const renameRegion = (code: string, name: string) =>
  api('PATCH', `/api/regions/${code}`, regionSchema, { body: { name } });

export const deleteRegion = (code: string) => api('DELETE', `/api/regions/${code}`, noContent);
