import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  collectiveDetailSchema,
  collectivePageSchema,
  type createCollectiveBody,
  dividendRunSchema,
  type incomeBody,
  payoutPageSchema,
  type shareholderBody,
  shareholderPageSchema,
} from '../../shared/api/collectives';
import { api, download } from './client';

export type { CollectiveDetail, DividendRun } from '../../shared/api/collectives';
export type CollectiveSummary = z.infer<typeof collectivePageSchema>['items'][number];
export type Shareholder = z.infer<typeof shareholderPageSchema>['items'][number];
export type Payout = z.infer<typeof payoutPageSchema>['items'][number];
export type CollectiveInput = z.input<typeof createCollectiveBody>;
export type ShareholderInput = z.input<typeof shareholderBody>;
export type IncomeInput = z.input<typeof incomeBody>;

const PAGE_SIZE = 50;

/** Every collective query key starts with 'collectives'. */
export const collectiveKeys = {
  all: ['collectives'] as const,
  list: () => ['collectives', 'list'] as const,
  detail: (id: string) => ['collectives', 'detail', id] as const,
  shareholders: (id: string) => ['collectives', 'shareholders', id] as const,
  payouts: (runId: string) => ['collectives', 'payouts', runId] as const,
};

export const collectivesQuery = () =>
  infiniteQueryOptions({
    queryKey: collectiveKeys.list(),
    queryFn: ({ pageParam, signal }) =>
      api('GET', '/api/collectives', collectivePageSchema, {
        query: { limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const shareholdersQuery = (id: string) =>
  infiniteQueryOptions({
    queryKey: collectiveKeys.shareholders(id),
    queryFn: ({ pageParam, signal }) =>
      api('GET', `/api/collectives/${id}/shareholders`, shareholderPageSchema, {
        query: { limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const payoutsQuery = (runId: string) =>
  infiniteQueryOptions({
    queryKey: collectiveKeys.payouts(runId),
    queryFn: ({ pageParam, signal }) =>
      api('GET', `/api/dividend-runs/${runId}/payouts`, payoutPageSchema, {
        query: { limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const collectiveQuery = (id: string) =>
  queryOptions({
    queryKey: collectiveKeys.detail(id),
    queryFn: () => api('GET', `/api/collectives/${id}`, collectiveDetailSchema),
  });

export const createCollective = (body: CollectiveInput) =>
  api('POST', '/api/collectives', collectiveDetailSchema, { body });
export const setShareholder = (id: string, body: ShareholderInput) =>
  api('POST', `/api/collectives/${id}/shareholders`, collectiveDetailSchema, { body });
export const recordIncome = (id: string, body: IncomeInput) =>
  api('POST', `/api/collectives/${id}/incomes`, collectiveDetailSchema, { body });
export const draftRun = (id: string, year: number) =>
  api('POST', `/api/collectives/${id}/dividend-runs`, dividendRunSchema, { body: { year } });
export const approveRun = (runId: string) =>
  api('POST', `/api/dividend-runs/${runId}/approve`, dividendRunSchema, { body: {} });
export const downloadPayouts = (runId: string) =>
  download('GET', `/api/dividend-runs/${runId}/payouts.xlsx`, 'dividend.xlsx');
