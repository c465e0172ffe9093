import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { RequirePermission } from '../../session/RequirePermission';

const FundsPage = lazy(() => import('./FundsPage').then((m) => ({ default: m.FundsPage })));
const LedgerPage = lazy(() => import('./LedgerPage').then((m) => ({ default: m.LedgerPage })));
const DuesPage = lazy(() => import('./DuesPage').then((m) => ({ default: m.DuesPage })));

const loading = (page: React.ReactNode) => <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;

/** 党建经费 and 党费 pages: pick an organization, its ledger (fund.read), dues (dues.read). */
export function fundRoutes() {
  return (
    <>
      <Route
        path="funds"
        element={<RequirePermission permission="fund.read">{loading(<FundsPage />)}</RequirePermission>}
      />
      <Route
        path="funds/:id"
        element={<RequirePermission permission="fund.read">{loading(<LedgerPage />)}</RequirePermission>}
      />
      <Route
        path="dues"
        element={<RequirePermission permission="dues.read">{loading(<DuesPage />)}</RequirePermission>}
      />
    </>
  );
}
