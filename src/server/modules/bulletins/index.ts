/**
 * Bulletins and study (手机党校, issue 14): posts targeted at organizations or regions with read
 * receipts, and study courses with timed reading and a quiz scored on the server. What other code
 * (app.ts, the demo, the points module, the cockpit) may use of it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services.js';
import { bulletinStaffRoutes } from './bulletins.routes.js';
import { bulletinMemberRoutes } from './study.routes.js';

export type { BulletinsTables } from './bulletins.tables.js';
export { buildDemoBulletins } from './demo-bulletins.js';
export { type StudyResult, studyCompletionsByRegion, studyPassed, studyResults } from './study-results.js';

export const bulletinRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, options) => {
  await app.register(bulletinStaffRoutes, options);
  await app.register(bulletinMemberRoutes, options);
};
export { STUDY_INDICATORS, studyCounterSources } from './study-counters.js';
