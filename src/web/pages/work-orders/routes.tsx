import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { RequirePermission } from '../../session/RequirePermission';

// The work-order pages load on first visit; the console brings the pinyin dictionary with it.
const WorkOrdersPage = lazy(() => import('./WorkOrdersPage').then((m) => ({ default: m.WorkOrdersPage })));
const WorkOrderPage = lazy(() =>
  import('./detail/WorkOrderPage').then((m) => ({ default: m.WorkOrderPage })),
);
const ConsolePage = lazy(() => import('./console/ConsolePage').then((m) => ({ default: m.ConsolePage })));
const DeedsPage = lazy(() => import('./deeds/DeedsPage').then((m) => ({ default: m.DeedsPage })));
const CategoriesPage = lazy(() =>
  import('./admin/CategoriesPage').then((m) => ({ default: m.CategoriesPage })),
);
const CalendarPage = lazy(() => import('./admin/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const HotlinesPage = lazy(() => import('./admin/HotlinesPage').then((m) => ({ default: m.HotlinesPage })));

const loading = (page: React.ReactNode) => <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;

/**
 * The routes of work orders, deeds and the catalogue's administration, as children of the app
 * layout. Orders themselves need no permission to open: one given to a person in their own name
 * (a member) is theirs whatever their role; the server decides what each user sees.
 */
export function workOrderRoutes() {
  return (
    <>
      <Route path="work-orders" element={loading(<WorkOrdersPage />)} />
      <Route path="work-orders/:id" element={loading(<WorkOrderPage />)} />
      <Route
        path="console"
        element={
          <RequirePermission permission="workorder.intake">{loading(<ConsolePage />)}</RequirePermission>
        }
      />
      <Route
        path="deeds"
        element={<RequirePermission permission="workorder.read">{loading(<DeedsPage />)}</RequirePermission>}
      />
      <Route
        path="service-categories"
        element={
          <RequirePermission permission="catalogue.manage">{loading(<CategoriesPage />)}</RequirePermission>
        }
      />
      <Route
        path="calendar"
        element={
          <RequirePermission permission="catalogue.manage">{loading(<CalendarPage />)}</RequirePermission>
        }
      />
      <Route
        path="hotlines"
        element={
          <RequirePermission permission="catalogue.manage">{loading(<HotlinesPage />)}</RequirePermission>
        }
      />
    </>
  );
}
