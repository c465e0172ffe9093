import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { FullPageSpin } from './components/FullPageSpin';
import { HomeRedirect } from './pages/home/HomeRedirect';
import { HouseholdPage } from './pages/households/HouseholdPage';
import { LoginPage } from './pages/login/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PersonPage } from './pages/persons/PersonPage';
import { PersonsPage } from './pages/persons/PersonsPage';
import { RegionPage } from './pages/regions/RegionPage';
import { RequireAuth } from './session/RequireAuth';
import { RequirePermission } from './session/RequirePermission';

// Management pages are loaded on first visit: most users (grid workers) never open them.
const UsersPage = lazy(() => import('./pages/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const ImportsPage = lazy(() =>
  import('./pages/imports/ImportsPage').then((m) => ({ default: m.ImportsPage })),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomeRedirect />} />
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
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
