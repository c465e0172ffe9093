import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { ScrapeCollector } from './collect.js';
import { instrumentRequests } from './http-metrics.js';
import { mayReadMetrics } from './metrics-access.js';
import { EXPOSITION_CONTENT_TYPE } from './registry.js';

/**
 * `GET /metrics` in the Prometheus text format, and the request instrumentation behind it. Not
 * part of the API (no OpenAPI entry, no session): a caller who may not read it gets the same 404
 * as any unknown path, so the endpoint is not confirmed to exist (see metrics-access.ts).
 */
export function registerMetrics(
  app: FastifyInstance,
  deps: { database: Database; now: () => Date; token: string | undefined; schedulerInProcess: boolean },
): void {
  const { requests, latency } = instrumentRequests(app);
  const collector = new ScrapeCollector(deps.database, deps.now, deps.schedulerInProcess);
  app.addHook('onClose', async () => collector.stop());

  app.get(
    '/metrics',
    {
      config: { public: 'Prometheus scrape: bearer token or loopback only, checked by the route (else 404)' },
      schema: { hide: true },
      onRequest: async (request, reply) => {
        if (!mayReadMetrics(request, deps.token)) return reply.callNotFound();
      },
    },
    async (_request, reply) => {
      const text = requests.render() + latency.render() + (await collector.render());
      return reply.header('cache-control', 'no-store').type(EXPOSITION_CONTENT_TYPE).send(text);
    },
  );
}
