import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, regionCodeSchema } from '../../http/common-schemas.js';
import {
  createChildBody,
  regionDetailSchema,
  regionNameSchema,
  regionSchema,
  toAncestorDto,
  toRegionDto,
} from './regions.schema.js';
import type { RegionsService } from './regions.service.js';

const codeParams = z.object({ code: regionCodeSchema });

export const regionsRoutes: FastifyPluginAsyncZod<{ regions: RegionsService }> = async (app, { regions }) => {
  app.get(
    '/api/regions',
    {
      config: { permission: 'region.read' },
      schema: {
        tags: ['regions'],
        summary: 'The roots of the caller’s scope, where their region tree starts',
        response: { 200: z.object({ items: z.array(regionSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: (await regions.roots(request.principal.scope)).map(toRegionDto) }),
  );

  app.get(
    '/api/regions/search',
    {
      config: { permission: 'region.read' },
      schema: {
        tags: ['regions'],
        querystring: z.object({
          q: z.string().trim().min(1).max(50),
          limit: z.coerce.number().int().min(1).max(50).default(20),
        }),
        response: {
          200: z.object({ items: z.array(regionSchema.omit({ childCount: true })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const found = await regions.search(request.principal.scope, request.query.q, request.query.limit);
      return {
        items: found
          .map((r) => toRegionDto({ ...r, child_count: 0 }))
          .map(({ childCount: _, ...rest }) => rest),
      };
    },
  );

  app.get(
    '/api/regions/names',
    {
      config: { permission: 'region.read' },
      schema: {
        tags: ['regions'],
        summary: 'Names of many regions, each with its ancestors in scope (codes outside it are left out)',
        querystring: z.object({
          codes: z
            .string()
            .max(2000)
            .transform((text) => text.split(',').filter(Boolean))
            .pipe(z.array(regionCodeSchema).min(1).max(100)),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                kind: z.string(),
                ancestors: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string() })),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: await regions.names(request.principal.scope, request.query.codes) }),
  );

  app.get(
    '/api/regions/:code',
    {
      config: { permission: 'region.read' },
      schema: {
        tags: ['regions'],
        params: codeParams,
        response: { 200: regionDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const region = await regions.get(request.principal.scope, request.params.code);
      return { ...toRegionDto(region), ancestors: region.ancestors.map(toAncestorDto) };
    },
  );

  app.get(
    '/api/regions/:code/children',
    {
      config: { permission: 'region.read' },
      schema: {
        tags: ['regions'],
        params: codeParams,
        response: { 200: z.object({ items: z.array(regionSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await regions.children(request.principal.scope, request.params.code)).map(toRegionDto),
    }),
  );

  app.post(
    '/api/regions/:code/children',
    {
      config: { permission: 'region.write' },
      schema: {
        tags: ['regions'],
        summary: 'Create a grid under a community/village, or a building under a grid',
        params: codeParams,
        body: createChildBody,
        response: { 201: regionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const region = await regions.createChild(
        request.principal.scope,
        request.params.code,
        request.body,
        request.principal.actor,
      );
      return reply.code(201).send(toRegionDto(region));
    },
  );

  app.patch(
    '/api/regions/:code',
    {
      config: { permission: 'region.write' },
      schema: {
        tags: ['regions'],
        params: codeParams,
        body: z.object({ name: regionNameSchema }),
        response: { 200: regionSchema, ...errorResponses },
      },
    },
    async (request) =>
      toRegionDto(
        await regions.rename(
          request.principal.scope,
          request.params.code,
          request.body.name,
          request.principal.actor,
        ),
      ),
  );

  app.delete(
    '/api/regions/:code',
    {
      config: { permission: 'region.write' },
      schema: { tags: ['regions'], params: codeParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await regions.remove(request.principal.scope, request.params.code, request.principal.actor);
      return reply.code(204).send(null);
    },
  );
};
