/**
 * 大项目 and 区厂共建 (issue 18): projects with their enterprises and the organizations covering them,
 * co-building units with members, joint activities and bookable venues, task forces with seconded
 * members and results. What other code (app.ts, the report, the demo) may use.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services.js';
import type { WorkOrderIntake } from '../work-orders/index.js';
import { projectRoutes } from './projects.routes.js';
import { taskForceRoutes } from './task-forces.routes.js';
import { unitRoutes } from './units.routes.js';

export type { CobuildingTables } from './cobuilding.tables.js';
export { articleCobuildingFigures } from './cobuilding-counts.repository.js';
export { type DemoCobuildingRows, demoCobuildingRepository } from './demo-cobuilding.repository.js';

export const cobuildingRoutes: FastifyPluginAsyncZod<{
  ctx: ServiceContext;
  intake: WorkOrderIntake;
}> = async (app, options) => {
  await app.register(projectRoutes, options);
  await app.register(unitRoutes, { ctx: options.ctx });
  await app.register(taskForceRoutes, { ctx: options.ctx });
};
