import type { MatrixRows } from './types.js';

/** 述职评议 and 民主评议党员 (src/server/modules/reviews; fixtures: reviews/testing.ts). */
export const REVIEWS_ROUTES: MatrixRows = {
  'GET /api/review-rounds': { access: 'review.read', target: 'none', scopedBy: { query: 'region' } },
  'POST /api/review-rounds': {
    access: 'review.write',
    target: 'none',
    body: (ids) => ({
      regionCode: ids.region,
      name: '矩阵评议',
      year: 2026,
      fromMonth: '2026-01',
      toMonth: '2026-12',
      rubric: [{ id: 'duty', title: '履职情况', max: 10 }],
      groupWeights: { leader: 1, member: 1, resident: 1 },
      kpiWeights: {
        on_time_rate: 1,
        satisfaction_rate: 1,
        visit_coverage: 1,
        care_coverage: 1,
        volunteer_hours: 1,
        commitments_kept: 1,
        placements: 1,
      },
      rubricWeight: 60,
      kpiWeight: 40,
    }),
    scopedBy: 'body',
  },
  'GET /api/review-rounds/:id': { access: 'review.read', target: 'review_round' },
  'POST /api/review-rounds/:id/evaluators': {
    access: 'review.write',
    target: 'review_round',
    body: () => ({ userId: '00000000-0000-4000-8000-000000000000', group: 'leader' }),
  },
  'POST /api/review-rounds/:id/close': { access: 'review.write', target: 'review_round' },
  'POST /api/review-rounds/:id/publish': { access: 'review.write', target: 'review_round' },
  'POST /api/review-units/:id/report': {
    access: 'review.write',
    target: 'review_unit',
    body: () => ({ report: '矩阵述职报告：全年工作情况如下。' }),
  },
  // Scope is not what decides here: only the round's named evaluators reach its units (404 to others).
  'POST /api/review-units/:id/scores': {
    access: 'review.score',
    target: 'review_unit',
    body: () => ({ scores: [{ itemId: 'duty', score: 5 }] }),
  },
  'GET /api/me/review-assignments': { access: 'review.score', target: 'none' },
  'GET /api/organizations/:id/member-evaluations': { access: 'review.read', target: 'organization' },
  'PUT /api/organizations/:id/member-evaluations': {
    access: 'review.write',
    target: 'organization',
    body: (ids) => ({ year: 2026, memberId: ids.member, grade: 'qualified' }),
  },
};
