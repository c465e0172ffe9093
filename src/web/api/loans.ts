import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type createLoanBody,
  type disburseBody,
  type LoanAction,
  type LoanStatus,
  loanDetailSchema,
  loanPageSchema,
  loanPrefillSchema,
  type repaymentBody,
} from '../../shared/api/loans';
import { api } from './client';

export type {
  DelinquencyBucket,
  LoanAction,
  LoanDetail,
  LoanStatus,
  LoanSummary,
  RepaymentMethod,
} from '../../shared/api/loans';
export type LoanInput = z.input<typeof createLoanBody>;
export type DisburseInput = z.input<typeof disburseBody>;
export type RepaymentInput = z.input<typeof repaymentBody>;
export type LoanInstalment = z.infer<typeof loanDetailSchema>['instalments'][number];
export type LoanEvent = z.infer<typeof loanDetailSchema>['events'][number];

const PAGE_SIZE = 50;

/** Every loan query key starts with 'loans': a change refreshes the list and the page together. */
export const loanKeys = {
  all: ['loans'] as const,
  list: (status: string) => ['loans', 'list', status] as const,
  detail: (id: string) => ['loans', 'detail', id] as const,
  prefill: (personId: string) => ['loans', 'prefill', personId] as const,
};

export const loansQuery = (status: LoanStatus | '') =>
  infiniteQueryOptions({
    queryKey: loanKeys.list(status),
    queryFn: ({ pageParam, signal }) =>
      api('GET', '/api/loan-applications', loanPageSchema, {
        query: { status, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const loanQuery = (id: string) =>
  queryOptions({
    queryKey: loanKeys.detail(id),
    queryFn: () => api('GET', `/api/loan-applications/${id}`, loanDetailSchema),
  });

/** The applicant as the register knows them (masked) and their district's limits, for the form. */
export const loanPrefillQuery = (personId: string | undefined) =>
  queryOptions({
    queryKey: loanKeys.prefill(personId ?? ''),
    queryFn: () => api('GET', `/api/persons/${personId}/loan-prefill`, loanPrefillSchema),
    enabled: personId !== undefined,
  });

export const createLoan = (body: LoanInput) =>
  api('POST', '/api/loan-applications', loanDetailSchema, { body });

export const tickDocument = (id: string, item: string, ticked: boolean) =>
  api('POST', `/api/loan-applications/${id}/documents`, loanDetailSchema, { body: { item, ticked } });

/** `community_approve` → `community-approve`: each named action is its own route. */
export const actOnLoan = (id: string, action: Exclude<LoanAction, 'disburse'>, reason?: string) =>
  api('POST', `/api/loan-applications/${id}/${action.replaceAll('_', '-')}`, loanDetailSchema, {
    body: reason ? { reason } : {},
  });

export const disburseLoan = (id: string, body: DisburseInput) =>
  api('POST', `/api/loan-applications/${id}/disburse`, loanDetailSchema, { body });

export const recordRepayment = (id: string, body: RepaymentInput) =>
  api('POST', `/api/loan-applications/${id}/repayments`, loanDetailSchema, { body });

export const setHardship = (id: string, pause: boolean, reason: string) =>
  api('POST', `/api/loan-applications/${id}/hardship`, loanDetailSchema, { body: { pause, reason } });
