import { queryOptions } from '@tanstack/react-query';
import { deedCreatedSchema, deedListSchema, deedSummarySchema, type NewDeed } from '../../shared/api/deeds';
import { api } from './client';

export type { Deed, DeedSummary } from '../../shared/api/deeds';

export const deedKeys = {
  all: ['deeds'] as const,
  list: (region: string, member: string) => ['deeds', 'list', region, member] as const,
  summary: (region: string) => ['deeds', 'summary', region] as const,
};

export const deedsQuery = (region: string, member: string) =>
  queryOptions({
    queryKey: deedKeys.list(region, member),
    queryFn: () =>
      api('GET', '/api/deeds', deedListSchema, { query: { region, member } }).then((r) => r.items),
  });

export const deedSummaryQuery = (region: string) =>
  queryOptions({
    queryKey: deedKeys.summary(region),
    queryFn: () => api('GET', '/api/deeds/summary', deedSummarySchema, { query: { region } }),
  });

export const createDeed = (body: NewDeed) => api('POST', '/api/deeds', deedCreatedSchema, { body });
