import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idSchema } from '../../../shared/api/common.js';
import type { PublicDescriptionService } from './public-description.service.js';

const body = z
  .object({
    /** The public text; empty withdraws it. */
    text: z.string().max(1000),
  })
  .strict();

const answer = z.object({
  number: z.string(),
  publicDescription: z.string().nullable(),
  version: z.number(),
});

/**
 * Staff publish (or withdraw) the text Open311 shows as an order's description. Those who dispatch
 * orders speak for the office; the order must lie in their dispatch scope (404 otherwise).
 */
export const publicDescriptionRoutes: FastifyPluginAsyncZod<{
  publicDescriptions: PublicDescriptionService;
}> = async (app, { publicDescriptions }) => {
  app.put(
    '/api/work-orders/:id/public-description',
    {
      config: { permission: 'workorder.dispatch' },
      schema: {
        tags: ['open311'],
        summary: 'Publish the text Open311 shows as the order’s description (empty withdraws it; audited)',
        params: z.object({ id: idSchema }),
        body,
        response: { 200: answer, ...errorResponses },
      },
    },
    async (request) =>
      publicDescriptions.publish(
        request.principal.scope,
        request.principal.actor,
        request.params.id,
        request.body.text,
      ),
  );
};
