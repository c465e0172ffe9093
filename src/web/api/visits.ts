import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  campaignPageSchema,
  campaignSchema,
  changeRequestPageSchema,
  changeRequestSchema,
  coverageSchema,
  householdBriefSchema,
  needOrderSchema,
  type RecordVisitBody,
  visitPageSchema,
  visitSchema,
  visitTargetPageSchema,
  type visitTargetSchema,
} from '../../shared/api/visits';
import { api } from './client';

/** 大走访 API: every answer is checked against the shared schema, never cast. */

export type Campaign = z.infer<typeof campaignSchema>;
export type VisitTarget = z.infer<typeof visitTargetSchema>;
export type Visit = z.infer<typeof visitSchema>;
export type HouseholdBrief = z.infer<typeof householdBriefSchema>;
export type Coverage = z.infer<typeof coverageSchema>;
export type ChangeRequest = z.infer<typeof changeRequestSchema>;

const campaignPage = campaignPageSchema;
const targetPage = visitTargetPageSchema;
const visitPage = visitPageSchema;
const changePage = changeRequestPageSchema;

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
  queryFn: async () => await api('GET', '/api/visit-campaigns', campaignPage, { query: { limit: 100 } }),
});

export const campaignQuery = (id: string) =>
  queryOptions({
    queryKey: visitKeys.campaign(id),
    queryFn: async () => await api('GET', `/api/visit-campaigns/${id}`, campaignSchema),
  });

export const coverageQuery = (id: string, region: string) =>
  queryOptions({
    queryKey: visitKeys.coverage(id, region),
    queryFn: async () =>
      await api('GET', `/api/visit-campaigns/${id}/coverage`, coverageSchema, { query: { region } }),
  });

export const myTargetsQuery = queryOptions({
  queryKey: visitKeys.mine,
  queryFn: async () => await api('GET', '/api/me/visit-targets', targetPage, { query: { limit: 200 } }),
});

export const targetsQuery = (campaign: string, state: string) =>
  queryOptions({
    queryKey: visitKeys.targets(campaign, state),
    queryFn: async () =>
      await api('GET', '/api/visit-targets', targetPage, { query: { campaign, state, limit: 200 } }),
  });

export const briefQuery = (household: string) =>
  queryOptions({
    queryKey: visitKeys.brief(household),
    queryFn: async () => await api('GET', `/api/visit-households/${household}`, householdBriefSchema),
  });

export const visitLogQuery = queryOptions({
  queryKey: visitKeys.log,
  queryFn: async () => await api('GET', '/api/visits', visitPage, { query: { limit: 50 } }),
});

export const changesQuery = (status: string) =>
  queryOptions({
    queryKey: visitKeys.changes(status),
    queryFn: async () =>
      await api('GET', '/api/visit-change-requests', changePage, { query: { status, limit: 100 } }),
  });

export const createCampaign = async (body: unknown) =>
  await api('POST', '/api/visit-campaigns', campaignSchema, { body });

export const assignHouseholds = async (
  id: string,
  body: { householdIds: string[]; visitorUserId: string | null },
) => await api('POST', `/api/visit-campaigns/${id}/assignments`, campaignSchema, { body });

export const sendVisit = async (body: RecordVisitBody) =>
  await api('POST', '/api/visits', visitSchema, { body });

export const needToOrder = (needId: string) =>
  api('POST', `/api/visit-needs/${needId}/order`, needOrderSchema, { body: {} });

export const decideChange = (id: string, decision: 'confirm' | 'reject') =>
  api('POST', `/api/visit-change-requests/${id}/decision`, changeRequestSchema, { body: { decision } });
