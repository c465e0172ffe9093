import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { RequirePermission } from '../../session/RequirePermission';

const SurveysPage = lazy(() => import('./SurveysPage').then((m) => ({ default: m.SurveysPage })));
const SurveyPage = lazy(() => import('./SurveyPage').then((m) => ({ default: m.SurveyPage })));

const loading = (page: React.ReactNode) => <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;

/** 群众满意度测评 pages (survey.read). */
export function surveyRoutes() {
  const read = (page: React.ReactNode) => (
    <RequirePermission permission="survey.read">{loading(page)}</RequirePermission>
  );
  return (
    <>
      <Route path="surveys" element={read(<SurveysPage />)} />
      <Route path="surveys/:id" element={read(<SurveyPage />)} />
    </>
  );
}
