import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { noContent } from '../../shared/api/common';
import {
  type addEvaluatorBody,
  assignmentListSchema,
  type createRoundBody,
  type MemberGrade,
  memberEvaluationGridSchema,
  roundDetailSchema,
  roundListSchema,
} from '../../shared/api/reviews';
import { api } from './client';

export type {
  Assignment,
  MemberEvaluationGrid,
  ReviewUnit,
  RoundDetail,
  RoundSummary,
} from '../../shared/api/reviews';
export type RoundInput = z.input<typeof createRoundBody>;
export type EvaluatorInput = z.input<typeof addEvaluatorBody>;

/** Every review query key starts with 'reviews': a change refreshes lists, rounds and grids. */
export const reviewKeys = {
  all: ['reviews'] as const,
  rounds: (year: string) => ['reviews', 'rounds', year] as const,
  round: (id: string) => ['reviews', 'round', id] as const,
  assignments: ['reviews', 'assignments'] as const,
  grid: (organization: string, year: number) => ['reviews', 'grid', organization, year] as const,
};

export const roundsQuery = (year: string) =>
  queryOptions({
    queryKey: reviewKeys.rounds(year),
    queryFn: ({ signal }) => api('GET', '/api/review-rounds', roundListSchema, { query: { year }, signal }),
  });

export const roundQuery = (id: string) =>
  queryOptions({
    queryKey: reviewKeys.round(id),
    queryFn: () => api('GET', `/api/review-rounds/${id}`, roundDetailSchema),
  });

export const assignmentsQuery = () =>
  queryOptions({
    queryKey: reviewKeys.assignments,
    queryFn: () => api('GET', '/api/me/review-assignments', assignmentListSchema),
  });

export const memberGridQuery = (organization: string, year: number) =>
  queryOptions({
    queryKey: reviewKeys.grid(organization, year),
    queryFn: () =>
      api('GET', `/api/organizations/${organization}/member-evaluations`, memberEvaluationGridSchema, {
        query: { year },
      }),
  });

export const createRound = (body: RoundInput) =>
  api('POST', '/api/review-rounds', roundDetailSchema, { body });

export const addEvaluator = (id: string, body: EvaluatorInput) =>
  api('POST', `/api/review-rounds/${id}/evaluators`, roundDetailSchema, { body });

export const closeRound = (id: string) => api('POST', `/api/review-rounds/${id}/close`, roundDetailSchema);
export const publishRound = (id: string) =>
  api('POST', `/api/review-rounds/${id}/publish`, roundDetailSchema);

export const submitReport = (unitId: string, report: string) =>
  api('POST', `/api/review-units/${unitId}/report`, noContent, { body: { report } });

export const submitScores = (unitId: string, scores: { itemId: string; score: number }[]) =>
  api('POST', `/api/review-units/${unitId}/scores`, noContent, { body: { scores } });

export const gradeMember = (
  organization: string,
  body: { year: number; memberId: string; grade: MemberGrade },
) =>
  api('PUT', `/api/organizations/${organization}/member-evaluations`, memberEvaluationGridSchema, { body });
