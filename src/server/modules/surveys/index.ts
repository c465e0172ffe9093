/**
 * Satisfaction surveys (群众满意度测评, issue 14): questionnaires, a sample drawn from the register
 * or from closed orders by grid with quotas and reserves, answers on the portal or by phone, and
 * results per region with a Wilson interval. What other code (app.ts, the demo) may use of it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services.js';
import type { CatalogueCache } from '../catalogue/index.js';
import { portalSurveysRoutes } from './portal-surveys.routes.js';
import { surveySampleRoutes } from './survey-sample.routes.js';
import { surveyServices } from './survey-services.js';
import { surveysRoutes } from './surveys.routes.js';

export { demoSurveysRepository } from './demo-surveys.repository.js';
export { surveyServices } from './survey-services.js';
export type { SurveysTables } from './surveys.tables.js';
export { wilson } from './wilson.js';

export const surveyRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext; catalogue: CatalogueCache }> = async (
  app,
  { ctx, catalogue },
) => {
  const services = surveyServices(ctx, catalogue);
  await app.register(surveysRoutes, { services });
  await app.register(surveySampleRoutes, { ctx, services });
  await app.register(portalSurveysRoutes, { services });
};
export { SURVEY_INDICATORS, surveyCounterSources } from './survey-counters.js';
