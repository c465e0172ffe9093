import type { MatrixRows } from './types.js';

/** API description, health and metrics. */
export const SYSTEM_ROUTES: MatrixRows = {
  'GET /api/openapi.json': { access: 'public', target: 'none' },
  'GET /api/docs/': { access: 'public', target: 'none' },
  'GET /api/docs/static/index.html': { access: 'public', target: 'none' },
  'GET /api/docs/static/swagger-initializer.js': { access: 'public', target: 'none' },
  'GET /api/docs/json': { access: 'public', target: 'none' },
  'GET /api/docs/yaml': { access: 'public', target: 'none' },
  'GET /api/docs/static/*': { access: 'public', target: 'none' },
  'GET /api/health': { access: 'public', target: 'none' },
  'GET /api/health/ready': { access: 'public', target: 'none' },
  // Public to the router; the handler answers 404 unless the bearer token matches or, with no
  // token configured, the socket is loopback (src/server/metrics, tested in metrics.test.ts).
  'GET /metrics': { access: 'public', target: 'none' },
};
