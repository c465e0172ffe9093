/**
 * Relocation (易地搬迁, issue 18): resettlement communities, relocation cases per household or
 * enterprise through surveyed → agreed → paid → moved → resettled, disputes that become work
 * orders, totals per region. What other code (app.ts, the cockpit, the report, the demo) may use.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services.js';
import type { WorkOrderIntake } from '../work-orders/index.js';
import { relocationCaseRoutes } from './relocation-cases.routes.js';
import { resettlementRoutes } from './resettlements.routes.js';

export { demoRelocationRepository } from './demo-relocation.repository.js';
export type { RelocationTables } from './relocation.tables.js';
export { RELOCATION_INDICATORS, relocationCounterSources } from './relocation-counters.js';
export { articleRelocationFigures } from './relocation-counts.repository.js';

export const relocationRoutes: FastifyPluginAsyncZod<{
  ctx: ServiceContext;
  intake: WorkOrderIntake;
}> = async (app, options) => {
  await app.register(relocationCaseRoutes, options);
  await app.register(resettlementRoutes, { ctx: options.ctx });
};
