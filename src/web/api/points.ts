import { queryOptions } from '@tanstack/react-query';
import {
  accrualSchema,
  memberPointsSchema,
  type PointsRule,
  pointsRankingSchema,
  pointsRulesSchema,
} from '../../shared/api/points';
import { api } from './client';

export type {
  Accrual,
  LedgerRow,
  MemberPoints,
  PointsLedgerKind,
  PointsRanking,
  PointsRule,
  PointsRules,
} from '../../shared/api/points';

/** Every points query key starts with 'points': a change refreshes rankings, ledgers and rules. */
export const pointsKeys = {
  all: ['points'] as const,
  rules: (district: string) => ['points', 'rules', district] as const,
  ranking: (organization: string, year: number) => ['points', 'ranking', organization, year] as const,
  member: (member: string, year: number) => ['points', 'member', member, year] as const,
  mine: (year: number) => ['points', 'mine', year] as const,
};

export const pointsRulesQuery = (district: string) =>
  queryOptions({
    queryKey: pointsKeys.rules(district),
    queryFn: () => api('GET', `/api/districts/${district}/points-rules`, pointsRulesSchema),
  });

export const pointsRankingQuery = (organization: string, year: number) =>
  queryOptions({
    queryKey: pointsKeys.ranking(organization, year),
    queryFn: () =>
      api('GET', `/api/organizations/${organization}/points`, pointsRankingSchema, { query: { year } }),
  });

export const memberPointsQuery = (member: string, year: number) =>
  queryOptions({
    queryKey: pointsKeys.member(member, year),
    queryFn: () => api('GET', `/api/members/${member}/points`, memberPointsSchema, { query: { year } }),
  });

export const myPointsQuery = (year: number) =>
  queryOptions({
    queryKey: pointsKeys.mine(year),
    queryFn: () => api('GET', '/api/points/me', memberPointsSchema, { query: { year } }),
  });

export const changePointsRules = (district: string, rules: PointsRule[]) =>
  api('PUT', `/api/districts/${district}/points-rules`, pointsRulesSchema, { body: { rules } });

export const accruePoints = (district: string, year: number) =>
  api('POST', '/api/points/accrue', accrualSchema, { body: { district, year } });

export const awardPoints = (member: string, body: { points: number; reason: string }) =>
  api('POST', `/api/members/${member}/points`, memberPointsSchema, { body });
