import { expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { describeEachDialect } from '../testing/test-env.js';

/**
 * Check-then-insert loses a race: two requests both see "no such record", both insert, and the
 * database refuses the second. Found by the fuzzer on PostgreSQL (concurrent
 * `POST /api/service-categories` with the same code answered 500); any module can meet it.
 */
describeEachDialect('a unique key refused by the database', (env) => {
  it('is a 409 asking to reload and retry, not a 500', async () => {
    const app = await buildApp({ config: env.config, database: env.database, webRoot: '/nonexistent' });
    app.post('/api/test/duplicate', { config: { public: 'test only' } }, async () => {
      const tag = { code: 'fuzz_twice', name: '重复', sort: 0, created_at: '2026-01-01T00:00:00.000Z' };
      await env.database.db.transaction().execute(async (trx) => {
        await trx.insertInto('tags').values(tag).execute();
        await trx.insertInto('tags').values(tag).execute();
      });
      return {};
    });
    const response = await app.inject({ method: 'POST', url: '/api/test/duplicate' });
    await app.close();
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'request.conflict', requestId: expect.any(String) });
  });

  it('leaves one of many concurrent identical creates standing and refuses the rest with a 4xx', async () => {
    const cookie = await env.loginAdmin();
    const body = { code: 'race_me', name: '并发', handlerKind: 'community', signHours: 1, resolveDays: 5 };
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => env.inject('POST', '/api/service-categories', { cookie, body })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s >= 400 && s < 500)).toBe(true);
  });
});
