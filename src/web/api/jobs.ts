import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  candidatePageSchema,
  contactSchema,
  type fairBody,
  fairDetailSchema,
  fairPageSchema,
  fairSchema,
  type jobBody,
  jobPageSchema,
  jobSchema,
  myEnterprisesSchema,
  type OutcomeBody,
  recommendationPageSchema,
  recommendationSchema,
  type seekerBody,
  seekerDetailSchema,
  seekerMatchListSchema,
  seekerPageSchema,
  seekerSchema,
} from '../../shared/api/jobs';
import { api } from './client';

export type {
  Candidate,
  Job,
  JobMatch,
  MatchReasons,
  Outcome,
  Recommendation,
  Seeker,
  SeekerGroup,
  SeekerMatch,
} from '../../shared/api/jobs';
export type JobInput = z.input<typeof jobBody>;
export type SeekerInput = z.input<typeof seekerBody>;

/** Every job-service query key starts with 'jobs': a change refreshes them together. */
export const jobKeys = {
  all: ['jobs'] as const,
  jobs: (state: string) => ['jobs', 'list', state] as const,
  job: (id: string) => ['jobs', 'job', id] as const,
  matches: (id: string) => ['jobs', 'matches', id] as const,
  recommendations: (job: string) => ['jobs', 'recommendations', job] as const,
  seekers: ['jobs', 'seekers'] as const,
  seeker: (id: string) => ['jobs', 'seeker', id] as const,
  candidates: (group: string) => ['jobs', 'candidates', group] as const,
  mine: ['jobs', 'mine'] as const,
};

export const jobsQuery = (state: 'open' | 'all') =>
  queryOptions({
    queryKey: jobKeys.jobs(state),
    queryFn: () => api('GET', '/api/jobs', jobPageSchema, { query: { state, limit: 200 } }),
  });

export const jobQuery = (id: string) =>
  queryOptions({ queryKey: jobKeys.job(id), queryFn: () => api('GET', `/api/jobs/${id}`, jobSchema) });

export const matchesQuery = (id: string) =>
  queryOptions({
    queryKey: jobKeys.matches(id),
    queryFn: () => api('GET', `/api/jobs/${id}/matches`, seekerMatchListSchema, { query: { limit: 20 } }),
  });

export const jobRecommendationsQuery = (job: string) =>
  queryOptions({
    queryKey: jobKeys.recommendations(job),
    queryFn: () =>
      api('GET', '/api/job-recommendations', recommendationPageSchema, { query: { job, limit: 200 } }),
  });

export const seekersQuery = queryOptions({
  queryKey: jobKeys.seekers,
  queryFn: () => api('GET', '/api/job-seekers', seekerPageSchema, { query: { limit: 200 } }),
});

export const seekerQuery = (id: string) =>
  queryOptions({
    queryKey: jobKeys.seeker(id),
    queryFn: () => api('GET', `/api/job-seekers/${id}`, seekerDetailSchema),
  });

export const candidatesQuery = (group: string) =>
  queryOptions({
    queryKey: jobKeys.candidates(group),
    queryFn: () =>
      api('GET', '/api/job-seekers/candidates', candidatePageSchema, { query: { group, limit: 200 } }),
  });

export const myEnterprisesQuery = queryOptions({
  queryKey: [...jobKeys.mine, 'enterprises'],
  queryFn: () => api('GET', '/api/my-enterprise', myEnterprisesSchema),
});

export const myJobsQuery = queryOptions({
  queryKey: [...jobKeys.mine, 'jobs'],
  queryFn: () => api('GET', '/api/my-enterprise/jobs', jobPageSchema, { query: { limit: 200 } }),
});

export const myRecommendationsQuery = queryOptions({
  queryKey: [...jobKeys.mine, 'recommendations'],
  queryFn: () =>
    api('GET', '/api/my-enterprise/recommendations', recommendationPageSchema, { query: { limit: 200 } }),
});

export const createJob = (body: JobInput) => api('POST', '/api/jobs', jobSchema, { body });
export const createMyJob = (body: JobInput) => api('POST', '/api/my-enterprise/jobs', jobSchema, { body });
export const closeJob = (id: string) =>
  api('PATCH', `/api/jobs/${id}`, jobSchema, { body: { status: 'closed' } });
export const registerSeeker = (body: SeekerInput) => api('POST', '/api/job-seekers', seekerSchema, { body });
export const recommend = (body: { jobId: string; seekerId: string }) =>
  api('POST', '/api/job-recommendations', recommendationSchema, { body });
export const recordOutcome = (id: string, body: OutcomeBody, asEnterprise: boolean) =>
  api(
    'POST',
    asEnterprise
      ? `/api/my-enterprise/recommendations/${id}/outcome`
      : `/api/job-recommendations/${id}/outcome`,
    recommendationSchema,
    { body },
  );
export const linkContact = (body: { enterpriseId: string; userId: string }) =>
  api('POST', '/api/enterprise-contacts', contactSchema, { body });

// ---- job fairs (招聘会, 农民办事大集) and text alerts ----

export type FairInput = z.input<typeof fairBody>;
export type { Fair, FairDetail } from '../../shared/api/jobs';

export const fairKeys = {
  all: ['jobs', 'fairs'] as const,
  fair: (id: string) => ['jobs', 'fairs', id] as const,
};

export const fairsQuery = queryOptions({
  queryKey: fairKeys.all,
  queryFn: () => api('GET', '/api/job-fairs', fairPageSchema, { query: { limit: 200 } }),
});

export const fairQuery = (id: string) =>
  queryOptions({
    queryKey: fairKeys.fair(id),
    queryFn: () => api('GET', `/api/job-fairs/${id}`, fairDetailSchema),
  });

export const createFair = (body: FairInput) => api('POST', '/api/job-fairs', fairSchema, { body });
export const setFairStatus = (id: string, status: 'open' | 'closed' | 'cancelled') =>
  api('PATCH', `/api/job-fairs/${id}`, fairSchema, { body: { status } });
export const registerFairEnterprise = (id: string, enterpriseId: string, jobIds: string[]) =>
  api('POST', `/api/job-fairs/${id}/enterprises`, fairSchema, { body: { enterpriseId, jobIds } });
export const registerFairSeeker = (id: string, seekerId: string) =>
  api('POST', `/api/job-fairs/${id}/seekers`, fairSchema, { body: { seekerId } });
export const setSmsOptOut = (seekerId: string, optOut: boolean) =>
  api('PUT', `/api/job-seekers/${seekerId}/sms-opt-out`, seekerSchema, { body: { optOut } });
