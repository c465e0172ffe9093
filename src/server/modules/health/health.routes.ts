import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { liveSchema, readySchema, unavailableSchema } from '../../../shared/api/health.js';
import type { Database } from '../../db/database.js';
import { healthRepository } from './health.repository.js';

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/health',
    {
      config: { public: 'liveness probe' },
      schema: { tags: ['health'], response: { 200: liveSchema } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/health/ready',
    {
      config: { public: 'readiness probe' },
      schema: {
        tags: ['health'],
        response: {
          200: readySchema,
          503: unavailableSchema,
        },
      },
    },
    async (request, reply) => {
      try {
        await healthRepository.ping(database.db);
        return { status: 'ok' as const, database: database.dialect };
      } catch (error) {
        request.log.error({ err: error }, 'readiness check failed');
        return reply.code(503).send({ status: 'unavailable' as const, database: database.dialect });
      }
    },
  );
};
