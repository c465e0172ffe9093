import { expect, it } from 'vitest';
import { PERMISSIONS } from '../auth/permissions.js';
import { describeEachDialect } from '../testing/test-env.js';

/**
 * Every route the app registers must say who may call it. A route without `config.permission` or
 * `config.public` fails here, stops the app at start, and is refused at run time (fail closed).
 */
describeEachDialect('route access declarations', (env) => {
  it('declares a known permission or a public reason on every registered route', async () => {
    await env.app.ready();
    const routes = env.app.declaredRoutes();
    expect(routes.length).toBeGreaterThan(15);
    const undeclared = routes
      .filter((r) => !r.config.permission && !r.config.public)
      .map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    for (const route of routes) {
      const permission = route.config.permission;
      if (permission && permission !== 'authenticated') expect(PERMISSIONS).toContain(permission);
    }
  });

  it('keeps the public API surface small and deliberate', async () => {
    const publicApi = env.app
      .declaredRoutes()
      .filter((r) => r.config.public && r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(publicApi).toEqual([
      'GET /api/health',
      'GET /api/health/ready',
      'GET /api/openapi.json',
      'HEAD /api/health',
      'HEAD /api/health/ready',
      'HEAD /api/openapi.json',
      'POST /api/auth/login',
    ]);
  });
});
