import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { RequirePermission } from '../../session/RequirePermission';

const CasesPage = lazy(() => import('./CasesPage').then((m) => ({ default: m.CasesPage })));
const CasePage = lazy(() => import('./CasePage').then((m) => ({ default: m.CasePage })));
const ResettlementsPage = lazy(() =>
  import('./ResettlementsPage').then((m) => ({ default: m.ResettlementsPage })),
);

/** 易地搬迁 pages (relocation.read): the cases, one case with its steps, the resettlement communities. */
export function relocationRoutes() {
  const read = (page: React.ReactNode) => (
    <RequirePermission permission="relocation.read">
      <Suspense fallback={<FullPageSpin />}>{page}</Suspense>
    </RequirePermission>
  );
  return (
    <>
      <Route path="relocation" element={read(<CasesPage />)} />
      <Route path="relocation/resettlements" element={read(<ResettlementsPage />)} />
      <Route path="relocation/:id" element={read(<CasePage />)} />
    </>
  );
}
