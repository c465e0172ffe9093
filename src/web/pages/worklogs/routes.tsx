import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { RequirePermission } from '../../session/RequirePermission';

const WorkLogsPage = lazy(() => import('./WorkLogsPage').then((m) => ({ default: m.WorkLogsPage })));
const ContactPointsPage = lazy(() =>
  import('../contact-points/ContactPointsPage').then((m) => ({ default: m.ContactPointsPage })),
);

const loading = (page: React.ReactNode) => <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;

/**
 * 工作日志 (worklog.read) and 联系点: the latter open to every signed-in staff member, since a leader
 * records on their own contact points whatever their role; the page shows the assignments only to
 * worklog.read and the assigning only to contactpoint.manage.
 */
export function worklogRoutes() {
  return (
    <>
      <Route
        path="worklogs"
        element={<RequirePermission permission="worklog.read">{loading(<WorkLogsPage />)}</RequirePermission>}
      />
      <Route path="contact-points" element={loading(<ContactPointsPage />)} />
    </>
  );
}
