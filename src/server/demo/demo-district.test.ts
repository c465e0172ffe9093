import { expect, it } from 'vitest';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../testing/test-env.js';
import { buildDemo } from './demo-district.js';

describeEachDialect('the small demo district', (env) => {
  it('builds a living district with realistic proportions and working accounts', async () => {
    const report = await buildDemo(env.ctx, { scale: 'small', seed: 7 });
    expect(report.persons).toBeGreaterThan(4500);
    expect(report.persons).toBeLessThan(5500);
    expect(report.households / report.persons).toBeGreaterThan(0.3);
    expect(report.households / report.persons).toBeLessThan(0.55);
    // About 3% of adults are members; every community has its committee.
    expect(report.members / report.persons).toBeGreaterThan(0.015);
    expect(report.members / report.persons).toBeLessThan(0.05);
    const committees = await env.database.db
      .selectFrom('organizations')
      .select('id')
      .where('kind', '=', 'committee')
      .execute();
    expect(committees).toHaveLength(55);

    const admin = await env.loginAdmin();
    const coverage = (await env.inject('GET', '/api/coverage/230108', { cookie: admin })).json;
    expect(coverage.households).toBe(report.households);
    expect(coverage.carePercent).toBeGreaterThan(50);
    expect(coverage.carePercent).toBeLessThan(100);
    expect(coverage.corridorBranchPercent).toBe(100);

    const secretary = report.accounts.find((a) => a.username === 'community_secretary')!;
    const cookie = await env.login(secretary.username, secretary.password);
    expect((await env.inject('GET', `/api/regions/${QINGNIAN}`, { cookie })).status).toBe(200);
    expect((await env.inject('GET', `/api/regions/${SHANGHAI_XINCUN}`, { cookie })).status).toBe(404);
    const residents = (await env.inject('GET', '/api/persons?limit=200', { cookie })).json.items;
    expect(residents.length).toBeGreaterThan(50);
    for (const person of residents) expect(person.regionCode.startsWith(QINGNIAN)).toBe(true);

    const member = report.accounts.find((a) => a.username === 'member')!;
    const own = await env.inject('GET', '/api/me/member', {
      cookie: await env.login(member.username, member.password),
    });
    expect(own.status).toBe(200);
    expect(own.json.regionCode.startsWith(QINGNIAN)).toBe(true);
  });

  it('refuses to write demo data into a database that holds real data', async () => {
    await expect(buildDemo(env.ctx, { scale: 'small', seed: 7 })).rejects.toMatchObject({
      code: 'demo.not_empty',
    });
  });
});
