import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  campaignSchema,
  changeRequestSchema,
  coverageSchema,
  householdBriefSchema,
  pageOf,
  type RecordVisitBody,
  visitSchema,
  visitTargetSchema,
} from '../../shared/api/visits';
import { api } from './client';

/** 大走访 API: every answer is checked against the shared schema, never cast. */

export type Campaign = z.infer<typeof campaignSchema>;
export type VisitTarget = z.infer<typeof visitTargetSchema>;
export type Visit = z.infer<typeof visitSchema>;
export type HouseholdBrief = z.infer<typeof householdBriefSchema>;
export type Coverage = z.infer<typeof coverageSchema>;
export type ChangeRequest = z.infer<typeof changeRequestSchema>;

const campaignPage = pageOf(campaignSchema);
const targetPage = pageOf(visitTargetSchema);
const visitPage = pageOf(visitSchema);
const changePage = pageOf(changeRequestSchema);

export const visitKeys = {
  all: ['visits'] as const,
  campaigns: ['visits', 'campaigns'] as const,
  campaign: (id: string) => ['visits', 'campaign', id] as const,
  coverage: (id: string, region: string) => ['visits', 'coverage', id, region] as const,
  mine: ['visits', 'mine'] as const,
  targets: (campaign: string, state: string) => ['visits', 'targets', campaign, state] as const,
  brief: (household: string) => ['visits', 'brief', household] as const,
  log: ['visits', 'log'] as const,
  changes: (status: string) => ['visits', 'changes', status] as const,
};

export const campaignsQuery = queryOptions({
  queryKey: visitKeys.campaigns,
  queryFn: async () =>
    campaignPage.parse(await api<unknown>('GET', '/api/visit-campaigns', { query: { limit: 100 } })),
});

export const campaignQuery = (id: string) =>
  queryOptions({
    queryKey: visitKeys.campaign(id),
    queryFn: async () => campaignSchema.parse(await api<unknown>('GET', `/api/visit-campaigns/${id}`)),
  });

export const coverageQuery = (id: string, region: string) =>
  queryOptions({
    queryKey: visitKeys.coverage(id, region),
    queryFn: async () =>
      coverageSchema.parse(
        await api<unknown>('GET', `/api/visit-campaigns/${id}/coverage`, { query: { region } }),
      ),
  });

export const myTargetsQuery = queryOptions({
  queryKey: visitKeys.mine,
  queryFn: async () =>
    targetPage.parse(await api<unknown>('GET', '/api/me/visit-targets', { query: { limit: 200 } })),
});

export const targetsQuery = (campaign: string, state: string) =>
  queryOptions({
    queryKey: visitKeys.targets(campaign, state),
    queryFn: async () =>
      targetPage.parse(
        await api<unknown>('GET', '/api/visit-targets', { query: { campaign, state, limit: 200 } }),
      ),
  });

export const briefQuery = (household: string) =>
  queryOptions({
    queryKey: visitKeys.brief(household),
    queryFn: async () =>
      householdBriefSchema.parse(await api<unknown>('GET', `/api/visit-households/${household}`)),
  });

export const visitLogQuery = queryOptions({
  queryKey: visitKeys.log,
  queryFn: async () => visitPage.parse(await api<unknown>('GET', '/api/visits', { query: { limit: 50 } })),
});

export const changesQuery = (status: string) =>
  queryOptions({
    queryKey: visitKeys.changes(status),
    queryFn: async () =>
      changePage.parse(
        await api<unknown>('GET', '/api/visit-change-requests', { query: { status, limit: 100 } }),
      ),
  });

export const createCampaign = async (body: unknown) =>
  campaignSchema.parse(await api<unknown>('POST', '/api/visit-campaigns', { body }));

export const assignHouseholds = async (
  id: string,
  body: { householdIds: string[]; visitorUserId: string | null },
) => campaignSchema.parse(await api<unknown>('POST', `/api/visit-campaigns/${id}/assignments`, { body }));

export const sendVisit = async (body: RecordVisitBody) =>
  visitSchema.parse(await api<unknown>('POST', '/api/visits', { body }));

export const needToOrder = (needId: string) =>
  api<unknown>('POST', `/api/visit-needs/${needId}/order`, { body: {} });

export const decideChange = (id: string, decision: 'confirm' | 'reject') =>
  api<unknown>('POST', `/api/visit-change-requests/${id}/decision`, { body: { decision } });
