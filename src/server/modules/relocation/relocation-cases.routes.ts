import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  agreeBody,
  caseDetailSchema,
  caseListQuery,
  casePageSchema,
  createCaseBody,
  disputeBody,
  disputeResultSchema,
  moveBody,
  payBody,
  resettleBody,
  withdrawBody,
} from '../../../shared/api/relocation.js';
import { decodeCursor, page } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import type { WorkOrderIntake } from '../work-orders/index.js';
import { toCaseDetail, toCaseSummary } from './relocation.present.js';
import { RelocationCasesService } from './relocation-cases.service.js';
import { RelocationDisputesService } from './relocation-disputes.service.js';

const tags = ['relocation'];
const detailResponse = { 200: caseDetailSchema, ...errorResponses };

/** 易地搬迁 cases: the list, one case with its steps, each step of the workflow, disputes to orders. */
export const relocationCaseRoutes: FastifyPluginAsyncZod<{
  ctx: ServiceContext;
  intake: WorkOrderIntake;
}> = async (app, { ctx, intake }) => {
  const cases = new RelocationCasesService(ctx);
  const disputes = new RelocationDisputesService(ctx, intake);

  app.get(
    '/api/relocation-cases',
    {
      config: { permission: 'relocation.read' },
      schema: {
        tags,
        summary:
          'Relocation cases in scope, newest first (order= finds the case a dispute’s order came from)',
        querystring: caseListQuery,
        response: { 200: casePageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit, ...filter } = request.query;
      const after = decodeCursor(cursor, ['text']);
      const rows = await cases.list(request.principal.scope, { ...filter, after: after?.[0], limit });
      const { items, nextCursor } = page(rows, limit, (last) => [last.id]);
      return { items: items.map(toCaseSummary), nextCursor };
    },
  );

  app.post(
    '/api/relocation-cases',
    {
      config: { permission: 'relocation.write' },
      schema: {
        tags,
        summary: 'Open a case from the survey of a household or an enterprise (areas in 0.01 m²)',
        body: createCaseBody,
        response: { 201: caseDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const scope = request.principal.scope;
      const id = await cases.create(scope, request.body, request.principal.actor);
      return reply.code(201).send(toCaseDetail(await cases.detail(scope, id)));
    },
  );

  app.get(
    '/api/relocation-cases/:id',
    {
      config: { permission: 'relocation.read' },
      schema: {
        tags,
        summary: 'A relocation case with its steps (who and when) and its disputes',
        params: idParams,
        response: detailResponse,
      },
    },
    async (request) => toCaseDetail(await cases.detail(request.principal.scope, request.params.id)),
  );

  const answer = async (scope: Parameters<RelocationCasesService['detail']>[0], id: string) =>
    toCaseDetail(await cases.detail(scope, id));

  app.post(
    '/api/relocation-cases/:id/agree',
    {
      config: { permission: 'relocation.write' },
      schema: {
        tags,
        summary: 'Sign the compensation agreement (surveyed → agreed), the amount in fen',
        params: idParams,
        body: agreeBody,
        response: detailResponse,
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      await cases.act(scope, request.params.id, { action: 'agree', body: request.body }, actor);
      return answer(scope, request.params.id);
    },
  );

  app.post(
    '/api/relocation-cases/:id/pay',
    {
      config: { permission: 'relocation.write' },
      schema: {
        tags,
        summary: 'Record the compensation paid (agreed → paid)',
        params: idParams,
        body: payBody,
        response: detailResponse,
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      await cases.act(scope, request.params.id, { action: 'pay', body: request.body }, actor);
      return answer(scope, request.params.id);
    },
  );

  app.post(
    '/api/relocation-cases/:id/move',
    {
      config: { permission: 'relocation.write' },
      schema: {
        tags,
        summary: 'Record the move out (paid → moved)',
        params: idParams,
        body: moveBody,
        response: detailResponse,
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      await cases.act(scope, request.params.id, { action: 'move', body: request.body }, actor);
      return answer(scope, request.params.id);
    },
  );

  app.post(
    '/api/relocation-cases/:id/resettle',
    {
      config: { permission: 'relocation.write' },
      schema: {
        tags,
        summary: 'Give a household its flat in a resettlement community (moved → resettled), within capacity',
        params: idParams,
        body: resettleBody,
        response: detailResponse,
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      await cases.act(scope, request.params.id, { action: 'resettle', body: request.body }, actor);
      return answer(scope, request.params.id);
    },
  );

  app.post(
    '/api/relocation-cases/:id/withdraw',
    {
      config: { permission: 'relocation.write' },
      schema: {
        tags,
        summary: 'Withdraw the case with a reason (before the money moves)',
        params: idParams,
        body: withdrawBody,
        response: detailResponse,
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      await cases.act(scope, request.params.id, { action: 'withdraw', body: request.body }, actor);
      return answer(scope, request.params.id);
    },
  );

  app.post(
    '/api/relocation-cases/:id/disputes',
    {
      // The route's permission is the case's; the intake then needs workorder.intake at its place.
      config: { permission: 'relocation.write' },
      schema: {
        tags,
        summary: 'A dispute on the case becomes a work order in one step, linked both ways',
        params: idParams,
        body: disputeBody,
        response: { 201: disputeResultSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await disputes.toOrder(request.principal, request.params.id, request.body)),
  );
};
