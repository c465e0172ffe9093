import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { Items } from './types';

/** 好事实事: one good deed of a member, recorded by hand or when they resolved an order. */
export interface Deed {
  id: string;
  memberId: string;
  memberName: string;
  regionCode: string;
  workOrderId: string | null;
  title: string;
  description: string;
  doneOn: string;
}

export interface DeedSummary {
  byRegion: { regionCode: string; regionName: string; deeds: number }[];
  byMember: { memberId: string; memberName: string; deeds: number }[];
}

export const deedKeys = {
  all: ['deeds'] as const,
  list: (region: string, member: string) => ['deeds', 'list', region, member] as const,
  summary: (region: string) => ['deeds', 'summary', region] as const,
};

export const deedsQuery = (region: string, member: string) =>
  queryOptions({
    queryKey: deedKeys.list(region, member),
    queryFn: () => api<Items<Deed>>('GET', '/api/deeds', { query: { region, member } }).then((r) => r.items),
  });

export const deedSummaryQuery = (region: string) =>
  queryOptions({
    queryKey: deedKeys.summary(region),
    queryFn: () => api<DeedSummary>('GET', '/api/deeds/summary', { query: { region } }),
  });

export const createDeed = (body: { memberId: string; title: string; description: string; doneOn: string }) =>
  api<{ id: string }>('POST', '/api/deeds', { body });
