import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  collectiveDetailSchema,
  collectiveListQuery,
  collectivePageSchema,
  createCollectiveBody,
  incomeBody,
  pagedQuery,
  shareholderBody,
  shareholderPageSchema,
} from '../../../shared/api/collectives.js';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import { decodeCursor, page } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import { maskedPerson, toCollectiveDetail, toCollectiveSummary } from './collectives.present.js';
import { CollectivesService } from './collectives.service.js';

const tags = ['collectives'];

/** 村集体经济组织: the list, a collective with its income and runs, shareholders, income entries. */
export const collectivesRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const collectives = new CollectivesService(ctx);
  const detail = async (scope: Parameters<CollectivesService['detail']>[0], id: string) =>
    toCollectiveDetail(await collectives.detail(scope, id));

  app.get(
    '/api/collectives',
    {
      config: { permission: 'collective.read' },
      schema: {
        tags,
        summary: 'Collective economic organizations in scope',
        querystring: collectiveListQuery,
        response: { 200: collectivePageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit, region } = request.query;
      const after = decodeCursor(cursor, ['text']);
      const rows = await collectives.list(request.principal.scope, region, after?.[0], limit);
      const { items, nextCursor } = page(rows, limit, (last) => [last.id]);
      return { items: items.map(toCollectiveSummary), nextCursor };
    },
  );

  app.post(
    '/api/collectives',
    {
      config: { permission: 'collective.manage' },
      schema: {
        tags,
        summary: 'Set up the collective of a village (or community), with its retention rate',
        body: createCollectiveBody,
        response: { 201: collectiveDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const scope = request.principal.scope;
      const id = await collectives.create(scope, request.body, request.principal.actor);
      return reply.code(201).send(await detail(scope, id));
    },
  );

  app.get(
    '/api/collectives/:id',
    {
      config: { permission: 'collective.read' },
      schema: {
        tags,
        summary: 'A collective: totals of its shareholders, its income entries and dividend runs',
        params: idParams,
        response: { 200: collectiveDetailSchema, ...errorResponses },
      },
    },
    async (request) => detail(request.principal.scope, request.params.id),
  );

  app.get(
    '/api/collectives/:id/shareholders',
    {
      config: { permission: 'collective.read' },
      schema: {
        tags,
        summary: 'The shareholders of a collective, masked',
        params: idParams,
        querystring: pagedQuery,
        response: { 200: shareholderPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit } = request.query;
      const after = decodeCursor(cursor, ['text']);
      const rows = await collectives.shareholders(
        request.principal.scope,
        request.params.id,
        after?.[0],
        limit,
      );
      const { items, nextCursor } = page(rows, limit, (last) => [last.person_id]);
      return {
        items: items.map((row) => ({ ...maskedPerson(ctx.crypto, row), shares: row.shares })),
        nextCursor,
      };
    },
  );

  app.post(
    '/api/collectives/:id/shareholders',
    {
      config: { permission: 'collective.manage' },
      schema: {
        tags,
        summary: 'Give a villager on the register shares (or change their number)',
        params: idParams,
        body: shareholderBody,
        response: { 200: collectiveDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.principal.scope;
      await collectives.setShareholder(scope, request.params.id, request.body, request.principal.actor);
      return detail(scope, request.params.id);
    },
  );

  app.post(
    '/api/collectives/:id/incomes',
    {
      config: { permission: 'collective.manage' },
      schema: {
        tags,
        summary: 'Record an income entry of a year (fen)',
        params: idParams,
        body: incomeBody,
        response: { 200: collectiveDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.principal.scope;
      await collectives.recordIncome(scope, request.params.id, request.body, request.principal.actor);
      return detail(scope, request.params.id);
    },
  );
};
