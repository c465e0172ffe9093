import { queryOptions } from '@tanstack/react-query';
import { api, isApiError } from './client';
import type {
  Commendation,
  Commitment,
  Registration,
  RegistrationStatus,
  RegistrationSummary,
  Satisfaction,
  ServiceArea,
  Transfer,
  TransferAction,
  TransferDirection,
} from './organization-types';
import type { Items } from './types';

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
      return await api<Registration>('GET', '/api/me/registration');
    } catch (error) {
      if (isApiError(error, 404)) return null;
      throw error;
    }
  },
});

export interface NewRegistration {
  communityCode: string;
  serviceAreas: ServiceArea[];
  commitment: string;
}

export const register = (registration: NewRegistration) =>
  api<Registration>('POST', '/api/me/registration', { body: registration });

export const registrationsQuery = (region: string, status: RegistrationStatus | '') =>
  queryOptions({
    queryKey: workflowKeys.registrations(region, status),
    queryFn: () =>
      api<Items<Registration>>('GET', '/api/registrations', { query: { region, status, limit: LIMIT } }).then(
        (r) => r.items,
      ),
  });

export const registrationSummaryQuery = (region: string) =>
  queryOptions({
    queryKey: workflowKeys.summary(region),
    queryFn: () =>
      api<Items<RegistrationSummary>>('GET', '/api/registrations/summary', { query: { region } }).then(
        (r) => r.items,
      ),
  });

export const decideRegistration = (id: string, decision: 'confirm' | 'reject', note?: string) =>
  api<Registration>('POST', `/api/registrations/${id}/decision`, { body: { decision, note } });

// ---- 组织关系转接 ----

export const transfersQuery = (direction: TransferDirection) =>
  queryOptions({
    queryKey: workflowKeys.transfers(direction),
    queryFn: () =>
      api<Items<Transfer>>('GET', '/api/transfers', { query: { direction, limit: LIMIT } }).then(
        (r) => r.items,
      ),
  });

export interface NewTransfer {
  memberId: string;
  toOrganizationId: string;
  /** YYYY-MM */
  duesPaidUntil: string;
  letterValidDays: number;
  note?: string;
}

export const requestTransfer = (transfer: NewTransfer) =>
  api<Transfer>('POST', '/api/transfers', { body: transfer });

export const actOnTransfer = (id: string, action: TransferAction) =>
  api<Transfer>('POST', `/api/transfers/${id}/actions`, { body: { action } });

// ---- 承诺践诺 ----

export const myCommitmentsQuery = queryOptions({
  queryKey: workflowKeys.myCommitments,
  queryFn: () => api<Items<Commitment>>('GET', '/api/me/commitments').then((r) => r.items),
});

export const commitmentsQuery = (region: string, year: number | null) =>
  queryOptions({
    queryKey: workflowKeys.commitments(region, year),
    queryFn: () =>
      api<Items<Commitment>>('GET', '/api/commitments', { query: { region, year, limit: LIMIT } }).then(
        (r) => r.items,
      ),
  });

export const createCommitment = (memberId: string, year: number, content: string) =>
  api<Commitment>('POST', `/api/members/${memberId}/commitments`, { body: { year, content } });

export const reportProgress = (id: string, progress: number, note: string) =>
  api<Commitment>('POST', `/api/commitments/${id}/progress`, { body: { progress, note } });

export const rateCommitment = (id: string, rating: Satisfaction) =>
  api<Commitment>('POST', `/api/commitments/${id}/ratings`, { body: { rating } });

// ---- 表彰 ----

export const commendationsQuery = (region: string) =>
  queryOptions({
    queryKey: workflowKeys.commendations(region),
    queryFn: () =>
      api<Items<Commendation>>('GET', '/api/commendations', { query: { region, limit: LIMIT } }).then(
        (r) => r.items,
      ),
  });

export interface NewCommendation {
  year: number;
  title: string;
  subjectType: 'member' | 'organization';
  subjectId: string;
  note?: string;
}

export const createCommendation = (commendation: NewCommendation) =>
  api<Commendation>('POST', '/api/commendations', { body: commendation });
