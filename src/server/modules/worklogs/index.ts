/**
 * 工作日志 and 联系点 (issue 14): organizations' work logs (linked to work orders, visits and
 * volunteer activities) with their monthly count, and leaders' contact points with contact records.
 * What other code (app.ts, the demo, the annual review later) may use of it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services.js';
import { contactPointsRoutes } from './contact-points.routes.js';
import { workLogsRoutes } from './worklogs.routes.js';

export { ContactPointsService } from './contact-points.service.js';
export { worklogPartiesRepository } from './worklog-parties.repository.js';
export { countWorkLogsByOrganization, WorkLogsService } from './worklogs.service.js';
export type { WorklogsTables } from './worklogs.tables.js';

export const worklogRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, options) => {
  await app.register(workLogsRoutes, options);
  await app.register(contactPointsRoutes, options);
};
