import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import { publicDescriptionBody, publicDescriptionSchema } from '../../../shared/api/open311.js';
import type { PublicDescriptionService } from './public-description.service.js';

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
        params: idParams,
        body: publicDescriptionBody,
        response: { 200: publicDescriptionSchema, ...errorResponses },
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
