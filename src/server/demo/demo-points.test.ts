import { expect, it } from 'vitest';
import { pointsRankingSchema, pointsRulesSchema } from '../../shared/api/points.js';
import { beijingToday, fullMeeting, meetingWorld, submittedMeeting } from '../modules/meetings/testing.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../testing/test-env.js';
import { buildDemoPoints } from './demo-points.js';

describeEachDialect('demo points: the home district’s rules and an accrual, through the module', (env) => {
  it('sets the rules and accrues the points of meetings held, once', async () => {
    const admin = await env.loginAdmin();
    const world = await meetingWorld(env, QINGNIAN, { members: 3 });
    const ids = world.members.map((m) => m.id);
    await submittedMeeting(env, admin, fullMeeting(world.branch.id, ids, beijingToday(env, 1)));
    await buildDemoPoints(env.ctx, [DISTRICT]);
    const rules = await env.inject('GET', `/api/districts/${DISTRICT}/points-rules`, { cookie: admin });
    expect(rules.body(pointsRulesSchema).changedAt).not.toBeNull();
    const year = beijingToday(env).slice(0, 4);
    const ranking = await env.inject('GET', `/api/organizations/${world.branch.id}/points?year=${year}`, {
      cookie: admin,
    });
    expect(ranking.body(pointsRankingSchema).rows.map((r) => r.total)).toEqual([2, 2, 2]);
    // Another district's demo leaves this one alone.
    await buildDemoPoints(env.ctx, ['230102']);
    expect(await env.countRows('points_ledger')).toBe(3);
  });
});
