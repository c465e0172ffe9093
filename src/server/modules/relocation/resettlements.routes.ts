import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  createResettlementBody,
  regionQuery,
  relocationTotalsSchema,
  resettlementListSchema,
  resettlementSchema,
  updateResettlementBody,
} from '../../../shared/api/relocation.js';
import type { ServiceContext } from '../../services.js';
import { toResettlement } from './relocation.present.js';
import { RelocationTotalsService } from './relocation-totals.service.js';
import { ResettlementsService } from './resettlements.service.js';

const tags = ['relocation'];

/** 安置社区 and the relocation totals per region. */
export const resettlementRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const resettlements = new ResettlementsService(ctx);
  const totals = new RelocationTotalsService(ctx);

  app.get(
    '/api/resettlement-communities',
    {
      config: { permission: 'relocation.read' },
      schema: {
        tags,
        summary:
          'Every resettlement community of the caller’s district(s), with capacity and flats given (a case may be resettled in any of them)',
        response: { 200: resettlementListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await resettlements.ofDistricts(request.principal.scope)).map(toResettlement),
    }),
  );

  app.post(
    '/api/resettlement-communities',
    {
      config: { permission: 'relocation.write' },
      schema: {
        tags,
        summary: 'Make a community of the tree a resettlement community with its capacity in flats',
        body: createResettlementBody,
        response: { 201: resettlementSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { scope, actor } = request.principal;
      return reply.code(201).send(toResettlement(await resettlements.create(scope, request.body, actor)));
    },
  );

  app.patch(
    '/api/resettlement-communities/:id',
    {
      config: { permission: 'relocation.write' },
      schema: {
        tags,
        summary: 'Change a resettlement community’s capacity (never below the flats given)',
        params: idParams,
        body: updateResettlementBody,
        response: { 200: resettlementSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      return toResettlement(
        await resettlements.setCapacity(scope, request.params.id, request.body.capacityUnits, actor),
      );
    },
  );

  app.get(
    '/api/relocation-totals',
    {
      config: { permission: 'relocation.read' },
      schema: {
        tags,
        summary:
          'Cases by status, households relocated and resettled, compensation paid (fen), for a region and its children',
        querystring: regionQuery,
        response: { 200: relocationTotalsSchema, ...errorResponses },
      },
    },
    async (request) => totals.totals(request.principal.scope, request.query.region),
  );
};
