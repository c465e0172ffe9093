import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  createdOpen311KeySchema,
  createOpen311KeyBody,
  open311KeyListSchema,
  open311KeySchema,
} from '../../../shared/api/open311.js';
import type { Open311KeyView } from './open311-keys.repository.js';
import type { Open311KeysService } from './open311-keys.service.js';

const toKeyDto = (view: Open311KeyView): z.infer<typeof open311KeySchema> => ({
  id: view.id,
  name: view.name,
  regionCode: view.region_code,
  regionName: view.region_name,
  districtCode: view.district_code,
  keyPrefix: view.key_prefix,
  createdAt: view.created_at,
  revokedAt: view.revoked_at,
});

/** Issuing and revoking Open311 API keys: for holders of catalogue.manage, within their scope. */
export const open311KeysRoutes: FastifyPluginAsyncZod<{ keys: Open311KeysService }> = async (
  app,
  { keys },
) => {
  app.get(
    '/api/open311/keys',
    {
      config: { permission: 'catalogue.manage' },
      schema: {
        tags: ['open311'],
        summary: 'Open311 API keys of units in the caller’s scope, newest first',
        response: { 200: open311KeyListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: (await keys.list(request.principal.scope)).map(toKeyDto) }),
  );

  app.post(
    '/api/open311/keys',
    {
      config: { permission: 'catalogue.manage' },
      schema: {
        tags: ['open311'],
        summary: 'Issue a key for a unit; the answer carries the key, which is never shown again',
        body: createOpen311KeyBody,
        response: { 201: createdOpen311KeySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await keys.create(request.principal.scope, request.body, request.principal.actor);
      return reply.code(201).send({ ...toKeyDto(created.view), key: created.key });
    },
  );

  app.post(
    '/api/open311/keys/:id/revoke',
    {
      config: { permission: 'catalogue.manage' },
      schema: {
        tags: ['open311'],
        summary: 'Revoke a key: requests POSTed with it are refused from now on',
        params: idParams,
        response: { 200: open311KeySchema, ...errorResponses },
      },
    },
    async (request) =>
      toKeyDto(await keys.revoke(request.principal.scope, request.params.id, request.principal.actor)),
  );
};
