import type { FastifyInstance } from 'fastify';
import { Counter, Histogram } from './registry.js';

/** Seconds; from a cached read (a few ms) to an export or import upload (seconds). */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Counts and times every answered request by method, route pattern (`/api/persons/:id`, never
 * the URL a client sent) and status class. A request no route matched is `unmatched`, so a
 * scanner's made-up paths neither leak into labels nor grow the series without bound.
 */
export function instrumentRequests(app: FastifyInstance): { requests: Counter; latency: Histogram } {
  const requests = new Counter(
    'lianxin_http_requests_total',
    'HTTP requests answered, by route pattern and status class.',
  );
  const latency = new Histogram(
    'lianxin_http_request_duration_seconds',
    'Time to answer an HTTP request, by route pattern and status class.',
    LATENCY_BUCKETS,
  );
  app.addHook('onResponse', async (request, reply) => {
    const pattern = request.is404 ? undefined : request.routeOptions.url;
    const labels = {
      method: METHODS.has(request.method) ? request.method : 'OTHER',
      route: pattern ?? 'unmatched',
      status: `${Math.floor(reply.statusCode / 100)}xx`,
    };
    requests.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
  });
  return { requests, latency };
}
