import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Outlet, Route, Routes } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { useI18n } from '../../i18n/I18nProvider';
import { ElderRequestsPage } from './elder/ElderRequestsPage';
import { PortalHome, PortalNewRequest } from './elder/ElderRoutes';
import { PortalShell } from './PortalLayout';
import { PortalLoginPage } from './PortalLoginPage';
import { RequestPage } from './RequestPage';
import { RequireResident } from './session';

// The time bank's and volunteering's pages load when first opened: a resident reporting a problem
// on a phone does not wait for them (nor for the month picker of the statements).
const PortalTimebankPage = lazy(() =>
  import('./PortalTimebankPage').then((m) => ({ default: m.PortalTimebankPage })),
);
const PortalBoardPage = lazy(() => import('./PortalBoardPage').then((m) => ({ default: m.PortalBoardPage })));
const PortalMarketPage = lazy(() =>
  import('./PortalMarketPage').then((m) => ({ default: m.PortalMarketPage })),
);
const PortalVolunteeringPage = lazy(() =>
  import('./PortalVolunteeringPage').then((m) => ({ default: m.PortalVolunteeringPage })),
);
const PortalTrainingPage = lazy(() =>
  import('./PortalTrainingPage').then((m) => ({ default: m.PortalTrainingPage })),
);
const PortalCheckInPage = lazy(() =>
  import('./PortalCheckInPage').then((m) => ({ default: m.PortalCheckInPage })),
);
const PortalSurveysPage = lazy(() =>
  import('./PortalSurveysPage').then((m) => ({ default: m.PortalSurveysPage })),
);
const loading = (page: React.ReactNode) => <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;

/** The resident portal under /m: its own sign-in, session and phone-sized layout. */
export function PortalRoutes() {
  const { t } = useI18n();
  useEffect(() => {
    const previous = document.title;
    document.title = t('portal.title');
    return () => {
      document.title = previous;
    };
  }, [t]);
  return (
    <PortalShell>
      <Routes>
        <Route path="login" element={<PortalLoginPage />} />
        <Route
          element={
            <RequireResident>
              <Outlet />
            </RequireResident>
          }
        >
          <Route index element={<PortalHome />} />
          <Route path="new" element={<PortalNewRequest />} />
          <Route path="mine" element={<ElderRequestsPage only="all" />} />
          <Route path="rate" element={<ElderRequestsPage only="to-rate" />} />
          <Route path="requests/:id" element={<RequestPage />} />
          <Route path="timebank" element={loading(<PortalTimebankPage />)} />
          <Route path="timebank/board" element={loading(<PortalBoardPage />)} />
          <Route path="timebank/market" element={loading(<PortalMarketPage />)} />
          <Route path="volunteering" element={loading(<PortalVolunteeringPage />)} />
          <Route path="volunteering/check-in" element={loading(<PortalCheckInPage />)} />
          <Route path="training" element={loading(<PortalTrainingPage />)} />
          <Route path="surveys" element={loading(<PortalSurveysPage />)} />
          <Route path="*" element={<Navigate to="/m" replace />} />
        </Route>
      </Routes>
    </PortalShell>
  );
}
