import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../shared/api/common.js';
import { visitMapParams, visitMapQuery, visitMapSchema } from '../../../shared/api/visit-map.js';
import type { VisitMapService } from './visit-map.service.js';

/** The grid's map coloured by visit state (visit.read in the grid's scope). */
export const visitMapRoutes: FastifyPluginAsyncZod<{ map: VisitMapService }> = async (app, { map }) => {
  app.get(
    '/api/visit-map/:code',
    {
      config: { permission: 'visit.read' },
      schema: {
        tags: ['visits'],
        summary:
          'Each household of a grid or building by visit state in an active campaign (met, attempted, not yet visited)',
        params: visitMapParams,
        querystring: visitMapQuery,
        response: { 200: visitMapSchema, ...errorResponses },
      },
    },
    async (request) => map.map(request.principal.scope, request.params.code, request.query.campaign),
  );
};
