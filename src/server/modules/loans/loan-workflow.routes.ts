import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  decisionBody,
  disburseBody,
  hardshipBody,
  type LoanAction,
  loanDetailSchema,
  rejectBody,
  repaymentBody,
} from '../../../shared/api/loans.js';
import type { ServiceContext } from '../../services.js';
import { LoanApplicationsService } from './applications.service.js';
import { LOAN_RULES } from './loan-rules.js';
import { toLoanDetail } from './loans.present.js';
import { LoanRepaymentsService } from './repayments.service.js';
import { LoanWorkflowService } from './workflow.service.js';

const tags = ['loans'];
const response = { 200: loanDetailSchema, ...errorResponses };

/** `community_approve` → `community-approve`: each named action is its own route and permission. */
export const actionPath = (action: LoanAction) => `/api/loan-applications/:id/${action.replaceAll('_', '-')}`;

/** The one-stop workflow's actions, the bank's disbursement, repayments and hardship pauses. */
export const loanWorkflowRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const applications = new LoanApplicationsService(ctx);
  const workflow = new LoanWorkflowService(ctx);
  const repayments = new LoanRepaymentsService(ctx);

  for (const [action, rule] of Object.entries(LOAN_RULES) as [
    LoanAction,
    (typeof LOAN_RULES)[LoanAction],
  ][]) {
    if (action === 'disburse') continue;
    const body: z.ZodType<{ reason?: string | undefined }> = rule.reasonRequired ? rejectBody : decisionBody;
    app.post(
      actionPath(action),
      {
        config: { permission: rule.permission },
        schema: {
          tags,
          summary: `Loan workflow: ${action} (${rule.from.join(', ')} → ${rule.to})${rule.reasonRequired ? ', with a reason' : ''}`,
          params: idParams,
          body,
          response,
        },
      },
      async (request) => {
        const scope = request.principal.scope;
        await workflow.act(scope, request.params.id, action, request.body.reason, request.principal.actor);
        return toLoanDetail(ctx.crypto, await applications.detail(scope, request.params.id));
      },
    );
  }

  app.post(
    actionPath('disburse'),
    {
      config: { permission: LOAN_RULES.disburse.permission },
      schema: {
        tags,
        summary: 'The bank approves and lends (放款): the repayment schedule is made',
        params: idParams,
        body: disburseBody,
        response,
      },
    },
    async (request) => {
      const scope = request.principal.scope;
      await workflow.disburse(scope, request.params.id, request.body, request.principal.actor);
      return toLoanDetail(ctx.crypto, await applications.detail(scope, request.params.id));
    },
  );

  app.post(
    '/api/loan-applications/:id/repayments',
    {
      config: { permission: 'loan.bank' },
      schema: {
        tags,
        summary: 'Record a repayment (partial allowed, applied to the oldest instalment due)',
        params: idParams,
        body: repaymentBody,
        response,
      },
    },
    async (request) => {
      const scope = request.principal.scope;
      await repayments.repay(scope, request.params.id, request.body, request.principal.actor);
      return toLoanDetail(ctx.crypto, await applications.detail(scope, request.params.id));
    },
  );

  app.post(
    '/api/loan-applications/:id/hardship',
    {
      config: { permission: 'loan.review' },
      schema: {
        tags,
        summary: 'Pause (or resume) the arrears clock for a hardship, with a reason',
        params: idParams,
        body: hardshipBody,
        response,
      },
    },
    async (request) => {
      const scope = request.principal.scope;
      await repayments.hardship(scope, request.params.id, request.body, request.principal.actor);
      return toLoanDetail(ctx.crypto, await applications.detail(scope, request.params.id));
    },
  );
};
