import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Hotline } from '../../db/tables.js';
import { errorResponses, idSchema, regionCodeSchema } from '../../http/common-schemas.js';
import type { HotlinesAdmin } from './hotlines.service.js';

type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

const hotlineSchema = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  regionCode: z.string(),
  active: z.boolean(),
});
const toHotlineDto = (h: Hotline) => ({
  id: h.id,
  number: h.number,
  name: h.name,
  regionCode: h.region_code,
  active: h.active === 1,
});

/** The hotlines of units in scope: read by staff, edited by admins (registered by catalogueRoutes). */
export function hotlineRoutes(app: ZodApp, hotlines: HotlinesAdmin): void {
  app.get(
    '/api/hotlines',
    {
      // Scoped: the hotlines of the caller's own district(s) only.
      config: { permission: 'workorder.read' },
      schema: {
        tags: ['catalogue'],
        response: { 200: z.object({ items: z.array(hotlineSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: (await hotlines.hotlines(request.principal.scope)).map(toHotlineDto) }),
  );

  app.post(
    '/api/hotlines',
    {
      config: { permission: 'catalogue.manage' },
      schema: {
        tags: ['catalogue'],
        body: z
          .object({
            number: z
              .string()
              .trim()
              .regex(/^[0-9-]{3,20}$/, 'field.invalid_format'),
            name: z.string().trim().min(1).max(50),
            regionCode: regionCodeSchema,
          })
          .strict(),
        response: { 201: hotlineSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          toHotlineDto(
            await hotlines.createHotline(request.principal.scope, request.body, request.principal.actor),
          ),
        ),
  );

  app.patch(
    '/api/hotlines/:id',
    {
      config: { permission: 'catalogue.manage' },
      schema: {
        tags: ['catalogue'],
        params: z.object({ id: idSchema }),
        body: z
          .object({ name: z.string().trim().min(1).max(50).optional(), active: z.boolean().optional() })
          .strict()
          .refine((body) => body.name !== undefined || body.active !== undefined, {
            message: 'field.required',
          }),
        response: { 200: hotlineSchema, ...errorResponses },
      },
    },
    async (request) =>
      toHotlineDto(
        await hotlines.updateHotline(
          request.principal.scope,
          request.params.id,
          request.body,
          request.principal.actor,
        ),
      ),
  );
}
