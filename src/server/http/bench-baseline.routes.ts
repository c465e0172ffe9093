import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { errorResponses } from '../../shared/api/common.js';
import { createWorkOrderBody } from '../../shared/api/work-orders.js';
import type { Database } from '../db/database.js';
import { benchBaselineRepository } from './bench-baseline.repository.js';

/**
 * `POST /api/bench/baseline`: what `npm run bench -- intake` measures an intake against. The same
 * server, session, permission check and body validation as `POST /api/work-orders`, then one plain
 * INSERT. Registered only when the benchmark starts the server with LIANXIN_BENCH_ROUTES=1
 * (app.ts); it is not a route of any installation, so the authorization matrix never sees it.
 */
export const benchBaselineRoutes: FastifyPluginAsyncZod<{ database: Database; now: () => Date }> = async (
  app,
  { database, now },
) => {
  await benchBaselineRepository.ensureTable(database.db);
  app.post(
    '/api/bench/baseline',
    {
      config: { permission: 'workorder.intake' },
      schema: {
        hide: true,
        body: createWorkOrderBody,
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = uuidv7();
      await benchBaselineRepository.insert(database.db, {
        id,
        districtCode: request.principal.user.region_code.slice(0, 6),
        body: JSON.stringify(request.body),
        at: now().toISOString(),
      });
      return reply.code(201).send({ id });
    },
  );
};
