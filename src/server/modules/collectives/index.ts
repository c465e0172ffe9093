/**
 * Village collective economic organizations (村集体经济组织, issue 18): shareholders from the
 * register, income, dividend runs drafted by one person and approved by another, payout lists.
 * What other code (app.ts, the demo) may use of it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services.js';
import { collectivesRoutes } from './collectives.routes.js';
import { dividendsRoutes } from './dividends.routes.js';

export { articleCollectiveFigures } from './article-figures.repository.js';
export { CollectivesService } from './collectives.service.js';
export type { CollectivesTables } from './collectives.tables.js';
export { demoCollectivesRepository } from './demo-collectives.repository.js';
export { computeDividend } from './dividend.js';
export { DividendsService } from './dividends.service.js';

export const collectiveRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, options) => {
  await app.register(collectivesRoutes, options);
  await app.register(dividendsRoutes, options);
};
