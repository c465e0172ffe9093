import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../shared/api/common.js';
import {
  createChildBody,
  regionCodeParams,
  regionDetailSchema,
  regionListSchema,
  regionNamesQuery,
  regionNamesSchema,
  regionSchema,
  regionSearchQuery,
  regionSearchSchema,
  renameRegionBody,
} from '../../../shared/api/regions.js';
import { toAncestorDto, toRegionDto } from './regions.dto.js';
import type { RegionsService } from './regions.service.js';

export const regionsRoutes: FastifyPluginAsyncZod<{ regions: RegionsService }> = async (app, { regions }) => {
  app.get(
    '/api/regions',
    {
      config: { permission: 'region.read' },
      schema: {
        tags: ['regions'],
        summary: 'The roots of the caller’s scope, where their region tree starts',
        response: { 200: regionListSchema, ...errorResponses },
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
        querystring: regionSearchQuery,
        response: { 200: regionSearchSchema, ...errorResponses },
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
        querystring: regionNamesQuery,
        response: { 200: regionNamesSchema, ...errorResponses },
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
        params: regionCodeParams,
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
        params: regionCodeParams,
        response: { 200: regionListSchema, ...errorResponses },
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
        params: regionCodeParams,
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
        params: regionCodeParams,
        body: renameRegionBody,
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
      schema: { tags: ['regions'], params: regionCodeParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await regions.remove(request.principal.scope, request.params.code, request.principal.actor);
      return reply.code(204).send(null);
    },
  );
};
