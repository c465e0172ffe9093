import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { noContent } from '../../shared/api/common';
import {
  type answerInput,
  type interviewBody,
  portalSurveyListSchema,
  rankingSchema,
  samplePageSchema,
  smsResultSchema,
  type surveyDesignBody,
  surveyDetailSchema,
  surveyPageSchema,
  surveyResultsSchema,
} from '../../shared/api/surveys';
import { api } from './client';

export type {
  Interval,
  PortalSurvey,
  RegionResult,
  SampleRow,
  SurveyDetail,
  SurveyQuestion,
  SurveyRanking,
  SurveyResults,
  SurveySummary,
} from '../../shared/api/surveys';
export type SurveyDesignInput = z.input<typeof surveyDesignBody>;
export type InterviewInput = z.input<typeof interviewBody>;
export type AnswerInput = z.input<typeof answerInput>;

const PAGE_SIZE = 50;

/** Every survey query key starts with 'surveys': a change refreshes lists, pages and results. */
export const surveyKeys = {
  all: ['surveys'] as const,
  list: (status: string) => ['surveys', 'list', status] as const,
  detail: (id: string) => ['surveys', 'detail', id] as const,
  sample: (id: string, status: string) => ['surveys', 'sample', id, status] as const,
  results: (id: string, region: string) => ['surveys', 'results', id, region] as const,
  ranking: (city: string) => ['surveys', 'ranking', city] as const,
};

export const surveysQuery = (status: string) =>
  infiniteQueryOptions({
    queryKey: surveyKeys.list(status),
    queryFn: ({ pageParam, signal }) =>
      api('GET', '/api/surveys', surveyPageSchema, {
        query: { status, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const surveyQuery = (id: string) =>
  queryOptions({
    queryKey: surveyKeys.detail(id),
    queryFn: () => api('GET', `/api/surveys/${id}`, surveyDetailSchema),
  });

export const sampleQuery = (id: string, status: string) =>
  infiniteQueryOptions({
    queryKey: surveyKeys.sample(id, status),
    queryFn: ({ pageParam, signal }) =>
      api('GET', `/api/surveys/${id}/sample`, samplePageSchema, {
        query: { status, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const resultsQuery = (id: string, region: string) =>
  queryOptions({
    queryKey: surveyKeys.results(id, region),
    queryFn: () => api('GET', `/api/surveys/${id}/results`, surveyResultsSchema, { query: { region } }),
  });

export const rankingQuery = (city: string) =>
  queryOptions({
    queryKey: surveyKeys.ranking(city),
    queryFn: () => api('GET', '/api/survey-rankings', rankingSchema, { query: { city } }),
    enabled: /^\d{4}$/.test(city),
  });

export const createSurvey = (body: SurveyDesignInput) =>
  api('POST', '/api/surveys', surveyDetailSchema, { body });
export const updateSurvey = (id: string, body: SurveyDesignInput) =>
  api('PUT', `/api/surveys/${id}`, surveyDetailSchema, { body });
export const surveyStep = (id: string, step: 'draw' | 'close') =>
  api('POST', `/api/surveys/${id}/${step}`, surveyDetailSchema);
export const textSample = (id: string) => api('POST', `/api/surveys/${id}/sms`, smsResultSchema);
export const recordInterview = (sampleId: string, body: InterviewInput) =>
  api('POST', `/api/survey-sample/${sampleId}/interview`, z.object({ id: z.string() }), { body });

/** The resident's side: keys under 'portal', so signing out forgets them. */
export const portalSurveyKeys = { all: ['portal', 'surveys'] as const };
export const portalSurveysQuery = queryOptions({
  queryKey: portalSurveyKeys.all,
  queryFn: () => api('GET', '/api/portal/surveys', portalSurveyListSchema, { expectUnauthorized: true }),
});
export const answerPortalSurvey = (id: string, answers: AnswerInput[]) =>
  api('POST', `/api/portal/surveys/${id}/answers`, noContent, {
    body: { answers },
    expectUnauthorized: true,
  });
