import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  contactPointDetailSchema,
  contactPointPageSchema,
  type contactRecordBody,
  type createContactPointBody,
  type createWorkLogBody,
  myContactPointsSchema,
  type updateWorkLogBody,
  workLogCountsSchema,
  workLogPageSchema,
  workLogSchema,
} from '../../shared/api/worklogs';
import { api } from './client';

export type { ContactPoint, ContactPointDetail, WorkLog, WorkLogCount } from '../../shared/api/worklogs';
export type WorkLogInput = z.input<typeof createWorkLogBody>;
export type WorkLogUpdate = z.input<typeof updateWorkLogBody>;
export type ContactPointInput = z.input<typeof createContactPointBody>;
export type ContactRecordInput = z.input<typeof contactRecordBody>;

const PAGE_SIZE = 50;

/** Work logs and contact points share the root key 'worklogs': a change refreshes both pages. */
export const worklogKeys = {
  all: ['worklogs'] as const,
  list: (filter: Record<string, string>) => ['worklogs', 'list', filter] as const,
  counts: (month: string, missing: boolean) => ['worklogs', 'counts', month, missing] as const,
  points: (filter: Record<string, string>) => ['worklogs', 'points', filter] as const,
  mine: (days: number) => ['worklogs', 'mine', days] as const,
  point: (id: string, own: boolean) => ['worklogs', 'point', id, own] as const,
};

export const workLogsQuery = (filter: Record<string, string>) =>
  infiniteQueryOptions({
    queryKey: worklogKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api('GET', '/api/work-logs', workLogPageSchema, {
        query: { ...filter, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const workLogCountsQuery = (month: string, missing: boolean) =>
  queryOptions({
    queryKey: worklogKeys.counts(month, missing),
    queryFn: () =>
      api('GET', '/api/work-log-counts', workLogCountsSchema, {
        query: { month, missing: missing ? 'true' : '' },
      }),
  });

export const createWorkLog = (body: WorkLogInput) => api('POST', '/api/work-logs', workLogSchema, { body });
export const updateWorkLog = (id: string, body: WorkLogUpdate) =>
  api('PUT', `/api/work-logs/${id}`, workLogSchema, { body });
export const voidWorkLog = (id: string, reason: string) =>
  api('POST', `/api/work-logs/${id}/void`, workLogSchema, { body: { reason } });

export const contactPointsQuery = (filter: Record<string, string>) =>
  infiniteQueryOptions({
    queryKey: worklogKeys.points(filter),
    queryFn: ({ pageParam, signal }) =>
      api('GET', '/api/contact-points', contactPointPageSchema, {
        query: { ...filter, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const myContactPointsQuery = (days: number) =>
  queryOptions({
    queryKey: worklogKeys.mine(days),
    queryFn: () => api('GET', '/api/me/contact-points', myContactPointsSchema, { query: { days } }),
  });

/** One contact point with its records: through the leader's own route or the read permission. */
export const contactPointQuery = (id: string, own: boolean) =>
  queryOptions({
    queryKey: worklogKeys.point(id, own),
    queryFn: () =>
      api(
        'GET',
        own ? `/api/me/contact-points/${id}` : `/api/contact-points/${id}`,
        contactPointDetailSchema,
      ),
  });

export const assignContactPoint = (body: ContactPointInput) =>
  api('POST', '/api/contact-points', contactPointDetailSchema, { body });
export const endContactPoint = (id: string, endOn: string) =>
  api('POST', `/api/contact-points/${id}/end`, contactPointDetailSchema, { body: { endOn } });
export const recordContact = (id: string, body: ContactRecordInput) =>
  api('POST', `/api/me/contact-points/${id}/records`, contactPointDetailSchema, { body });
