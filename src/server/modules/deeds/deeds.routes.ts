import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorResponses,
  idSchema,
  limitSchema,
  optionalParam,
  regionCodeSchema,
} from '../../http/common-schemas.js';
import type { DeedsService } from './deeds.service.js';

const deedBody = {
  title: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000).optional(),
  doneOn: z.iso.date(),
};

const deedSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  regionCode: z.string(),
  workOrderId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  doneOn: z.string(),
});

/** 好事实事: the ledger of members' deeds, its summary, and recording one. */
export const deedsRoutes: FastifyPluginAsyncZod<{ deeds: DeedsService }> = async (app, { deeds }) => {
  app.get(
    '/api/deeds',
    {
      config: { permission: 'workorder.read' },
      schema: {
        tags: ['deeds'],
        querystring: z.object({
          region: optionalParam(regionCodeSchema),
          member: optionalParam(idSchema),
          limit: limitSchema,
        }),
        response: { 200: z.object({ items: z.array(deedSchema) }), ...errorResponses },
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
        querystring: z.object({ region: optionalParam(regionCodeSchema) }),
        response: {
          200: z.object({
            byRegion: z.array(
              z.object({ regionCode: z.string(), regionName: z.string(), deeds: z.number() }),
            ),
            byMember: z.array(z.object({ memberId: z.string(), memberName: z.string(), deeds: z.number() })),
          }),
          ...errorResponses,
        },
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
        body: z.object({ memberId: idSchema, ...deedBody }).strict(),
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
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
        body: z.object(deedBody).strict(),
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await deeds.recordOwn(request.principal.userId, request.body, request.principal.actor);
      return reply.code(201).send({ id });
    },
  );
};
