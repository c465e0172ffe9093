import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { RequirePermission } from '../../session/RequirePermission';

const LoansPage = lazy(() => import('./LoansPage').then((m) => ({ default: m.LoansPage })));
const LoanPage = lazy(() => import('./LoanPage').then((m) => ({ default: m.LoanPage })));

const loading = (page: React.ReactNode) => <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;

/** 创业担保贷款 pages: the applications in scope and one application's page (loan.read). */
export function loanRoutes() {
  return (
    <>
      <Route
        path="loans"
        element={<RequirePermission permission="loan.read">{loading(<LoansPage />)}</RequirePermission>}
      />
      <Route
        path="loans/:id"
        element={<RequirePermission permission="loan.read">{loading(<LoanPage />)}</RequirePermission>}
      />
    </>
  );
}
