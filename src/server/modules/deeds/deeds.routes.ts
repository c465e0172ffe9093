import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../shared/api/common.js';
import {
  deedBody,
  deedCreatedSchema,
  deedListSchema,
  deedQuery,
  deedSummaryQuery,
  deedSummarySchema,
  ownDeedBody,
} from '../../../shared/api/deeds.js';
import type { DeedsService } from './deeds.service.js';

/** 好事实事: the ledger of members' deeds, its summary, and recording one. */
export const deedsRoutes: FastifyPluginAsyncZod<{ deeds: DeedsService }> = async (app, { deeds }) => {
  app.get(
    '/api/deeds',
    {
      config: { permission: 'workorder.read' },
      schema: {
        tags: ['deeds'],
        querystring: deedQuery,
        response: { 200: deedListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const rows = await deeds.list(request.principal.scope, {
        region: request.query.region,
        memberId: request.query.member,
        limit: request.query.limit,
      });
      return {
        items: rows.map((d) => ({
          id: d.id,
          memberId: d.member_id,
          memberName: d.member_name,
          regionCode: d.region_code,
          workOrderId: d.work_order_id,
          title: d.title,
          description: d.description,
          doneOn: d.done_on,
        })),
      };
    },
  );

  app.get(
    '/api/deeds/summary',
    {
      config: { permission: 'workorder.read' },
      schema: {
        tags: ['deeds'],
        summary: 'Deeds per child region and the members with the most',
        querystring: deedSummaryQuery,
        response: { 200: deedSummarySchema, ...errorResponses },
      },
    },
    async (request) => deeds.summary(request.principal.scope, request.query.region),
  );

  app.post(
    '/api/deeds',
    {
      config: { permission: 'deed.write' },
      schema: {
        tags: ['deeds'],
        summary: 'Record a deed for a member in scope',
        body: deedBody,
        response: { 201: deedCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { memberId, ...input } = request.body;
      const id = await deeds.recordFor(request.principal, memberId, input);
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/api/me/deeds',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['deeds'],
        summary: 'A member records their own deed',
        body: ownDeedBody,
        response: { 201: deedCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await deeds.recordOwn(request.principal.userId, request.body, request.principal.actor);
      return reply.code(201).send({ id });
    },
  );
};
