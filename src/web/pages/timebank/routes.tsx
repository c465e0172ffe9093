import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { RequirePermission } from '../../session/RequirePermission';

const AccountsPage = lazy(() => import('./AccountsPage').then((m) => ({ default: m.AccountsPage })));
const AccountPage = lazy(() => import('./AccountPage').then((m) => ({ default: m.AccountPage })));
const ClerkPage = lazy(() => import('./ClerkPage').then((m) => ({ default: m.ClerkPage })));

const loading = (page: React.ReactNode) => <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;

/** 爱心银行 pages: accounts for timebank.read, the supermarket check-off for timebank.redeem. */
export function timebankRoutes() {
  return (
    <>
      <Route
        path="timebank"
        element={
          <RequirePermission permission="timebank.read">{loading(<AccountsPage />)}</RequirePermission>
        }
      />
      <Route
        path="timebank/accounts/:id"
        element={<RequirePermission permission="timebank.read">{loading(<AccountPage />)}</RequirePermission>}
      />
      <Route
        path="timebank/clerk"
        element={<RequirePermission permission="timebank.redeem">{loading(<ClerkPage />)}</RequirePermission>}
      />
    </>
  );
}
