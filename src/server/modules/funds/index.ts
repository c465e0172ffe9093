/**
 * Dues (党费) and the organizations' fund ledger (党建经费, issue 14). What other code (app.ts, the
 * demo, the report) may use of it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services.js';
import { duesRoutes } from './dues.routes.js';
import { ledgerRoutes } from './ledger.routes.js';

export { ArrearsService, alertDuesArrears } from './arrears.service.js';
export { DuesService } from './dues.service.js';
export { calculateDues } from './dues-rules.js';
export type { FundsTables } from './funds.tables.js';
export { LedgerService } from './ledger.service.js';
export { PeriodsService } from './periods.service.js';
export { transferFunds } from './transfers.service.js';

export const fundRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, options) => {
  await app.register(ledgerRoutes, options);
  await app.register(duesRoutes, options);
};
export { articleFundFigures } from './article-figures.repository.js';
export { demoSourcesRepository } from './demo-sources.repository.js';
export { FUND_INDICATORS, fundCounterSources } from './fund-counters.js';
export { fundSettingsOf } from './fund-settings.js';
