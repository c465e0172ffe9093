import { expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { describeEachDialect } from '../testing/test-env.js';

describeEachDialect('errors and service endpoints', (env) => {
  it('answers an unknown API path with a JSON 404', async () => {
    const response = await env.inject('GET', '/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ code: 'route.not_found', requestId: expect.any(String) });
  });

  it('hides an unexpected failure behind the request id', async () => {
    const app = await buildApp({ config: env.config, database: env.database, webRoot: '/nonexistent' });
    app.get('/api/test/explode', { config: { public: 'test only' } }, async () => {
      throw new Error('secret internals: password=hunter2');
    });
    const response = await app.inject({ method: 'GET', url: '/api/test/explode' });
    await app.close();
    expect(response.statusCode).toBe(500);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'requestId']);
    expect(body.code).toBe('internal.error');
    expect(response.body).not.toContain('hunter2');
    expect(response.headers['x-request-id']).toBe(body.requestId);
  });

  it('refuses a route that forgot to declare its access', async () => {
    const app = await buildApp({ config: env.config, database: env.database, webRoot: '/nonexistent' });
    app.get('/api/test/undeclared', async () => ({ leaked: true }));
    // The app refuses to start with such a route at all.
    await expect(app.ready()).rejects.toThrow(/without a declared permission/);
  });

  it('reports health and readiness, and serves the OpenAPI document and docs page', async () => {
    expect((await env.inject('GET', '/api/health')).json).toEqual({ status: 'ok' });
    expect((await env.inject('GET', '/api/health/ready')).json).toEqual({
      status: 'ok',
      database: env.dialect,
    });
    const openapi = await env.inject('GET', '/api/openapi.json');
    expect(openapi.json.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.json.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/regions/{code}/children',
        '/api/users/{id}/roles',
        '/api/audit',
      ]),
    );
    const docs = await env.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});
