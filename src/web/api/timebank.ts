import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import {
  type AccountDetailDto,
  type AccountDto,
  accountDetailSchema,
  accountListSchema,
  createdSchema,
  type LedgerRowDto,
  redemptionSchema,
  type TransferBody,
} from '../../shared/api/timebank';
import { api } from './client';

/** 爱心银行 API: every answer is checked against the shared schema, never cast. */

export type Account = AccountDto;
export type AccountDetail = AccountDetailDto;
export type LedgerRow = LedgerRowDto;

const PAGE_SIZE = 50;

/** Every time-bank query key starts with 'timebank': a transfer refreshes them together. */
export const timebankKeys = {
  all: ['timebank'] as const,
  accounts: (q: string) => ['timebank', 'accounts', q] as const,
  account: (id: string) => ['timebank', 'account', id] as const,
};

export const accountsQuery = (q: string) =>
  infiniteQueryOptions({
    queryKey: timebankKeys.accounts(q),
    queryFn: ({ pageParam, signal }) =>
      api('GET', '/api/timebank/accounts', accountListSchema, {
        query: { q, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const accountQuery = (id: string) =>
  queryOptions({
    queryKey: timebankKeys.account(id),
    queryFn: ({ signal }) => api('GET', `/api/timebank/accounts/${id}`, accountDetailSchema, { signal }),
  });

export const postTransfer = (body: TransferBody) =>
  api('POST', '/api/timebank/transfers', createdSchema, { body });

export const redeemCode = (code: string) =>
  api('POST', '/api/timebank/redemptions', redemptionSchema, { body: { code } });
