/**
 * The start-up loan guarantee module (创业担保贷款, issue 18): applications from the register, the
 * one-stop workflow with step deadlines, repayment schedules, repayments, delinquency buckets.
 * What other code (app.ts, the scheduler, the cockpit, the demo) may use of it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services.js';
import { loanWorkflowRoutes } from './loan-workflow.routes.js';
import { loansRoutes } from './loans.routes.js';

// The demo drives applications through the same services the routes use (src/server/demo/demo-loans.ts).
export { LoanApplicationsService } from './applications.service.js';
export { articleLoanFigures } from './article-figures.repository.js';
export { sweepLoanDeadlines } from './deadline-sweeper.js';
export { assessDelinquency } from './delinquency-job.js';
export { type DemoLoanRows, demoLoansRepository } from './demo-loans.repository.js';
export { LOAN_INDICATORS, loanCounterSources } from './loan-counters.js';
export { loanSettingsOf } from './loan-settings.service.js';
export type { LoanTables } from './loans.tables.js';
export { LoanRepaymentsService } from './repayments.service.js';
export { buildSchedule } from './schedule.js';
export { LoanWorkflowService } from './workflow.service.js';

export const loanRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, options) => {
  await app.register(loansRoutes, options);
  await app.register(loanWorkflowRoutes, options);
};
