import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  accountListSchema,
  arrearsNotifySchema,
  arrearsPageSchema,
  type DuesCategory,
  duesCalculationSchema,
  duesRecordSchema,
  periodListSchema,
  statementSchema,
  type VoucherBody,
  type VoucherStatus,
  type voucherBody,
  voucherDetailSchema,
  voucherPageSchema,
} from '../../shared/api/funds';
import { api, download } from './client';

export type {
  AccountType,
  DuesCategory,
  DuesRecord,
  FundAccount,
  SpendingKind,
  Statement,
  VoucherDetail,
  VoucherKind,
  VoucherStatus,
  VoucherSummary,
} from '../../shared/api/funds';
export type ArrearsItem = z.infer<typeof arrearsPageSchema>['items'][number];
export type Period = z.infer<typeof periodListSchema>['items'][number];

const PAGE_SIZE = 50;

/** Every fund query key starts with 'funds': a posting refreshes accounts, vouchers and periods together. */
export const fundKeys = {
  all: ['funds'] as const,
  accounts: (org: string) => ['funds', 'accounts', org] as const,
  vouchers: (org: string, status: string) => ['funds', 'vouchers', org, status] as const,
  voucher: (id: string) => ['funds', 'voucher', id] as const,
  periods: (org: string) => ['funds', 'periods', org] as const,
  statement: (org: string, from: string, to: string, account: string) =>
    ['funds', 'statement', org, from, to, account] as const,
  dues: (member: string) => ['funds', 'dues', member] as const,
  arrears: ['funds', 'arrears'] as const,
};

export const accountsQuery = (org: string) =>
  queryOptions({
    queryKey: fundKeys.accounts(org),
    queryFn: () => api('GET', `/api/organizations/${org}/fund-accounts`, accountListSchema),
  });

export const vouchersQuery = (org: string, status: VoucherStatus | '') =>
  infiniteQueryOptions({
    queryKey: fundKeys.vouchers(org, status),
    queryFn: ({ pageParam, signal }) =>
      api('GET', `/api/organizations/${org}/fund-vouchers`, voucherPageSchema, {
        query: { status, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const voucherQuery = (id: string) =>
  queryOptions({
    queryKey: fundKeys.voucher(id),
    queryFn: () => api('GET', `/api/fund-vouchers/${id}`, voucherDetailSchema),
  });

export const periodsQuery = (org: string) =>
  queryOptions({
    queryKey: fundKeys.periods(org),
    queryFn: () =>
      api('GET', `/api/organizations/${org}/fund-periods`, periodListSchema).then((r) => r.items),
  });

export const statementQuery = (org: string, from: string, to: string, account: string) =>
  queryOptions({
    queryKey: fundKeys.statement(org, from, to, account),
    queryFn: () =>
      api('GET', `/api/organizations/${org}/fund-statement`, statementSchema, {
        query: { from, to, account },
      }),
  });

export const openLedger = (org: string) =>
  api('POST', `/api/organizations/${org}/fund-ledger`, accountListSchema);

export const createVoucher = (org: string, body: z.input<typeof voucherBody>) =>
  api('POST', `/api/organizations/${org}/fund-vouchers`, voucherDetailSchema, { body });
export type VoucherInput = VoucherBody;

export const approveVoucher = (id: string) =>
  api('POST', `/api/fund-vouchers/${id}/approve`, voucherDetailSchema, { body: {} });
export const rejectVoucher = (id: string, note: string) =>
  api('POST', `/api/fund-vouchers/${id}/reject`, voucherDetailSchema, { body: { note } });

export const closePeriod = (org: string, month: string) =>
  api('POST', `/api/organizations/${org}/fund-periods/${month}/close`, periodListSchema);

export const downloadAnnualReport = (org: string, year: number) =>
  download('GET', `/api/organizations/${org}/fund-report.xlsx`, `fund-report-${year}.xlsx`, {
    query: { year },
  });

export const calculateDues = (category: DuesCategory, incomeFen: number) =>
  api('POST', '/api/dues/calculate', duesCalculationSchema, { body: { category, incomeFen } });

export const duesQuery = (member: string) =>
  queryOptions({
    queryKey: fundKeys.dues(member),
    queryFn: () => api('GET', `/api/members/${member}/dues`, duesRecordSchema),
    enabled: member !== '',
  });

export const setDuesBase = (
  member: string,
  body: { category: DuesCategory; incomeFen: number; effectiveMonth: string },
) => api('PUT', `/api/members/${member}/dues-base`, duesRecordSchema, { body });

export const recordDues = (member: string, body: { months: string[]; paidOn: string }) =>
  api('POST', `/api/members/${member}/dues-payments`, duesRecordSchema, { body });

export const arrearsQuery = infiniteQueryOptions({
  queryKey: fundKeys.arrears,
  queryFn: ({ pageParam, signal }) =>
    api('GET', '/api/dues-arrears', arrearsPageSchema, {
      query: { limit: PAGE_SIZE, cursor: pageParam },
      signal,
    }),
  initialPageParam: '',
  getNextPageParam: (last) => last.nextCursor ?? undefined,
});

export const notifyArrears = () => api('POST', '/api/dues-arrears/notify', arrearsNotifySchema);
