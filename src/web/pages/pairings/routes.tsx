import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { RequirePermission } from '../../session/RequirePermission';

const PairingsPage = lazy(() => import('./PairingsPage').then((m) => ({ default: m.PairingsPage })));
const PairingPage = lazy(() => import('./PairingPage').then((m) => ({ default: m.PairingPage })));
const CoveragePage = lazy(() => import('./CoveragePage').then((m) => ({ default: m.CoveragePage })));
const CollectivesPage = lazy(() =>
  import('../collectives/CollectivesPage').then((m) => ({ default: m.CollectivesPage })),
);
const CollectivePage = lazy(() =>
  import('../collectives/CollectivePage').then((m) => ({ default: m.CollectivePage })),
);

const loading = (page: React.ReactNode) => <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;

/** 帮扶结对 and 村集体经济 pages (pairing.read, collective.read). */
export function pairingRoutes() {
  const read = (page: React.ReactNode) => (
    <RequirePermission permission="pairing.read">{loading(page)}</RequirePermission>
  );
  const collectives = (page: React.ReactNode) => (
    <RequirePermission permission="collective.read">{loading(page)}</RequirePermission>
  );
  return (
    <>
      <Route path="pairings" element={read(<PairingsPage />)} />
      <Route path="pairings/coverage" element={read(<CoveragePage />)} />
      <Route path="pairings/:id" element={read(<PairingPage />)} />
      <Route path="collectives" element={collectives(<CollectivesPage />)} />
      <Route path="collectives/:id" element={collectives(<CollectivePage />)} />
    </>
  );
}
