import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { RequirePermission } from '../../session/RequirePermission';

const AccountsPage = lazy(() => import('./AccountsPage').then((m) => ({ default: m.AccountsPage })));
const AccountPage = lazy(() => import('./AccountPage').then((m) => ({ default: m.AccountPage })));
const ClerkPage = lazy(() => import('./ClerkPage').then((m) => ({ default: m.ClerkPage })));
const RankingsPage = lazy(() => import('./RankingsPage').then((m) => ({ default: m.RankingsPage })));
const MyTimebankPage = lazy(() => import('./MyTimebankPage').then((m) => ({ default: m.MyTimebankPage })));

const loading = (page: React.ReactNode) => <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;

/**
 * 爱心银行 pages: accounts and rankings for timebank.read, the supermarket check-off for
 * timebank.redeem, and one's own account for every signed-in user (the server finds it through
 * the member link; staff who are no member see that they have none).
 */
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
        path="timebank/rankings"
        element={
          <RequirePermission permission="timebank.read">{loading(<RankingsPage />)}</RequirePermission>
        }
      />
      <Route
        path="timebank/clerk"
        element={<RequirePermission permission="timebank.redeem">{loading(<ClerkPage />)}</RequirePermission>}
      />
      <Route path="me/timebank" element={loading(<MyTimebankPage />)} />
    </>
  );
}
