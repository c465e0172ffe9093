import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { FullPageSpin } from './components/FullPageSpin';
import { bulletinRoutes } from './pages/bulletins/routes';
import { cobuildingRoutes } from './pages/cobuilding/routes';
import { fundRoutes } from './pages/funds/routes';
import { HomeRedirect, RegionsRedirect } from './pages/home/HomeRedirect';
import { jobRoutes } from './pages/jobs/routes';
import { loanRoutes } from './pages/loans/routes';
import { LoginPage } from './pages/login/LoginPage';
import { meetingRoutes } from './pages/meetings/routes';
import { NotFoundPage } from './pages/NotFoundPage';
import { pairingRoutes } from './pages/pairings/routes';
import { pointsRoutes } from './pages/points/routes';
import { relocationRoutes } from './pages/relocation/routes';
import { reviewRoutes } from './pages/reviews/routes';
import { surveyRoutes } from './pages/surveys/routes';
import { timebankRoutes } from './pages/timebank/routes';
import { trainingRoutes } from './pages/training/routes';
import { visitRoutes } from './pages/visits/routes';
import { workOrderRoutes } from './pages/work-orders/routes';
import { worklogRoutes } from './pages/worklogs/routes';
import { RequireAuth } from './session/RequireAuth';
import { RequirePermission } from './session/RequirePermission';

// Every page loads on first visit (the layout's Suspense shows a spinner meanwhile): a phone's first
// load carries the layout and the page it opens, not the whole console.
const HouseholdPage = lazy(() =>
  import('./pages/households/HouseholdPage').then((m) => ({ default: m.HouseholdPage })),
);
const MemberPage = lazy(() => import('./pages/members/MemberPage').then((m) => ({ default: m.MemberPage })));
const MyPage = lazy(() => import('./pages/members/MyPage').then((m) => ({ default: m.MyPage })));
const OrganizationsPage = lazy(() =>
  import('./pages/organizations/OrganizationsPage').then((m) => ({ default: m.OrganizationsPage })),
);
const PersonPage = lazy(() => import('./pages/persons/PersonPage').then((m) => ({ default: m.PersonPage })));
const PersonsPage = lazy(() =>
  import('./pages/persons/PersonsPage').then((m) => ({ default: m.PersonsPage })),
);
const RegionPage = lazy(() => import('./pages/regions/RegionPage').then((m) => ({ default: m.RegionPage })));
const PhoneHomePage = lazy(() =>
  import('./pages/phone/PhoneHomePage').then((m) => ({ default: m.PhoneHomePage })),
);
// Management pages: most users (grid workers) never open them.
const UsersPage = lazy(() => import('./pages/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const CockpitPage = lazy(() =>
  import('./pages/cockpit/CockpitPage').then((m) => ({ default: m.CockpitPage })),
);
const CoveragePage = lazy(() =>
  import('./pages/coverage/CoveragePage').then((m) => ({ default: m.CoveragePage })),
);
const EnterprisesPage = lazy(() =>
  import('./pages/enterprises/EnterprisesPage').then((m) => ({ default: m.EnterprisesPage })),
);
const PartyAdminPage = lazy(() =>
  import('./pages/party/PartyAdminPage').then((m) => ({ default: m.PartyAdminPage })),
);
const ImportsPage = lazy(() =>
  import('./pages/imports/ImportsPage').then((m) => ({ default: m.ImportsPage })),
);
const ArticlePage = lazy(() =>
  import('./pages/article/ArticlePage').then((m) => ({ default: m.ArticlePage })),
);
const Open311KeysPage = lazy(() =>
  import('./pages/open311/Open311KeysPage').then((m) => ({ default: m.Open311KeysPage })),
);
const VolunteeringPage = lazy(() =>
  import('./pages/volunteering/VolunteeringPage').then((m) => ({ default: m.VolunteeringPage })),
);
const ActivityPage = lazy(() =>
  import('./pages/volunteering/ActivityPage').then((m) => ({ default: m.ActivityPage })),
);
const CheckInScreen = lazy(() =>
  import('./pages/volunteering/CheckInScreen').then((m) => ({ default: m.CheckInScreen })),
);
const MyVolunteeringPage = lazy(() =>
  import('./pages/volunteering/MyVolunteeringPage').then((m) => ({ default: m.MyVolunteeringPage })),
);
// The certificate check is public: whoever holds a certificate may confirm it without an account.
const VerifyPage = lazy(() =>
  import('./pages/volunteering/VerifyPage').then((m) => ({ default: m.VerifyPage })),
);
const TrainingVerifyPage = lazy(() =>
  import('./pages/training/TrainingVerifyPage').then((m) => ({ default: m.TrainingVerifyPage })),
);
// What the leader's check-in QR code opens: sends a member to their page, anyone else to the portal.
const CheckInLanding = lazy(() =>
  import('./pages/volunteering/CheckInLanding').then((m) => ({ default: m.CheckInLanding })),
);
// The resident portal (/m): its own sign-in and layout, outside the staff console.
const PortalRoutes = lazy(() =>
  import('./pages/portal/PortalRoutes').then((m) => ({ default: m.PortalRoutes })),
);
const MemberImportPage = lazy(() =>
  import('./pages/organizations/MemberImportPage').then((m) => ({ default: m.MemberImportPage })),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/verify"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <VerifyPage />
          </Suspense>
        }
      />
      <Route
        path="/verify-training"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <TrainingVerifyPage />
          </Suspense>
        }
      />
      <Route
        path="/check-in"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <CheckInLanding />
          </Suspense>
        }
      />
      <Route
        path="/m/*"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PortalRoutes />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomeRedirect />} />
        <Route path="home" element={<PhoneHomePage />} />
        <Route path="regions" element={<RegionsRedirect />} />
        <Route
          path="volunteering"
          element={
            <RequirePermission permission="volunteer.read">
              <Suspense fallback={<FullPageSpin />}>
                <VolunteeringPage />
              </Suspense>
            </RequirePermission>
          }
        />
        <Route
          path="volunteering/activities/:id"
          element={
            <RequirePermission permission="volunteer.read">
              <Suspense fallback={<FullPageSpin />}>
                <ActivityPage />
              </Suspense>
            </RequirePermission>
          }
        />
        <Route
          path="volunteering/activities/:id/check-in"
          element={
            <RequirePermission permission="activity.lead">
              <Suspense fallback={<FullPageSpin />}>
                <CheckInScreen />
              </Suspense>
            </RequirePermission>
          }
        />
        <Route
          path="me/volunteering"
          element={
            <Suspense fallback={<FullPageSpin />}>
              <MyVolunteeringPage />
            </Suspense>
          }
        />
        <Route path="regions/:code" element={<RegionPage />} />
        <Route
          path="persons"
          element={
            <RequirePermission permission="person.read">
              <PersonsPage />
            </RequirePermission>
          }
        />
        <Route
          path="persons/:id"
          element={
            <RequirePermission permission="person.read">
              <PersonPage />
            </RequirePermission>
          }
        />
        <Route
          path="households/:id"
          element={
            <RequirePermission permission="person.read">
              <HouseholdPage />
            </RequirePermission>
          }
        />
        <Route
          path="organizations"
          element={
            <RequirePermission permission="org.read">
              <OrganizationsPage />
            </RequirePermission>
          }
        />
        <Route
          path="organizations/import"
          element={
            <RequirePermission permission="member.import">
              <Suspense fallback={<FullPageSpin />}>
                <MemberImportPage />
              </Suspense>
            </RequirePermission>
          }
        />
        <Route
          path="organizations/:id"
          element={
            <RequirePermission permission="org.read">
              <OrganizationsPage />
            </RequirePermission>
          }
        />
        <Route
          path="members/:id"
          element={
            <RequirePermission permission="org.read">
              <MemberPage />
            </RequirePermission>
          }
        />
        {/* A member's own page needs no permission beyond being the member (the server checks the link). */}
        <Route path="me" element={<MyPage />} />
        <Route
          path="enterprises"
          element={
            <RequirePermission permission="org.read">
              <Suspense fallback={<FullPageSpin />}>
                <EnterprisesPage />
              </Suspense>
            </RequirePermission>
          }
        />
        <Route
          path="cockpit"
          element={
            <RequirePermission permission="cockpit.read">
              <Suspense fallback={<FullPageSpin />}>
                <CockpitPage />
              </Suspense>
            </RequirePermission>
          }
        />
        <Route
          path="coverage"
          element={
            <RequirePermission permission="org.read">
              <Suspense fallback={<FullPageSpin />}>
                <CoveragePage />
              </Suspense>
            </RequirePermission>
          }
        />
        <Route
          path="party"
          element={
            <RequirePermission permission="org.write">
              <Suspense fallback={<FullPageSpin />}>
                <PartyAdminPage />
              </Suspense>
            </RequirePermission>
          }
        />
        <Route
          path="imports"
          element={
            <RequirePermission permission="person.import">
              <Suspense fallback={<FullPageSpin />}>
                <ImportsPage />
              </Suspense>
            </RequirePermission>
          }
        />
        <Route
          path="users"
          element={
            <RequirePermission permission="user.read">
              <Suspense fallback={<FullPageSpin />}>
                <UsersPage />
              </Suspense>
            </RequirePermission>
          }
        />
        <Route
          path="audit"
          element={
            <RequirePermission permission="audit.read">
              <Suspense fallback={<FullPageSpin />}>
                <AuditPage />
              </Suspense>
            </RequirePermission>
          }
        />
        <Route
          path="article"
          element={
            <RequirePermission permission="region.read">
              <Suspense fallback={<FullPageSpin />}>
                <ArticlePage />
              </Suspense>
            </RequirePermission>
          }
        />
        <Route
          path="open311-keys"
          element={
            <RequirePermission permission="catalogue.manage">
              <Suspense fallback={<FullPageSpin />}>
                <Open311KeysPage />
              </Suspense>
            </RequirePermission>
          }
        />
        {workOrderRoutes()}
        {visitRoutes()}
        {jobRoutes()}
        {loanRoutes()}
        {fundRoutes()}
        {pairingRoutes()}
        {relocationRoutes()}
        {meetingRoutes()}
        {reviewRoutes()}
        {trainingRoutes()}
        {surveyRoutes()}
        {timebankRoutes()}
        {pointsRoutes()}
        {bulletinRoutes()}
        {worklogRoutes()}
        {cobuildingRoutes()}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
