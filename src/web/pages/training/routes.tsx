import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { RequirePermission } from '../../session/RequirePermission';

const CoursesPage = lazy(() => import('./CoursesPage').then((m) => ({ default: m.CoursesPage })));
const CoursePage = lazy(() => import('./CoursePage').then((m) => ({ default: m.CoursePage })));

const loading = (page: React.ReactNode) => <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;

/** 职业培训 pages: the case workers' courses, sessions, roll call and follow-ups (job.read). */
export function trainingRoutes() {
  return (
    <>
      <Route
        path="training"
        element={<RequirePermission permission="job.read">{loading(<CoursesPage />)}</RequirePermission>}
      />
      <Route
        path="training/:id"
        element={<RequirePermission permission="job.read">{loading(<CoursePage />)}</RequirePermission>}
      />
    </>
  );
}
