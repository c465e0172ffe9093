import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  createLoanBody,
  districtParams,
  documentBody,
  guidanceBody,
  guidanceSchema,
  loanDetailSchema,
  loanListQuery,
  loanPageSchema,
  loanPrefillSchema,
  loanSettingsAnswerSchema,
  loanSettingsBody,
  loanSettingsSchema,
  loanTotalsQuery,
  loanTotalsSchema,
} from '../../../shared/api/loans.js';
import { pageById } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import { LoanApplicationsService } from './applications.service.js';
import { LoanSettingsService } from './loan-settings.service.js';
import { toLoanDetail, toLoanSummary, toPrefill } from './loans.present.js';

const tags = ['loans'];

/** Applications, guidance, the checklist, totals and the district's settings (创业担保贷款). */
export const loansRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const applications = new LoanApplicationsService(ctx);
  const settings = new LoanSettingsService(ctx);

  app.get(
    '/api/loan-applications',
    {
      config: { permission: 'loan.read' },
      schema: {
        tags,
        summary: 'Loan applications in scope, newest first',
        querystring: loanListQuery,
        response: { 200: loanPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { status, overdue, region } = request.query;
      const { items, nextCursor } = await pageById(request.query, (after, limit) =>
        applications.list(request.principal.scope, {
          status,
          overdue: overdue === undefined ? undefined : overdue === 'true',
          region,
          after,
          limit,
        }),
      );
      return { items: items.map(toLoanSummary), nextCursor };
    },
  );

  app.get(
    '/api/persons/:id/loan-prefill',
    {
      config: { permission: 'loan.apply' },
      schema: {
        tags,
        summary:
          'What the application form starts with: the applicant from the register, masked, and the limits',
        params: idParams,
        response: { 200: loanPrefillSchema, ...errorResponses },
      },
    },
    async (request) =>
      toPrefill(ctx.crypto, await applications.prefill(request.principal.scope, request.params.id)),
  );

  app.post(
    '/api/loan-guidance',
    {
      config: { permission: 'loan.apply' },
      schema: {
        tags,
        summary: 'Record that a resident attended a guidance session (政策辅导)',
        body: guidanceBody,
        response: { 201: guidanceSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await applications.recordGuidance(request.principal.scope, request.body, request.principal.actor),
        ),
  );

  app.post(
    '/api/loan-applications',
    {
      config: { permission: 'loan.apply' },
      schema: {
        tags,
        summary: 'Take an application in for a resident of the register',
        body: createLoanBody,
        response: { 201: loanDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const scope = request.principal.scope;
      const created = await applications.create(scope, request.body, request.principal.actor);
      return reply.code(201).send(toLoanDetail(ctx.crypto, await applications.detail(scope, created.id)));
    },
  );

  app.get(
    '/api/loan-applications/:id',
    {
      config: { permission: 'loan.read' },
      schema: {
        tags,
        summary: 'An application: steps, checklist, schedule, repayments, pauses',
        params: idParams,
        response: { 200: loanDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      toLoanDetail(ctx.crypto, await applications.detail(request.principal.scope, request.params.id)),
  );

  app.post(
    '/api/loan-applications/:id/documents',
    {
      config: { permission: 'loan.apply' },
      schema: {
        tags,
        summary: 'Tick or untick one document of the checklist',
        params: idParams,
        body: documentBody,
        response: { 200: loanDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      toLoanDetail(
        ctx.crypto,
        await applications.tickDocument(
          request.principal.scope,
          request.params.id,
          request.body,
          request.principal.actor,
        ),
      ),
  );

  app.get(
    '/api/loan-totals',
    {
      config: { permission: 'loan.read' },
      schema: {
        tags,
        summary: 'Guided, applied, approved, disbursed (count and fen), in arrears, for a region in scope',
        querystring: loanTotalsQuery,
        response: { 200: loanTotalsSchema, ...errorResponses },
      },
    },
    async (request) => ({
      regionCode: request.query.region ?? null,
      ...(await applications.totals(request.principal.scope, request.query.region)),
    }),
  );

  app.get(
    '/api/districts/:district/loan-settings',
    {
      config: { permission: 'loan.read' },
      schema: {
        tags,
        summary:
          'A district’s loan limits, rate, subsidy, checklist and step deadlines, with their change log',
        params: districtParams,
        response: { 200: loanSettingsAnswerSchema, ...errorResponses },
      },
    },
    async (request) => {
      // Readable by whoever reads loans somewhere in the district (404 elsewhere).
      request.principal.scope.filteredTo(request.params.district);
      return settings.read(request.params.district);
    },
  );

  app.put(
    '/api/districts/:district/loan-settings',
    {
      config: { permission: 'loan.settings' },
      schema: {
        tags,
        summary: 'Change a whole district’s loan settings (a new row of the change log)',
        params: districtParams,
        body: loanSettingsBody,
        response: { 200: loanSettingsSchema, ...errorResponses },
      },
    },
    async (request) =>
      settings.change(
        request.principal.scope,
        request.params.district,
        request.body,
        request.principal.actor,
      ),
  );
};
