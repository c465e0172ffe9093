import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { RequirePermission } from '../../session/RequirePermission';

const MeetingsPage = lazy(() => import('./MeetingsPage').then((m) => ({ default: m.MeetingsPage })));
const MeetingPage = lazy(() => import('./MeetingPage').then((m) => ({ default: m.MeetingPage })));
const MeetingFormPage = lazy(() => import('./MeetingFormPage').then((m) => ({ default: m.MeetingFormPage })));
const CompliancePage = lazy(() => import('./CompliancePage').then((m) => ({ default: m.CompliancePage })));
const MeetingTasksPage = lazy(() =>
  import('./MeetingTasksPage').then((m) => ({ default: m.MeetingTasksPage })),
);

const loading = (page: React.ReactNode) => <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;

/** 三会一课 pages: the list, compliance and tasks (meeting.read), drafting (meeting.write). */
export function meetingRoutes() {
  const read = (page: React.ReactNode) => (
    <RequirePermission permission="meeting.read">{loading(page)}</RequirePermission>
  );
  const write = (page: React.ReactNode) => (
    <RequirePermission permission="meeting.write">{loading(page)}</RequirePermission>
  );
  return (
    <>
      <Route path="meetings" element={read(<MeetingsPage />)} />
      <Route path="meetings/new" element={write(<MeetingFormPage />)} />
      <Route path="meetings/compliance" element={read(<CompliancePage />)} />
      <Route path="meetings/tasks" element={read(<MeetingTasksPage />)} />
      <Route path="meetings/:id" element={read(<MeetingPage />)} />
      <Route path="meetings/:id/edit" element={write(<MeetingFormPage />)} />
    </>
  );
}
