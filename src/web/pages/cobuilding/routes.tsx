import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { RequirePermission } from '../../session/RequirePermission';

const ProjectsPage = lazy(() => import('./ProjectsPage').then((m) => ({ default: m.ProjectsPage })));
const UnitsPage = lazy(() => import('./UnitsPage').then((m) => ({ default: m.UnitsPage })));
const TaskForcesPage = lazy(() => import('./TaskForcesPage').then((m) => ({ default: m.TaskForcesPage })));

/** 大项目, 驻区共建单位 and 临时党组织 pages (cobuilding.read). */
export function cobuildingRoutes() {
  const read = (page: React.ReactNode) => (
    <RequirePermission permission="cobuilding.read">
      <Suspense fallback={<FullPageSpin />}>{page}</Suspense>
    </RequirePermission>
  );
  return (
    <>
      <Route path="projects" element={read(<ProjectsPage />)} />
      <Route path="cobuilding-units" element={read(<UnitsPage />)} />
      <Route path="task-forces" element={read(<TaskForcesPage />)} />
    </>
  );
}
