import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../testing/test-env.js';
import { nulPath } from './nul-character-guard.js';

describe('finding a NUL character in a parsed request part', () => {
  it('names the field, in strings and in keys, at any depth', () => {
    expect(nulPath({ a: 'ok', b: ['x', 'y\u0000'] }, '')).toBe('b.1');
    expect(nulPath({ tag: 'a\u0000b' }, 'query')).toBe('query.tag');
    expect(nulPath({ attributes: { '\u0000': 1 } }, '')).toBe('attributes.\\0');
    expect(nulPath('\u0000', '')).toBe('(body)');
    expect(nulPath({ a: 'fine', n: 1, z: null }, '')).toBeUndefined();
    const deep = JSON.parse(`${'['.repeat(10_000)}"\\u0000"${']'.repeat(10_000)}`);
    expect(nulPath(deep, '')).toMatch(/^0(\.0)*$/);
  });
});

/** Found by the fuzzer (api-fuzz.test.ts): on PostgreSQL each of these was a 500. */
describeEachDialect('a NUL character anywhere in a request', (env) => {
  let cookie = '';
  beforeAll(async () => {
    cookie = await env.loginAdmin();
  });

  it('is a 400 naming the field, in the query, the path and the body, on every database', async () => {
    const search = await env.inject('GET', '/api/persons?q=x&tag=a%00b', { cookie });
    expect(search.status).toBe(400);
    expect(search.json).toMatchObject({ code: 'request.validation', fields: [{ path: 'query.tag' }] });

    const category = await env.inject('PATCH', '/api/service-categories/a%00b', {
      cookie,
      body: { name: 'x' },
    });
    expect(category.status).toBe(400);
    expect(category.error.fields).toEqual([{ path: 'params.code', message: '含有不允许的空字符（NUL）' }]);

    const login = await env.inject('POST', '/api/auth/login', {
      body: { username: 'ad\u0000min', password: 'x' },
    });
    expect(login.status).toBe(400);
    expect(login.error.fields?.[0]?.path).toBe('username');

    const key = await env.inject('POST', '/api/open311/keys', {
      cookie,
      body: { name: '\u0000', regionCode: '230108' },
    });
    expect(key.status).toBe(400);
  });

  it('answers in the Open311 error format on Open311 routes', async () => {
    const response = await env.inject('GET', '/open311/v2/requests.json?service_code=%00');
    expect(response.status).toBe(400);
    expect(response.json).toEqual([{ code: 400, description: expect.any(String) }]);
  });
});
