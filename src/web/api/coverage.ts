import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { Coverage, Enterprise, UncoveredHousehold } from './organization-types';
import type { Items, Page } from './types';

/** Every coverage query key starts with 'coverage': an assignment refreshes them together. */
export const coverageKeys = {
  all: ['coverage'] as const,
  figures: (code: string) => ['coverage', 'figures', code] as const,
  uncovered: (code: string) => ['coverage', 'uncovered', code] as const,
  buildings: (code: string) => ['coverage', 'buildings', code] as const,
  enterprises: (code: string) => ['coverage', 'enterprises', code] as const,
};

const PAGE_SIZE = 20;
const GAP_LIMIT = 100;

export const coverageQuery = (code: string) =>
  queryOptions({
    queryKey: coverageKeys.figures(code),
    queryFn: () => api<Coverage>('GET', `/api/coverage/${code}`),
    retry: false,
  });

/** Households without a caring member, a page at a time. */
export const uncoveredQuery = (code: string) =>
  infiniteQueryOptions({
    queryKey: coverageKeys.uncovered(code),
    queryFn: ({ pageParam, signal }) =>
      api<Page<UncoveredHousehold>>('GET', `/api/coverage/${code}/uncovered`, {
        query: { limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const buildingsWithoutBranchQuery = (code: string) =>
  queryOptions({
    queryKey: coverageKeys.buildings(code),
    queryFn: () =>
      api<Items<{ code: string; name: string; parentCode: string | null }>>(
        'GET',
        `/api/coverage/${code}/buildings-without-branch`,
        { query: { limit: GAP_LIMIT } },
      ).then((r) => r.items),
  });

export const enterprisesWithoutOrganizationQuery = (code: string) =>
  queryOptions({
    queryKey: coverageKeys.enterprises(code),
    queryFn: () =>
      api<Items<Omit<Enterprise, 'address'>>>(
        'GET',
        `/api/coverage/${code}/enterprises-without-organization`,
        {
          query: { limit: GAP_LIMIT },
        },
      ).then((r) => r.items),
  });

/** Names the household's caring member. */
export const assignCare = (householdId: string, memberId: string) =>
  api<void>('PUT', `/api/households/${householdId}/care`, { body: { memberId } });
