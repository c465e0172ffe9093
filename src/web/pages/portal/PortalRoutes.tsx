import { useEffect } from 'react';
import { Navigate, Outlet, Route, Routes } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { MyRequestsPage } from './MyRequestsPage';
import { NewRequestPage } from './NewRequestPage';
import { PortalCheckInPage } from './PortalCheckInPage';
import { PortalShell } from './PortalLayout';
import { PortalLoginPage } from './PortalLoginPage';
import { PortalVolunteeringPage } from './PortalVolunteeringPage';
import { RequestPage } from './RequestPage';
import { RequireResident } from './session';

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
          <Route index element={<MyRequestsPage />} />
          <Route path="new" element={<NewRequestPage />} />
          <Route path="requests/:id" element={<RequestPage />} />
          <Route path="volunteering" element={<PortalVolunteeringPage />} />
          <Route path="volunteering/check-in" element={<PortalCheckInPage />} />
          <Route path="*" element={<Navigate to="/m" replace />} />
        </Route>
      </Routes>
    </PortalShell>
  );
}
