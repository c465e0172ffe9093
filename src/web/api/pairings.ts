import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type contactBody,
  type createPairingBody,
  type endPairingBody,
  type outcomeBody,
  pairingCoverageSchema,
  pairingDetailSchema,
  pairingPageSchema,
  type supportBody,
  uncoveredPageSchema,
} from '../../shared/api/pairings';
import { api } from './client';

export type { PairingCoverage, PairingDetail, PairingSummary } from '../../shared/api/pairings';
export type UncoveredHousehold = z.infer<typeof uncoveredPageSchema>['items'][number];
export type PairingInput = z.input<typeof createPairingBody>;
export type PairingEntryInput = {
  contacts: z.input<typeof contactBody>;
  supports: z.input<typeof supportBody>;
  outcomes: z.input<typeof outcomeBody>;
  end: z.input<typeof endPairingBody>;
};

const PAGE_SIZE = 50;

/** Every pairing query key starts with 'pairings': a change refreshes lists, coverage and pages. */
export const pairingKeys = {
  all: ['pairings'] as const,
  list: (status: string) => ['pairings', 'list', status] as const,
  detail: (id: string) => ['pairings', 'detail', id] as const,
  coverage: (region: string) => ['pairings', 'coverage', region] as const,
  uncovered: (region: string) => ['pairings', 'uncovered', region] as const,
};

export const pairingsQuery = (status: string) =>
  infiniteQueryOptions({
    queryKey: pairingKeys.list(status),
    queryFn: ({ pageParam, signal }) =>
      api('GET', '/api/pairings', pairingPageSchema, {
        query: { status, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const pairingQuery = (id: string) =>
  queryOptions({
    queryKey: pairingKeys.detail(id),
    queryFn: () => api('GET', `/api/pairings/${id}`, pairingDetailSchema),
  });

export const coverageQuery = (region: string) =>
  queryOptions({
    queryKey: pairingKeys.coverage(region),
    queryFn: () => api('GET', '/api/pairing-coverage', pairingCoverageSchema, { query: { region } }),
  });

export const uncoveredQuery = (region: string) =>
  infiniteQueryOptions({
    queryKey: pairingKeys.uncovered(region),
    queryFn: ({ pageParam, signal }) =>
      api('GET', '/api/pairing-coverage/uncovered', uncoveredPageSchema, {
        query: { region, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const createPairing = (body: PairingInput) =>
  api('POST', '/api/pairings', pairingDetailSchema, { body });

export const recordOnPairing = <K extends keyof PairingEntryInput>(
  id: string,
  kind: K,
  body: PairingEntryInput[K],
) => api('POST', `/api/pairings/${id}/${kind}`, pairingDetailSchema, { body });
