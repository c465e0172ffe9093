import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  complianceSchema,
  type createMeetingBody,
  meetingDetailSchema,
  meetingPageSchema,
  meetingTaskPageSchema,
  meetingTaskSchema,
  type submitMeetingBody,
  type updateMeetingBody,
} from '../../shared/api/meetings';
import { api } from './client';

export type {
  ComplianceRow,
  MeetingDetail,
  MeetingSummary,
  MeetingTask,
} from '../../shared/api/meetings';
export type MeetingInput = z.input<typeof createMeetingBody>;
export type MeetingUpdate = z.input<typeof updateMeetingBody>;
export type SubmitInput = z.input<typeof submitMeetingBody>;

const PAGE_SIZE = 50;

/** Every meeting query key starts with 'meetings': a change refreshes lists, compliance and tasks. */
export const meetingKeys = {
  all: ['meetings'] as const,
  list: (filter: Record<string, string>) => ['meetings', 'list', filter] as const,
  detail: (id: string) => ['meetings', 'detail', id] as const,
  compliance: (quarter: string, region: string) => ['meetings', 'compliance', quarter, region] as const,
  tasks: (filter: Record<string, string>) => ['meetings', 'tasks', filter] as const,
};

export const meetingsQuery = (filter: Record<string, string>) =>
  infiniteQueryOptions({
    queryKey: meetingKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api('GET', '/api/meetings', meetingPageSchema, {
        query: { ...filter, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const meetingQuery = (id: string) =>
  queryOptions({
    queryKey: meetingKeys.detail(id),
    queryFn: () => api('GET', `/api/meetings/${id}`, meetingDetailSchema),
  });

export const complianceQuery = (quarter: string, region: string) =>
  queryOptions({
    queryKey: meetingKeys.compliance(quarter, region),
    queryFn: () => api('GET', '/api/meeting-compliance', complianceSchema, { query: { quarter, region } }),
  });

export const meetingTasksQuery = (filter: Record<string, string>) =>
  infiniteQueryOptions({
    queryKey: meetingKeys.tasks(filter),
    queryFn: ({ pageParam, signal }) =>
      api('GET', '/api/meeting-tasks', meetingTaskPageSchema, {
        query: { ...filter, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const createMeeting = (body: MeetingInput) =>
  api('POST', '/api/meetings', meetingDetailSchema, { body });
export const updateMeeting = (id: string, body: MeetingUpdate) =>
  api('PUT', `/api/meetings/${id}`, meetingDetailSchema, { body });
export const submitMeeting = (id: string, body: SubmitInput) =>
  api('POST', `/api/meetings/${id}/submit`, meetingDetailSchema, { body });
export const approveMeeting = (id: string) => api('POST', `/api/meetings/${id}/approve`, meetingDetailSchema);
export const returnMeeting = (id: string, reason: string) =>
  api('POST', `/api/meetings/${id}/return`, meetingDetailSchema, { body: { reason } });
export const markTaskDone = (id: string) => api('POST', `/api/meeting-tasks/${id}/done`, meetingTaskSchema);
