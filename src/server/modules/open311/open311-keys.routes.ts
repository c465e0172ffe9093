import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idSchema, regionCodeSchema } from '../../../shared/api/common.js';
import type { Open311KeyView } from './open311-keys.repository.js';
import type { Open311KeysService } from './open311-keys.service.js';

const keySchema = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  districtCode: z.string(),
  /** The first characters of the key, to tell keys apart; the key itself is never shown again. */
  keyPrefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

const toKeyDto = (view: Open311KeyView): z.infer<typeof keySchema> => ({
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
        response: { 200: z.object({ items: z.array(keySchema) }), ...errorResponses },
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
        body: z.object({ name: z.string().trim().min(1).max(100), regionCode: regionCodeSchema }).strict(),
        response: { 201: keySchema.extend({ key: z.string() }), ...errorResponses },
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
        params: z.object({ id: idSchema }),
        response: { 200: keySchema, ...errorResponses },
      },
    },
    async (request) =>
      toKeyDto(await keys.revoke(request.principal.scope, request.params.id, request.principal.actor)),
  );
};
