import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { noContent } from '../../shared/api/common';
import {
  buildingsWithoutBranchSchema,
  coverageSchema,
  enterprisesWithoutOrganizationSchema,
  uncoveredPageSchema,
} from '../../shared/api/organizations';
import { api } from './client';

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
    queryFn: () => api('GET', `/api/coverage/${code}`, coverageSchema),
    retry: false,
  });

/** Households without a caring member, a page at a time. */
export const uncoveredQuery = (code: string) =>
  infiniteQueryOptions({
    queryKey: coverageKeys.uncovered(code),
    queryFn: ({ pageParam, signal }) =>
      api('GET', `/api/coverage/${code}/uncovered`, uncoveredPageSchema, {
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
      api('GET', `/api/coverage/${code}/buildings-without-branch`, buildingsWithoutBranchSchema, {
        query: { limit: GAP_LIMIT },
      }).then((r) => r.items),
  });

export const enterprisesWithoutOrganizationQuery = (code: string) =>
  queryOptions({
    queryKey: coverageKeys.enterprises(code),
    queryFn: () =>
      api(
        'GET',
        `/api/coverage/${code}/enterprises-without-organization`,
        enterprisesWithoutOrganizationSchema,
        {
          query: { limit: GAP_LIMIT },
        },
      ).then((r) => r.items),
  });

/** Names the household's caring member. */
export const assignCare = (householdId: string, memberId: string) =>
  api('PUT', `/api/households/${householdId}/care`, noContent, { body: { memberId } });
