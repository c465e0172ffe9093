import { beforeAll, expect, it } from 'vitest';
import {
  contactPointDetailSchema,
  contactPointPageSchema,
  myContactPointsSchema,
} from '../../../shared/api/worklogs.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { assignContactPoint, beijingDay, logBranch } from './testing.js';

const NOWHERE = '01900000-0000-7000-8000-0000000000aa';

describeEachDialect('contact points: assignments, contact records, the not-contacted flag', (env) => {
  let admin = '';
  let branch = '';
  let quietBranch = '';
  let otherBranch = '';
  let leader = { cookie: '', id: '' };
  let otherLeader = { cookie: '', id: '' };
  let secretary = '';
  let otherAdmin = '';
  const record = (overrides: Record<string, unknown> = {}) => ({
    contactedOn: beijingDay(env, 10),
    way: 'on_site',
    findings: '支部换届准备不足，党员活动室设施老化。',
    outcome: '商定月底前完成换届，街道协调资金修缮活动室。',
    ...overrides,
  });

  beforeAll(async () => {
    admin = await env.loginAdmin();
    branch = (await logBranch(env, QINGNIAN)).id;
    quietBranch = (await logBranch(env, QINGNIAN, '青年社区第二支部')).id;
    otherBranch = (await logBranch(env, SHANGHAI_XINCUN)).id;
    leader = await env.loginAs({ role: 'district_admin', regionCode: '230108' });
    otherLeader = await env.loginAs({ role: 'secretary', regionCode: QINGNIAN });
    secretary = otherLeader.cookie;
    otherAdmin = (await env.loginAs({ role: 'district_admin', regionCode: SHANGHAI_XINCUN })).cookie;
  }, 120_000);

  it('refuses bad assignments naming each field, 403 without the permission, writes nothing', async () => {
    const valid = { leaderUserId: leader.id, organizationId: branch, startOn: beijingDay(env, 200) };
    const cases: [Record<string, unknown>, string][] = [
      [{ leaderUserId: 'x' }, 'leaderUserId'],
      [{ leaderUserId: NOWHERE }, 'leaderUserId'],
      [{ organizationId: NOWHERE }, 'organizationId'],
      [{ startOn: '2026-02-31' }, 'startOn'],
      [{ startOn: beijingDay(env, -400) }, 'startOn'],
    ];
    for (const [override, field] of cases) {
      const r = await env.inject('POST', '/api/contact-points', {
        cookie: admin,
        body: { ...valid, ...override },
      });
      expect(r.status, JSON.stringify(override)).toBe(400);
      expect(r.error.fields?.map((f) => f.path)).toEqual([field]);
    }
    // An organization outside the caller's scope is the same field error as one that does not exist.
    const outside = await env.inject('POST', '/api/contact-points', { cookie: otherAdmin, body: valid });
    expect(outside.error.fields?.map((f) => f.path)).toEqual(['organizationId']);
    const bySecretary = await env.inject('POST', '/api/contact-points', { cookie: secretary, body: valid });
    expect(bySecretary.status).toBe(403);
    expect(await env.countRows('contact_points')).toBe(0);
  });

  it('assigns a leader to organizations, records contacts on their own ones only, flags the quiet one', async () => {
    const point = await assignContactPoint(env, admin, leader.id, branch, beijingDay(env, 200));
    const quiet = await assignContactPoint(env, admin, leader.id, quietBranch, beijingDay(env, 200));
    const twice = await env.inject('POST', '/api/contact-points', {
      cookie: admin,
      body: { leaderUserId: leader.id, organizationId: branch, startOn: beijingDay(env, 1) },
    });
    expect(twice.status).toBe(409);
    const bad: [Record<string, unknown>, string][] = [
      [{ contactedOn: beijingDay(env, -1) }, 'contactedOn'],
      [{ contactedOn: beijingDay(env, 300) }, 'contactedOn'],
      [{ way: 'letter' }, 'way'],
      [{ findings: '好' }, 'findings'],
      [{ outcome: '' }, 'outcome'],
      [{ outcome: '事'.repeat(2001) }, 'outcome'],
    ];
    for (const [override, field] of bad) {
      const r = await env.inject('POST', `/api/me/contact-points/${point}/records`, {
        cookie: leader.cookie,
        body: record(override),
      });
      expect(r.status, JSON.stringify(override)).toBe(400);
      expect(r.error.fields?.map((f) => f.path)).toEqual([field]);
    }
    // Somebody else's contact point does not exist for them, even inside their scope.
    const notTheirs = await env.inject('POST', `/api/me/contact-points/${point}/records`, {
      cookie: otherLeader.cookie,
      body: record(),
    });
    expect(notTheirs.status).toBe(404);
    expect(await env.countRows('contact_records')).toBe(0);
    const made = await env.inject('POST', `/api/me/contact-points/${point}/records`, {
      cookie: leader.cookie,
      body: record(),
    });
    expect(made.status).toBe(201);
    expect(made.body(contactPointDetailSchema).contactRecords).toHaveLength(1);
    const mine = (await env.inject('GET', '/api/me/contact-points', { cookie: leader.cookie })).body(
      myContactPointsSchema,
    );
    expect(mine.days).toBe(90);
    const byId = new Map(mine.items.map((p) => [p.id, p]));
    expect(byId.get(point)).toMatchObject({ lastContactOn: beijingDay(env, 10), records: 1, overdue: false });
    expect(byId.get(quiet)).toMatchObject({ lastContactOn: null, records: 0, overdue: true });
    // Asking for a shorter period flags the contacted one too.
    const strict = (await env.inject('GET', '/api/me/contact-points?days=7', { cookie: leader.cookie })).body(
      myContactPointsSchema,
    );
    expect(strict.items.every((p) => p.overdue)).toBe(true);
    const badDays = await env.inject('GET', '/api/me/contact-points?days=3', { cookie: leader.cookie });
    expect(badDays.error.fields?.map((f) => f.path)).toEqual(['querystring.days']);
    // The list in scope, and 404 outside it.
    const listed = await env.inject('GET', `/api/contact-points?leader=${leader.id}`, { cookie: secretary });
    expect(
      listed
        .body(contactPointPageSchema)
        .items.map((p) => p.id)
        .sort(),
    ).toEqual([point, quiet].sort());
    const away = await env.inject('GET', `/api/contact-points/${point}`, { cookie: otherAdmin });
    expect(away.status).toBe(404);
    const endAway = await env.inject('POST', `/api/contact-points/${point}/end`, {
      cookie: otherAdmin,
      body: { endOn: beijingDay(env) },
    });
    expect(endAway.status).toBe(404);
  });

  it('ends an assignment (audited); an ended one takes no records and leaves the leader’s list', async () => {
    const point = await assignContactPoint(env, admin, otherLeader.id, otherBranch, beijingDay(env, 20));
    const early = await env.inject('POST', `/api/contact-points/${point}/end`, {
      cookie: admin,
      body: { endOn: beijingDay(env, 30) },
    });
    expect(early.error.fields?.map((f) => f.path)).toEqual(['endOn']);
    const ended = await env.inject('POST', `/api/contact-points/${point}/end`, {
      cookie: admin,
      body: { endOn: beijingDay(env) },
    });
    expect(ended.body(contactPointDetailSchema)).toMatchObject({ endOn: beijingDay(env), overdue: false });
    const again = await env.inject('POST', `/api/contact-points/${point}/end`, {
      cookie: admin,
      body: { endOn: beijingDay(env) },
    });
    expect(again.status).toBe(409);
    const late = await env.inject('POST', `/api/me/contact-points/${point}/records`, {
      cookie: otherLeader.cookie,
      body: record({ contactedOn: beijingDay(env) }),
    });
    expect(late.status).toBe(409);
    const mine = (await env.inject('GET', '/api/me/contact-points', { cookie: otherLeader.cookie })).body(
      myContactPointsSchema,
    );
    expect(mine.items.map((p) => p.id)).not.toContain(point);
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', point)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['contactpoint.assigned', 'contactpoint.ended']);
  });
});
