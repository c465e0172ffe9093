import { expect, it } from 'vitest';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';

describeEachDialect('audit log', (env) => {
  it('records changes, logins, failed logins and permission denials with who, what and where', async () => {
    const admin = await env.loginAdmin();
    await env.inject('POST', '/api/auth/login', { body: { username: 'admin', password: 'Wrong-pass-1' } });
    const grid = await env.inject('POST', `/api/regions/${QINGNIAN}/children`, {
      cookie: admin,
      body: { kind: 'grid', name: '审计网格' },
    });
    const { cookie: operator } = await env.loginAs({ role: 'hotline_operator' });
    await env.inject('POST', `/api/regions/${QINGNIAN}/children`, {
      cookie: operator,
      body: { kind: 'grid', name: 'x' },
    });

    const log = await env.inject('GET', '/api/audit?limit=200', { cookie: admin });
    const actions = log.json.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'auth.login',
        'auth.login_failed',
        'region.created',
        'auth.denied',
        'user.created',
      ]),
    );
    const created = log.json.items.find((e: { action: string }) => e.action === 'region.created');
    expect(created).toMatchObject({
      actor: 'admin',
      targetType: 'region',
      targetId: grid.json.code,
      regionCode: grid.json.code,
    });
    expect(created.summary).toMatchObject({ kind: 'grid', name: '审计网格' });
    // Secrets never reach the audit log.
    const everything = JSON.stringify(log.json);
    expect(everything).not.toContain('Wrong-pass-1');
    expect(everything).not.toContain('lianxin_session');
  });

  it('filters by actor, action prefix and time, and pages by cursor', async () => {
    await env.loginAdmin();
    await env.loginAdmin();
    const admin = await env.loginAdmin();
    const byActor = await env.inject('GET', '/api/audit?actor=admin&action=auth.&limit=2', { cookie: admin });
    expect(byActor.json.items).toHaveLength(2);
    for (const item of byActor.json.items) {
      expect(item.actor).toBe('admin');
      expect(item.action.startsWith('auth.')).toBe(true);
    }
    const next = await env.inject(
      'GET',
      `/api/audit?actor=admin&action=auth.&limit=2&cursor=${byActor.json.nextCursor}`,
      { cookie: admin },
    );
    expect(next.json.items[0].seq).toBeLessThan(byActor.json.items[1].seq);
    const future = await env.inject('GET', '/api/audit?from=2999-01-01T00:00:00%2B08:00', { cookie: admin });
    expect(future.json.items).toEqual([]);
    const badTime = await env.inject('GET', '/api/audit?from=yesterday', { cookie: admin });
    expect(badTime.status).toBe(400);
    expect(badTime.json.fields[0].path).toBe('querystring.from');
  });

  it('shows an auditor only the rows of their scope and refuses everyone else', async () => {
    const admin = await env.loginAdmin();
    await env.inject('POST', `/api/regions/${SHANGHAI_XINCUN}/children`, {
      cookie: admin,
      body: { kind: 'grid', name: '别处网格' },
    });
    const { cookie: auditor } = await env.loginAs({ role: 'auditor', regionCode: QINGNIAN });
    const rows = (await env.inject('GET', '/api/audit?limit=200', { cookie: auditor })).json.items;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.regionCode.startsWith(QINGNIAN)).toBe(true);
    const { cookie: secretary } = await env.loginAs({ role: 'secretary' });
    expect((await env.inject('GET', '/api/audit', { cookie: secretary })).status).toBe(403);
  });
});
