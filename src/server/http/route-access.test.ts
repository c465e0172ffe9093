import { beforeAll, expect, it } from 'vitest';
import { PERMISSIONS } from '../auth/permissions.js';
import { newPhone, residentLogin } from '../modules/portal/testing.js';
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
      if (permission && permission !== 'authenticated' && permission !== 'resident')
        expect(PERMISSIONS).toContain(permission);
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
      'GET /api/public/organizations/:id/fund-disclosure',
      'GET /api/public/training-certificates/:serial',
      'GET /api/public/volunteer-certificates/:serial',
      'HEAD /api/health',
      'HEAD /api/health/ready',
      'HEAD /api/openapi.json',
      'HEAD /api/public/organizations/:id/fund-disclosure',
      'HEAD /api/public/training-certificates/:serial',
      'HEAD /api/public/volunteer-certificates/:serial',
      'POST /api/auth/login',
      'POST /api/portal/login',
      'POST /api/portal/otp',
    ]);
  });
});

/**
 * Staff and residents are separate callers: the resident cookie satisfies no staff route, and the
 * staff cookie no resident route, whatever the staff member's roles. Checked on every route, so a
 * route added later is covered too.
 */
describeEachDialect('staff and resident sessions never stand in for each other', (env) => {
  let staffCookie = '';
  let residentCookie = '';
  beforeAll(async () => {
    staffCookie = await env.loginAdmin();
    residentCookie = await residentLogin(env, newPhone());
  });

  /** Every non-public API route with a placeholder for each path parameter. */
  const routesWhere = (test: (permission: string) => boolean) =>
    env.app
      .declaredRoutes()
      .filter((r) => r.url.startsWith('/api/') && r.config.permission && test(r.config.permission))
      .filter((r) => r.method !== 'HEAD')
      .map((r) => ({
        method: r.method.split(',')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
        url: r.url.replace(/:(\w+)/g, (_, name: string) =>
          name === 'code' ? '230108' : '0190a0b0-0000-7000-8000-000000000000',
        ),
      }));

  it('answers 401 to the resident cookie on every staff route', async () => {
    const staffRoutes = routesWhere((permission) => permission !== 'resident');
    expect(staffRoutes.length).toBeGreaterThan(30);
    const admitted: string[] = [];
    for (const route of staffRoutes) {
      const response = await env.app.inject({ ...route, headers: { cookie: residentCookie }, payload: {} });
      if (response.statusCode !== 401) admitted.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(admitted).toEqual([]);
  });

  it('answers 401 to the staff cookie on every resident route', async () => {
    const residentRoutes = routesWhere((permission) => permission === 'resident');
    expect(residentRoutes.length).toBeGreaterThanOrEqual(10);
    const admitted: string[] = [];
    for (const route of residentRoutes) {
      const response = await env.app.inject({ ...route, headers: { cookie: staffCookie }, payload: {} });
      if (response.statusCode !== 401) admitted.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(admitted).toEqual([]);
  });

  it('lets each cookie through on its own side', async () => {
    expect((await env.inject('GET', '/api/portal/me', { cookie: residentCookie })).status).toBe(200);
    expect((await env.inject('GET', '/api/auth/me', { cookie: staffCookie })).status).toBe(200);
    const both = `${staffCookie}; ${residentCookie}`;
    expect((await env.inject('GET', '/api/portal/me', { cookie: both })).status).toBe(200);
    expect((await env.inject('GET', '/api/auth/me', { cookie: both })).status).toBe(200);
  });
});
