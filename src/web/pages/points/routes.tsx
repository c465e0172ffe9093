import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { RequirePermission } from '../../session/RequirePermission';

const PointsPage = lazy(() => import('./PointsPage').then((m) => ({ default: m.PointsPage })));
const MyPointsPage = lazy(() => import('./MyPointsPage').then((m) => ({ default: m.MyPointsPage })));

const loading = (page: React.ReactNode) => <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;

/** 党员积分 (points.read) and a member's own points (signed in; the server finds the member). */
export function pointsRoutes() {
  return (
    <>
      <Route
        path="points"
        element={<RequirePermission permission="points.read">{loading(<PointsPage />)}</RequirePermission>}
      />
      <Route path="me/points" element={loading(<MyPointsPage />)} />
    </>
  );
}
