import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { RequirePermission } from '../../session/RequirePermission';

const MyVisitsPage = lazy(() => import('./MyVisitsPage').then((m) => ({ default: m.MyVisitsPage })));
const RecordVisitPage = lazy(() => import('./RecordVisitPage').then((m) => ({ default: m.RecordVisitPage })));
const VisitLogPage = lazy(() => import('./VisitLogPage').then((m) => ({ default: m.VisitLogPage })));
const CampaignsPage = lazy(() => import('./CampaignsPage').then((m) => ({ default: m.CampaignsPage })));
const CampaignPage = lazy(() => import('./CampaignPage').then((m) => ({ default: m.CampaignPage })));
const ChangeRequestsPage = lazy(() =>
  import('./ChangeRequestsPage').then((m) => ({ default: m.ChangeRequestsPage })),
);

const loading = (page: React.ReactNode) => <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;

/**
 * 大走访 pages. A visitor's round and the visit form need no permission to open: members visit
 * the households given to them; the server decides what each user may record.
 */
export function visitRoutes() {
  return (
    <>
      <Route path="visits" element={loading(<MyVisitsPage />)} />
      <Route path="visits/record/:householdId" element={loading(<RecordVisitPage />)} />
      <Route
        path="visits/log"
        element={<RequirePermission permission="visit.read">{loading(<VisitLogPage />)}</RequirePermission>}
      />
      <Route
        path="visit-campaigns"
        element={<RequirePermission permission="visit.read">{loading(<CampaignsPage />)}</RequirePermission>}
      />
      <Route
        path="visit-campaigns/:id"
        element={<RequirePermission permission="visit.read">{loading(<CampaignPage />)}</RequirePermission>}
      />
      <Route
        path="visit-changes"
        element={
          <RequirePermission permission="register.change_confirm">
            {loading(<ChangeRequestsPage />)}
          </RequirePermission>
        }
      />
    </>
  );
}
