/**
 * The annual review (述职评议, issue 14): review rounds per level with reports, evaluators' rubric
 * scores and KPIs computed from the platform, frozen at close; the members' evaluation (民主评议党员).
 * What other code (app.ts, the demo, the bench) may use of it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services.js';
import { memberEvaluationRoutes } from './member-evaluations.routes.js';
import { reviewRoundRoutes } from './rounds.routes.js';

export { MemberEvaluationsService } from './member-evaluations.service.js';
export { computeKpis } from './review-kpis.js';
export type { ReviewsTables } from './reviews.tables.js';
export { ReviewRoundsService } from './rounds.service.js';

export const reviewRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, options) => {
  await app.register(reviewRoundRoutes, options);
  await app.register(memberEvaluationRoutes, options);
};
export { REVIEW_INDICATORS, reviewCounterSources } from './review-counters.js';
