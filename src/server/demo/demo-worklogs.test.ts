import { expect, it } from 'vitest';
import { myContactPointsSchema, workLogCountsSchema } from '../../shared/api/worklogs.js';
import { beijingDay, logBranch } from '../modules/worklogs/testing.js';
import { DISTRICT, describeEachDialect, QINGNIAN, XINGJIAN_STREET } from '../testing/test-env.js';
import { buildDemoWorklogs } from './demo-worklogs.js';

describeEachDialect('demo work logs and contact points, written in bulk', (env) => {
  it('logs three months for the organizations, flags one not contacted, and the counts read them', async () => {
    for (let i = 0; i < 6; i += 1) await logBranch(env, QINGNIAN, `演示支部${i}`);
    const password = 'Demo-pass-1x';
    const secretary = await env.createUser({
      username: 'community_secretary',
      role: 'secretary',
      regionCode: QINGNIAN,
      password,
    });
    await env.createUser({
      username: 'district_admin',
      role: 'district_admin',
      regionCode: DISTRICT,
      password,
    });
    await env.createUser({
      username: 'street_secretary',
      role: 'secretary',
      regionCode: XINGJIAN_STREET,
      password,
    });
    await buildDemoWorklogs(env.ctx, DISTRICT);
    expect(await env.countRows('work_logs')).toBeGreaterThan(30);
    expect(await env.countRows('contact_points')).toBe(6);
    const leader = await env.login('district_admin', password);
    const mine = (await env.inject('GET', '/api/me/contact-points', { cookie: leader })).body(
      myContactPointsSchema,
    );
    expect(mine.items).toHaveLength(3);
    expect(mine.items.filter((p) => p.overdue).length).toBeGreaterThan(0);
    expect(mine.items.some((p) => p.lastContactOn !== null && !p.overdue)).toBe(true);
    const cookie = await env.login(secretary.username, password);
    const month = beijingDay(env).slice(0, 7);
    const counts = await env.inject('GET', `/api/work-log-counts?month=${month}&region=${QINGNIAN}`, {
      cookie,
    });
    expect(counts.body(workLogCountsSchema).items.length).toBe(6);
  }, 120_000);
});
