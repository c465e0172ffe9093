import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type agreeBody,
  caseDetailSchema,
  casePageSchema,
  type createCaseBody,
  type createResettlementBody,
  type disputeBody,
  disputeResultSchema,
  type moveBody,
  type payBody,
  relocationTotalsSchema,
  type resettleBody,
  resettlementListSchema,
  resettlementSchema,
  type withdrawBody,
} from '../../shared/api/relocation';
import { api } from './client';

export type {
  CaseDetail,
  CaseSummary,
  RelocationTotals,
  Resettlement,
} from '../../shared/api/relocation';
export type CaseInput = z.input<typeof createCaseBody>;
export type ResettlementInput = z.input<typeof createResettlementBody>;
export type StepInputs = {
  agree: z.input<typeof agreeBody>;
  pay: z.input<typeof payBody>;
  move: z.input<typeof moveBody>;
  resettle: z.input<typeof resettleBody>;
  withdraw: z.input<typeof withdrawBody>;
};
export type DisputeInput = z.input<typeof disputeBody>;

const PAGE_SIZE = 50;

/** Every relocation query key starts with 'relocation': a change refreshes lists, totals and pages. */
export const relocationKeys = {
  all: ['relocation'] as const,
  list: (status: string, program: string) => ['relocation', 'list', status, program] as const,
  detail: (id: string) => ['relocation', 'detail', id] as const,
  resettlements: ['relocation', 'resettlements'] as const,
  totals: (region: string) => ['relocation', 'totals', region] as const,
};

export const casesQuery = (status: string, program: string) =>
  infiniteQueryOptions({
    queryKey: relocationKeys.list(status, program),
    queryFn: ({ pageParam, signal }) =>
      api('GET', '/api/relocation-cases', casePageSchema, {
        query: { status, program, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: relocationKeys.detail(id),
    queryFn: () => api('GET', `/api/relocation-cases/${id}`, caseDetailSchema),
  });

export const resettlementsQuery = () =>
  queryOptions({
    queryKey: relocationKeys.resettlements,
    queryFn: () => api('GET', '/api/resettlement-communities', resettlementListSchema),
  });

export const relocationTotalsQuery = (region: string) =>
  queryOptions({
    queryKey: relocationKeys.totals(region),
    queryFn: () =>
      api('GET', '/api/relocation-totals', relocationTotalsSchema, { query: region ? { region } : {} }),
  });

export const createCase = (body: CaseInput) =>
  api('POST', '/api/relocation-cases', caseDetailSchema, { body });

export const takeStep = <K extends keyof StepInputs>(id: string, action: K, body: StepInputs[K]) =>
  api('POST', `/api/relocation-cases/${id}/${action}`, caseDetailSchema, { body });

export const raiseDispute = (id: string, body: DisputeInput) =>
  api('POST', `/api/relocation-cases/${id}/disputes`, disputeResultSchema, { body });

export const createResettlement = (body: ResettlementInput) =>
  api('POST', '/api/resettlement-communities', resettlementSchema, { body });
