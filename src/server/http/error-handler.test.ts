import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { errorBodySchema } from '../../shared/api/common.js';
import { buildApp } from '../app.js';
import { describeEachDialect } from '../testing/test-env.js';

/** The head of the OpenAPI document: its version and the paths it describes. */
const openApiHeadSchema = z.object({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) });

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
    // Strict: a key beyond the error shape's would fail the parse rather than be dropped.
    const body = errorBodySchema.strict().parse(response.json());
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'requestId']);
    expect(body.code).toBe('internal.error');
    expect(response.body).not.toContain('hunter2');
    expect(response.headers['x-request-id']).toBe(body.requestId);
  });

  it.skipIf(env.dialect !== 'sqlite')(
    'answers 503 database.busy, not 500, while another connection holds the write lock too long',
    async () => {
      const app = await buildApp({ config: env.config, database: env.database, webRoot: '/nonexistent' });
      app.post('/api/test/write', { config: { public: 'test only' } }, async () => {
        await env.database.db
          .transaction()
          .execute((trx) =>
            trx.updateTable('regions').set({ name: sql`name` }).where('code', '=', '230108').execute(),
          );
        return { written: true };
      });
      // A large import on a connection of its own holds the write lock.
      const importer = new SqliteDatabase(env.database.sqliteFile!);
      await sql`pragma busy_timeout = 100`.execute(env.database.db);
      try {
        importer.exec('begin immediate');
        const busy = await app.inject({
          method: 'POST',
          url: '/api/test/write',
          headers: { 'accept-language': 'en' },
        });
        expect(busy.statusCode).toBe(503);
        expect(busy.json()).toMatchObject({
          code: 'database.busy',
          message: expect.stringContaining('busy'),
        });
        expect(busy.headers['retry-after']).toBe('5');
        importer.exec('rollback');
        const written = await app.inject({ method: 'POST', url: '/api/test/write' });
        expect(written.statusCode).toBe(200);
      } finally {
        importer.close();
        await sql`pragma busy_timeout = 5000`.execute(env.database.db);
        await app.close();
      }
    },
  );

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
    const head = openapi.body(openApiHeadSchema);
    expect(head.openapi).toMatch(/^3\./);
    expect(Object.keys(head.paths)).toEqual(
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
    // The reader is hardened like the pages: no framing, nothing from other hosts.
    expect(docs.headers['x-frame-options']).toBe('DENY');
    const csp = String(docs.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https:|validator\.swagger\.io|upgrade-insecure-requests/);
  });

  it('answers what the router refuses in the same error shape: undecodable paths, huge parameters', async () => {
    const cookie = await env.loginAdmin();
    const cases: [string, number, string][] = [
      ['/api/persons/%ff', 400, 'request.bad_url'],
      ['/api/persons/%', 400, 'request.bad_url'],
      ['/%ff', 400, 'request.bad_url'],
      [`/api/persons/${'a'.repeat(150)}`, 414, 'request.path_too_long'],
      [`/api/regions/${'1'.repeat(150)}/children`, 414, 'request.path_too_long'],
    ];
    for (const [url, status, code] of cases) {
      const response = await env.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(response.statusCode, url).toBe(status);
      expect(response.json(), url).toEqual({
        code,
        message: expect.any(String),
        requestId: expect.any(String),
      });
      const english = await env.app.inject({
        method: 'GET',
        url,
        headers: { cookie, 'accept-language': 'en' },
      });
      expect(errorBodySchema.parse(english.json()).message, url).toMatch(/^[A-Z][a-z]* [a-z]/);
    }
    // Open311 clients get the specification's error list instead.
    for (const url of ['/open311/v2/requests/%ff.json', `/open311/v2/services/${'x'.repeat(150)}.json`]) {
      const response = await env.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toEqual([{ code: 400, description: expect.any(String) }]);
    }
  });
});
