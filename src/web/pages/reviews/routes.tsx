import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { RequirePermission } from '../../session/RequirePermission';

const RoundsPage = lazy(() => import('./RoundsPage').then((m) => ({ default: m.RoundsPage })));
const RoundPage = lazy(() => import('./RoundPage').then((m) => ({ default: m.RoundPage })));
const ScoringPage = lazy(() => import('./ScoringPage').then((m) => ({ default: m.ScoringPage })));
const MemberEvaluationPage = lazy(() =>
  import('./MemberEvaluationPage').then((m) => ({ default: m.MemberEvaluationPage })),
);

const loading = (page: React.ReactNode) => <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;

/** 述职评议 (review.read), the evaluator's scoring (review.score), 民主评议党员 (review.read). */
export function reviewRoutes() {
  const read = (page: React.ReactNode) => (
    <RequirePermission permission="review.read">{loading(page)}</RequirePermission>
  );
  return (
    <>
      <Route path="reviews" element={read(<RoundsPage />)} />
      <Route path="reviews/members" element={read(<MemberEvaluationPage />)} />
      <Route
        path="reviews/scoring"
        element={<RequirePermission permission="review.score">{loading(<ScoringPage />)}</RequirePermission>}
      />
      <Route path="reviews/:id" element={read(<RoundPage />)} />
    </>
  );
}
