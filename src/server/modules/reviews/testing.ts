import { REVIEW_KPIS, roundDetailSchema } from '../../../shared/api/reviews.js';
import type { TestEnv } from '../../testing/test-env.js';

/** Fixtures for the review tests (and the authorization matrix). */

/** A valid round body for a region: two rubric items (30 + 70 points), every KPI weighted 1. */
export const roundBody = (regionCode: string, overrides: Record<string, unknown> = {}) => ({
  regionCode,
  name: '2026年度社区书记述职评议',
  year: 2026,
  fromMonth: '2026-01',
  toMonth: '2026-12',
  rubric: [
    { id: 'duty', title: '履职尽责', max: 30 },
    { id: 'service', title: '服务群众', max: 70 },
  ],
  groupWeights: { leader: 50, member: 30, resident: 20 },
  kpiWeights: Object.fromEntries(REVIEW_KPIS.map((k) => [k, 1])),
  rubricWeight: 60,
  kpiWeight: 40,
  ...overrides,
});

/** Opens a round as `cookie` and answers it parsed. */
export async function openRound(env: TestEnv, cookie: string, regionCode: string, overrides = {}) {
  const response = await env.inject('POST', '/api/review-rounds', {
    cookie,
    body: roundBody(regionCode, overrides),
  });
  if (response.status !== 201) throw new Error(`round not opened: ${JSON.stringify(response.json)}`);
  return response.body(roundDetailSchema);
}

/**
 * A community's own round over a grid made for it: the matrix's review_round and review_unit. The
 * `evaluators` (the matrix's users, for the inside round) are named into it, so that scoring a unit
 * is theirs to do inside and nobody's outside.
 */
export async function reviewMatrixFixture(
  env: TestEnv,
  admin: string,
  community: string,
  evaluators: readonly string[] = [],
) {
  await env.createRegion(community, 'grid', `评议网格${Math.random().toString(36).slice(2, 6)}`);
  const round = await openRound(env, admin, community);
  for (const userId of evaluators) {
    const named = await env.inject('POST', `/api/review-rounds/${round.id}/evaluators`, {
      cookie: admin,
      body: { userId, group: 'leader' },
    });
    if (named.status !== 200) throw new Error(`evaluator not named: ${JSON.stringify(named.json)}`);
  }
  return { round: round.id, unit: round.units[0]!.id };
}
