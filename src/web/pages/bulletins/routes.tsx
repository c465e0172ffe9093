import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { RequirePermission } from '../../session/RequirePermission';

const BulletinsPage = lazy(() => import('./BulletinsPage').then((m) => ({ default: m.BulletinsPage })));
const MyStudyPage = lazy(() => import('./MyStudyPage').then((m) => ({ default: m.MyStudyPage })));
const MyCoursePage = lazy(() => import('./MyCoursePage').then((m) => ({ default: m.MyCoursePage })));

const loading = (page: React.ReactNode) => <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;

/**
 * 手机党校: the staff page (bulletin.read; writing with bulletin.write) and a member's 学习 pages
 * (every signed-in user; the server finds the member through the account's link).
 */
export function bulletinRoutes() {
  return (
    <>
      <Route
        path="bulletins"
        element={
          <RequirePermission permission="bulletin.read">{loading(<BulletinsPage />)}</RequirePermission>
        }
      />
      <Route path="me/study" element={loading(<MyStudyPage />)} />
      <Route path="me/study/courses/:id" element={loading(<MyCoursePage />)} />
    </>
  );
}
