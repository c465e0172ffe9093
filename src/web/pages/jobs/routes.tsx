import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { RequirePermission } from '../../session/RequirePermission';

const JobsPage = lazy(() => import('./JobsPage').then((m) => ({ default: m.JobsPage })));
const JobPage = lazy(() => import('./JobPage').then((m) => ({ default: m.JobPage })));
const MyEnterprisePage = lazy(() =>
  import('./MyEnterprisePage').then((m) => ({ default: m.MyEnterprisePage })),
);

const FairsPage = lazy(() => import('./FairsPage').then((m) => ({ default: m.FairsPage })));
const FairPage = lazy(() => import('./FairPage').then((m) => ({ default: m.FairPage })));

const loading = (page: React.ReactNode) => <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;

/** 就业服务 pages: the case workers' jobs and seekers (job.read), an enterprise contact's own page (job.post). */
export function jobRoutes() {
  return (
    <>
      <Route
        path="jobs"
        element={<RequirePermission permission="job.read">{loading(<JobsPage />)}</RequirePermission>}
      />
      <Route
        path="jobs/:id"
        element={<RequirePermission permission="job.read">{loading(<JobPage />)}</RequirePermission>}
      />
      <Route
        path="my-enterprise"
        element={<RequirePermission permission="job.post">{loading(<MyEnterprisePage />)}</RequirePermission>}
      />
      <Route
        path="job-fairs"
        element={<RequirePermission permission="job.read">{loading(<FairsPage />)}</RequirePermission>}
      />
      <Route
        path="job-fairs/:id"
        element={<RequirePermission permission="job.read">{loading(<FairPage />)}</RequirePermission>}
      />
    </>
  );
}
