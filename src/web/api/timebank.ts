import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import {
  type AccountDetailDto,
  type AccountDto,
  accountDetailSchema,
  accountListSchema,
  createdSchema,
  type LedgerRowDto,
  myTimebankSchema,
  type RANKING_ORDERS,
  rankingSchema,
  redemptionSchema,
  type STATEMENT_FORMATS,
  type TransferBody,
} from '../../shared/api/timebank';
import { api, download } from './client';

/** 爱心银行 API: every answer is checked against the shared schema, never cast. */

export type Account = AccountDto;
export type AccountDetail = AccountDetailDto;
export type LedgerRow = LedgerRowDto;
export type { MyTimebank, Ranking, RankingEntry, TransferKindName } from '../../shared/api/timebank';
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];
export type RankingOrder = (typeof RANKING_ORDERS)[number];

const PAGE_SIZE = 50;

/** Every time-bank query key starts with 'timebank': a transfer refreshes them together. */
export const timebankKeys = {
  all: ['timebank'] as const,
  accounts: (q: string) => ['timebank', 'accounts', q] as const,
  account: (id: string) => ['timebank', 'account', id] as const,
  rankings: (query: RankingFilter) => ['timebank', 'rankings', query] as const,
  mine: ['timebank', 'mine'] as const,
};

export interface RankingFilter {
  region: string;
  from: string;
  to: string;
  by: RankingOrder;
}

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

/** Volunteers of a region ranked over months (the server masks names the viewer may not see). */
export const rankingsQuery = (filter: RankingFilter) =>
  queryOptions({
    queryKey: timebankKeys.rankings(filter),
    queryFn: ({ signal }) =>
      api('GET', '/api/timebank/rankings', rankingSchema, { query: { ...filter, limit: 50 }, signal }),
    enabled: filter.region !== '',
  });

/** The signed-in member's own account (null until minutes first reach them). */
export const myTimebankQuery = queryOptions({
  queryKey: timebankKeys.mine,
  queryFn: ({ signal }) => api('GET', '/api/me/timebank', myTimebankSchema, { signal }),
});

/** A monthly statement file: of an account in scope (`accountId`), or of one's own account. */
export const downloadStatement = (month: string, format: StatementFormat, accountId?: string) =>
  download(
    'GET',
    accountId
      ? `/api/timebank/accounts/${accountId}/statements/${month}.${format}`
      : `/api/me/timebank/statements/${month}.${format}`,
    `statement-${month}.${format}`,
  );
