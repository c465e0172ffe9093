import { expect, it } from 'vitest';
import { regionNamesSchema, regionSchema } from '../../../shared/api/regions.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN, XINGJIAN_STREET } from '../../testing/test-env.js';

/** GET /api/regions/names: a page's places in one request, each with its breadcrumb in scope. */
describeEachDialect('many region names at once', (env) => {
  it('names the codes in scope with their ancestors in scope, and leaves the others out', async () => {
    const { cookie } = await env.loginAs({ role: 'secretary', regionCode: QINGNIAN });
    const grid = await env.inject('POST', `/api/regions/${QINGNIAN}/children`, {
      cookie: await env.loginAdmin(),
      body: { kind: 'grid', name: '青年九网格' },
    });
    expect(grid.status).toBe(201);
    const gridCode = grid.body(regionSchema).code;
    const codes = [gridCode, QINGNIAN, SHANGHAI_XINCUN, XINGJIAN_STREET, gridCode];
    const answer = await env.inject('GET', `/api/regions/names?codes=${codes.join(',')}`, { cookie });
    expect(answer.status).toBe(200);
    expect(answer.body(regionNamesSchema).items).toEqual([
      {
        code: gridCode,
        name: '青年九网格',
        kind: 'grid',
        // The street above the secretary's community is outside the scope: not in the breadcrumb.
        ancestors: [{ code: QINGNIAN, name: '青年社区', kind: 'community' }],
      },
      { code: QINGNIAN, name: '青年社区', kind: 'community', ancestors: [] },
    ]);
  });

  it('refuses a malformed code or too many, naming the field', async () => {
    const cookie = await env.loginAdmin();
    const bad = await env.inject('GET', '/api/regions/names?codes=230108,abc', { cookie });
    expect(bad.status).toBe(400);
    expect(bad.error.fields?.[0]?.path).toContain('codes');
    const many = Array.from({ length: 101 }, (_, i) => `230108${String(i).padStart(3, '0')}`).join(',');
    expect((await env.inject('GET', `/api/regions/names?codes=${many}`, { cookie })).status).toBe(400);
    expect((await env.inject('GET', '/api/regions/names', { cookie })).status).toBe(400);
  });
});
