import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { Items, Region, RegionDetail, RegionSummary } from './types';

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
  queryFn: () => api<Items<Region>>('GET', '/api/regions').then((r) => r.items),
});

export const childrenQuery = (code: string) =>
  queryOptions({
    queryKey: regionKeys.children(code),
    queryFn: () => api<Items<Region>>('GET', `/api/regions/${code}/children`).then((r) => r.items),
  });

export const regionQuery = (code: string) =>
  queryOptions({
    queryKey: regionKeys.detail(code),
    queryFn: () => api<RegionDetail>('GET', `/api/regions/${code}`),
    // A 404 (outside the scope) is an answer: asking again will not change it.
    retry: false,
  });

export const regionSearchQuery = (q: string) =>
  queryOptions({
    queryKey: regionKeys.search(q),
    queryFn: () =>
      api<Items<RegionSummary>>('GET', '/api/regions/search', { query: { q } }).then((r) => r.items),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  });

export const createChildRegion = (parentCode: string, kind: 'grid' | 'building', name: string) =>
  api<Region>('POST', `/api/regions/${parentCode}/children`, { body: { kind, name } });

export const renameRegion = (code: string, name: string) =>
  api<Region>('PATCH', `/api/regions/${code}`, { body: { name } });

export const deleteRegion = (code: string) => api<void>('DELETE', `/api/regions/${code}`);
