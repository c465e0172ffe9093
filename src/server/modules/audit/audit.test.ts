import { expect, it } from 'vitest';
import { auditPageSchema } from '../../../shared/api/audit.js';
import { regionSchema } from '../../../shared/api/regions.js';
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
    const entries = log.body(auditPageSchema).items;
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'auth.login',
        'auth.login_failed',
        'region.created',
        'auth.denied',
        'user.created',
      ]),
    );
    const created = entries.find((e) => e.action === 'region.created');
    const gridCode = grid.body(regionSchema).code;
    expect(created).toMatchObject({
      actor: 'admin',
      targetType: 'region',
      targetId: gridCode,
      regionCode: gridCode,
    });
    expect(created?.summary).toMatchObject({ kind: 'grid', name: '审计网格' });
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
    const firstPage = byActor.body(auditPageSchema);
    expect(firstPage.items).toHaveLength(2);
    for (const item of firstPage.items) {
      expect(item.actor).toBe('admin');
      expect(item.action.startsWith('auth.')).toBe(true);
    }
    const next = await env.inject(
      'GET',
      `/api/audit?actor=admin&action=auth.&limit=2&cursor=${firstPage.nextCursor}`,
      { cookie: admin },
    );
    expect(next.body(auditPageSchema).items[0]!.seq).toBeLessThan(firstPage.items[1]!.seq);
    const future = await env.inject('GET', '/api/audit?from=2999-01-01T00:00:00%2B08:00', { cookie: admin });
    expect(future.body(auditPageSchema).items).toEqual([]);
    const badTime = await env.inject('GET', '/api/audit?from=yesterday', { cookie: admin });
    expect(badTime.status).toBe(400);
    expect(badTime.error.fields?.[0]?.path).toBe('querystring.from');
  });

  it('shows an auditor only the rows of their scope and refuses everyone else', async () => {
    const admin = await env.loginAdmin();
    await env.inject('POST', `/api/regions/${SHANGHAI_XINCUN}/children`, {
      cookie: admin,
      body: { kind: 'grid', name: '别处网格' },
    });
    const { cookie: auditor } = await env.loginAs({ role: 'auditor', regionCode: QINGNIAN });
    const page = await env.inject('GET', '/api/audit?limit=200', { cookie: auditor });
    const rows = page.body(auditPageSchema).items;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.regionCode.startsWith(QINGNIAN)).toBe(true);
    const { cookie: secretary } = await env.loginAs({ role: 'secretary' });
    expect((await env.inject('GET', '/api/audit', { cookie: secretary })).status).toBe(403);
  });
});
