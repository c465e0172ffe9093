import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  commendationListSchema,
  commendationSchema,
  commitmentListSchema,
  commitmentSchema,
  type createCommendationBody,
  type createTransferBody,
  type registerBody,
  registrationListSchema,
  registrationSchema,
  registrationSummarySchema,
  transferListSchema,
  transferSchema,
} from '../../shared/api/member-workflows';
import { api, isApiError } from './client';
import type {
  RegistrationStatus,
  Satisfaction,
  TransferAction,
  TransferDirection,
} from './organization-types';

/** Every workflow query key starts with 'workflows': a decision or action refreshes them together. */
export const workflowKeys = {
  all: ['workflows'] as const,
  myRegistration: ['workflows', 'my-registration'] as const,
  myCommitments: ['workflows', 'my-commitments'] as const,
  registrations: (region: string, status: string) => ['workflows', 'registrations', region, status] as const,
  summary: (region: string) => ['workflows', 'registration-summary', region] as const,
  transfers: (direction: TransferDirection) => ['workflows', 'transfers', direction] as const,
  commitments: (region: string, year: number | null) => ['workflows', 'commitments', region, year] as const,
  commendations: (region: string) => ['workflows', 'commendations', region] as const,
};

const LIMIT = 200;

// ---- 双报到 ----

/** The signed-in member's registration, or null before the first one. */
export const myRegistrationQuery = queryOptions({
  queryKey: workflowKeys.myRegistration,
  queryFn: async () => {
    try {
      return await api('GET', '/api/me/registration', registrationSchema);
    } catch (error) {
      if (isApiError(error, 404)) return null;
      throw error;
    }
  },
});

export type NewRegistration = z.input<typeof registerBody>;

export const register = (registration: NewRegistration) =>
  api('POST', '/api/me/registration', registrationSchema, { body: registration });

export const registrationsQuery = (region: string, status: RegistrationStatus | '') =>
  queryOptions({
    queryKey: workflowKeys.registrations(region, status),
    queryFn: () =>
      api('GET', '/api/registrations', registrationListSchema, {
        query: { region, status, limit: LIMIT },
      }).then((r) => r.items),
  });

export const registrationSummaryQuery = (region: string) =>
  queryOptions({
    queryKey: workflowKeys.summary(region),
    queryFn: () =>
      api('GET', '/api/registrations/summary', registrationSummarySchema, { query: { region } }).then(
        (r) => r.items,
      ),
  });

export const decideRegistration = (id: string, decision: 'confirm' | 'reject', note?: string) =>
  api('POST', `/api/registrations/${id}/decision`, registrationSchema, { body: { decision, note } });

// ---- 组织关系转接 ----

export const transfersQuery = (direction: TransferDirection) =>
  queryOptions({
    queryKey: workflowKeys.transfers(direction),
    queryFn: () =>
      api('GET', '/api/transfers', transferListSchema, { query: { direction, limit: LIMIT } }).then(
        (r) => r.items,
      ),
  });

export type NewTransfer = z.input<typeof createTransferBody>;

export const requestTransfer = (transfer: NewTransfer) =>
  api('POST', '/api/transfers', transferSchema, { body: transfer });

export const actOnTransfer = (id: string, action: TransferAction) =>
  api('POST', `/api/transfers/${id}/actions`, transferSchema, { body: { action } });

// ---- 承诺践诺 ----

export const myCommitmentsQuery = queryOptions({
  queryKey: workflowKeys.myCommitments,
  queryFn: () => api('GET', '/api/me/commitments', commitmentListSchema).then((r) => r.items),
});

export const commitmentsQuery = (region: string, year: number | null) =>
  queryOptions({
    queryKey: workflowKeys.commitments(region, year),
    queryFn: () =>
      api('GET', '/api/commitments', commitmentListSchema, { query: { region, year, limit: LIMIT } }).then(
        (r) => r.items,
      ),
  });

export const createCommitment = (memberId: string, year: number, content: string) =>
  api('POST', `/api/members/${memberId}/commitments`, commitmentSchema, { body: { year, content } });

export const reportProgress = (id: string, progress: number, note: string) =>
  api('POST', `/api/commitments/${id}/progress`, commitmentSchema, { body: { progress, note } });

export const rateCommitment = (id: string, rating: Satisfaction) =>
  api('POST', `/api/commitments/${id}/ratings`, commitmentSchema, { body: { rating } });

// ---- 表彰 ----

export const commendationsQuery = (region: string) =>
  queryOptions({
    queryKey: workflowKeys.commendations(region),
    queryFn: () =>
      api('GET', '/api/commendations', commendationListSchema, { query: { region, limit: LIMIT } }).then(
        (r) => r.items,
      ),
  });

export type NewCommendation = z.input<typeof createCommendationBody>;

export const createCommendation = (commendation: NewCommendation) =>
  api('POST', '/api/commendations', commendationSchema, { body: commendation });
