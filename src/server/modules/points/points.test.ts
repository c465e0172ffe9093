import { beforeAll, expect, it } from 'vitest';
import {
  accrualSchema,
  memberPointsSchema,
  pointsRankingSchema,
  pointsRulesSchema,
} from '../../../shared/api/points.js';
import { activitySchema } from '../../../shared/api/volunteering.js';
import { DISTRICT, describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { beijingToday, fullMeeting, meetingWorld, submittedMeeting } from '../meetings/testing.js';
import { createMember, createOrganization, createResidents, loginIn } from '../member-workflows/testing.js';
import { householdsOf, visitBody } from '../visits/testing.js';
import { activityBody, volunteerWorld } from '../volunteering/testing.js';
import { accrueAllDistricts } from './index.js';

const RULES = [
  { sourceKind: 'volunteer_hours', points: 2, yearlyCap: 100, active: true },
  { sourceKind: 'visits', points: 1, yearlyCap: 2, active: true },
  { sourceKind: 'meetings_attended', points: 3, yearlyCap: 100, active: true },
  // Study is counted in bulletins/study.test.ts, where the courses are.
  { sourceKind: 'study_passed', points: 5, yearlyCap: 40, active: false },
];

describeEachDialect('members’ points: rules, accrual from the platform’s records, ledgers', (env) => {
  let admin = '';
  let secretary = '';
  let year = 0;
  /** Members: two volunteers (90 and 150 confirmed minutes), a visitor (3 visits), two at meetings. */
  const m = { volunteerA: '', volunteerB: '', visitor: '', present: '', absentOnce: '' };
  let volunteerACookie = '';
  let volunteerBCookie = '';
  let visitorCookie = '';
  let branch = '';
  let households: { id: string }[] = [];

  const accrue = (body: unknown, cookie = admin) =>
    env.inject('POST', '/api/points/accrue', { cookie, body });
  const ledger = async (memberId: string) => {
    const r = await env.inject('GET', `/api/members/${memberId}/points?year=${year}`, { cookie: secretary });
    expect(r.status).toBe(200);
    return r.body(memberPointsSchema);
  };
  const memberOfPerson = async (personId: string) =>
    (
      await env.database.db
        .selectFrom('members')
        .select('id')
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    admin = await env.loginAdmin();
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    year = Number(beijingToday(env).slice(0, 4));

    // Volunteer hours: a shift twelve minutes ahead, then entered after the fact (90 and 150 minutes).
    const world = await volunteerWorld(env, QINGNIAN, 3);
    const made = await env.inject('POST', '/api/volunteer-activities', {
      cookie: world.secretary,
      body: activityBody(env, world.team.id, { startsIn: 0.2, hours: 3 }),
    });
    const { id: activity, shifts } = made.body(activitySchema);
    const shiftId = shifts[0]!.id;
    env.advanceMinutes(15);
    const [a, b] = world.volunteers;
    const hours = await env.inject('POST', `/api/volunteer-activities/${activity}/hours/bulk`, {
      cookie: world.secretary,
      body: {
        entries: [
          { shiftId, volunteerId: a!.id, minutes: 90 },
          { shiftId, volunteerId: b!.id, minutes: 150 },
        ],
      },
    });
    expect(hours.status, JSON.stringify(hours.json)).toBe(200);
    m.volunteerA = await memberOfPerson(a!.personId);
    m.volunteerB = await memberOfPerson(b!.personId);
    volunteerACookie = a!.cookie!;
    volunteerBCookie = b!.cookie!;

    // Visits: a grid worker who is a party member records three.
    const { people } = await createResidents(env, QINGNIAN, 4);
    households = await householdsOf(
      env,
      people.map((p) => p.id),
    );
    const visitorBranch = await createOrganization(env, { regionCode: QINGNIAN, name: '青年社区网格党支部' });
    const visitor = await loginIn(env, { role: 'grid_worker', regionCode: QINGNIAN });
    visitorCookie = visitor.cookie;
    m.visitor = (
      await createMember(env, { organization: visitorBranch, personId: people[0]!.id, userId: visitor.id })
    ).id;
    for (const i of [0, 1, 2]) {
      const visit = await env.inject('POST', '/api/visits', {
        cookie: visitor.cookie,
        body: visitBody(env, households[i % households.length]!.id),
      });
      expect(visit.status, JSON.stringify(visit.json)).toBe(201);
    }

    // Meetings: two held with both present, then the second member absent once; a draft counts nothing.
    const meetings = await meetingWorld(env, QINGNIAN, { members: 2 });
    branch = meetings.branch.id;
    const ids = meetings.members.map((x) => x.id);
    [m.present, m.absentOnce] = ids as [string, string];
    await submittedMeeting(env, admin, fullMeeting(branch, ids, beijingToday(env, 2)));
    await submittedMeeting(
      env,
      admin,
      fullMeeting(branch, ids, beijingToday(env, 1), {
        attendance: [
          { memberId: ids[0], present: true },
          { memberId: ids[1], present: false, absenceReason: '外出务工' },
        ],
      }),
    );
    const draft = await env.inject('POST', '/api/meetings', {
      cookie: admin,
      body: fullMeeting(branch, ids, beijingToday(env)),
    });
    expect(draft.status).toBe(201);
  }, 120_000);

  it('refuses bad rules, bad accruals and manual rows without a reason, naming the field, writing nothing', async () => {
    const put = (body: unknown, cookie = admin) =>
      env.inject('PUT', `/api/districts/${DISTRICT}/points-rules`, { cookie, body });
    const cases: [unknown, string][] = [
      [{ rules: [{ ...RULES[0], points: -1 }] }, 'rules.0.points'],
      [{ rules: [{ ...RULES[0], points: 1.5 }] }, 'rules.0.points'],
      [{ rules: [{ ...RULES[0], yearlyCap: 0 }] }, 'rules.0.yearlyCap'],
      [{ rules: [{ ...RULES[0], sourceKind: 'study' }] }, 'rules.0.sourceKind'],
      [{ rules: [{ ...RULES[0], active: 'yes' }] }, 'rules.0.active'],
      [{ rules: [RULES[0], RULES[0]] }, 'rules.1.sourceKind'],
    ];
    for (const [body, path] of cases) {
      const r = await put(body);
      expect(r.status, path).toBe(400);
      expect(r.error.fields?.map((f) => f.path)).toEqual([path]);
    }
    // A community's secretary holds points.manage, but not over the whole district.
    const narrow = await put({ rules: RULES }, secretary);
    expect(narrow.status).toBe(403);
    expect(narrow.error.code).toBe('points.district_wide');
    expect((await accrue({ district: DISTRICT }, secretary)).error.code).toBe('points.district_wide');
    expect((await accrue({ district: 'abc' })).error.fields?.map((f) => f.path)).toEqual(['district']);
    expect((await accrue({ district: DISTRICT, year: 1999 })).error.fields?.map((f) => f.path)).toEqual([
      'year',
    ]);
    const award = (body: unknown) =>
      env.inject('POST', `/api/members/${m.present}/points`, { cookie: secretary, body });
    for (const [body, path] of [
      [{ points: 5 }, 'reason'],
      [{ points: 5, reason: ' .. ' }, 'reason'],
      [{ points: 5, reason: '\u200b好' }, 'reason'],
      [{ points: 5, reason: '很'.repeat(201) }, 'reason'],
      [{ points: 0, reason: '带头清雪' }, 'points'],
      [{ points: 101, reason: '带头清雪' }, 'points'],
      [{ points: -101, reason: '带头清雪' }, 'points'],
    ] as const) {
      const r = await award(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.error.fields?.map((f) => f.path)).toEqual([path]);
    }
    expect(await env.countRows('points_ledger')).toBe(0);
    expect(await env.countRows('points_rules')).toBe(0);
  });

  it('accrues the hand-computed points from hours, visits and meetings, once, within each cap', async () => {
    const defaults = await env.inject('GET', `/api/districts/${DISTRICT}/points-rules`, {
      cookie: secretary,
    });
    expect(defaults.body(pointsRulesSchema).changedAt).toBeNull();
    const set = await env.inject('PUT', `/api/districts/${DISTRICT}/points-rules`, {
      cookie: admin,
      body: { rules: RULES },
    });
    expect(set.status).toBe(200);
    expect(set.body(pointsRulesSchema).rules).toEqual(RULES);
    const first = await accrue({ district: DISTRICT, year });
    expect(first.status).toBe(200);
    // Hours: ⌊90·2/60⌋ = 3 and ⌊150·2/60⌋ = 5; visits: 3 recorded, capped at 2; meetings: 2·3 and 1·3.
    expect(first.body(accrualSchema)).toEqual({ districtCode: DISTRICT, year, added: 7, points: 19 });
    const a = await ledger(m.volunteerA);
    expect(a.total).toBe(3);
    expect(a.rows[0]!.reason).toContain('1.5小时');
    expect((await ledger(m.volunteerB)).byKind.volunteer_hours).toBe(5);
    const visitor = await ledger(m.visitor);
    expect(visitor).toMatchObject({ total: 2, byKind: { visits: 2 } });
    expect(visitor.rows).toHaveLength(2);
    expect((await ledger(m.present)).byKind.meetings_attended).toBe(6);
    expect((await ledger(m.absentOnce)).total).toBe(3);

    // Again, by the route and by the daily job: nothing more.
    const again = await accrue({ district: DISTRICT, year });
    expect(again.body(accrualSchema)).toMatchObject({ added: 0, points: 0 });
    expect(await accrueAllDistricts(env.ctx)).toBe(0);
    expect(await env.countRows('points_ledger')).toBe(7);

    // A raised cap counts the visit the old cap left out, at the next run, and nothing twice.
    const raised = await env.inject('PUT', `/api/districts/${DISTRICT}/points-rules`, {
      cookie: admin,
      body: { rules: RULES.map((r) => (r.sourceKind === 'visits' ? { ...r, yearlyCap: 10 } : r)) },
    });
    expect(raised.body(pointsRulesSchema).rules[1]).toMatchObject({ sourceKind: 'visits', yearlyCap: 10 });
    expect(await accrueAllDistricts(env.ctx)).toBe(1);
    expect((await ledger(m.visitor)).total).toBe(3);
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['points.accrued', 'points.rules_changed'])
      .execute();
    expect(audit.map((row) => row.action).sort()).toEqual([
      'points.accrued',
      'points.accrued',
      'points.rules_changed',
      'points.rules_changed',
    ]);
  });

  it('takes a manual award or deduction with its reason, audited, into the ranking', async () => {
    const award = await env.inject('POST', `/api/members/${m.absentOnce}/points`, {
      cookie: secretary,
      body: { points: 5, reason: '  带头为独居老人清雪  ' },
    });
    expect(award.status).toBe(201);
    const after = award.body(memberPointsSchema);
    expect(after.total).toBe(8);
    expect(after.rows[0]).toMatchObject({ sourceKind: 'manual', points: 5, reason: '带头为独居老人清雪' });
    const deduct = await env.inject('POST', `/api/members/${m.absentOnce}/points`, {
      cookie: secretary,
      body: { points: -1, reason: '无故缺席主题党日' },
    });
    expect(deduct.body(memberPointsSchema).byKind.manual).toBe(4);
    const audited = await env.database.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', 'in', ['points.awarded', 'points.deducted'])
      .orderBy('seq')
      .execute();
    expect(audited).toEqual([
      { action: 'points.awarded', target_id: m.absentOnce },
      { action: 'points.deducted', target_id: m.absentOnce },
    ]);
    // The ledger keeps its rows: no update or delete passes the database.
    await expect(
      env.database.db
        .updateTable('points_ledger')
        .set({ points: 99 })
        .where('member_id', '=', m.present)
        .execute(),
    ).rejects.toThrow(/append-only/);
    const ranking = await env.inject('GET', `/api/organizations/${branch}/points?year=${year}`, {
      cookie: secretary,
    });
    const rows = ranking.body(pointsRankingSchema).rows;
    expect(rows.map((r) => [r.memberId, r.rank, r.total])).toEqual([
      [m.absentOnce, 1, 7],
      [m.present, 2, 6],
    ]);
    expect(ranking.body(pointsRankingSchema).accruedAt).not.toBeNull();
  });

  it('answers 404 outside the scope and 403 without the permission', async () => {
    const elsewhere = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
    const before = await env.countRows('points_ledger');
    expect((await env.inject('GET', `/api/members/${m.present}/points`, { cookie: elsewhere })).status).toBe(
      404,
    );
    expect(
      (await env.inject('GET', `/api/organizations/${branch}/points`, { cookie: elsewhere })).status,
    ).toBe(404);
    const outside = await env.inject('POST', `/api/members/${m.present}/points`, {
      cookie: elsewhere,
      body: { points: 5, reason: '带头为独居老人清雪' },
    });
    expect(outside.status).toBe(404);
    expect(await env.countRows('points_ledger')).toBe(before);
    for (const cookie of [volunteerACookie, visitorCookie]) {
      expect((await env.inject('GET', `/api/members/${m.present}/points`, { cookie })).status).toBe(403);
      const manual = await env.inject('POST', `/api/members/${m.present}/points`, {
        cookie,
        body: { points: 5, reason: '带头为独居老人清雪' },
      });
      expect(manual.status).toBe(403);
      expect((await accrue({ district: DISTRICT }, cookie)).status).toBe(403);
    }
  });

  it('shows a member their own points and nobody else’s', async () => {
    const own = await env.inject('GET', `/api/points/me?year=${year}`, { cookie: volunteerACookie });
    expect(own.status).toBe(200);
    expect(own.body(memberPointsSchema)).toMatchObject({ memberId: m.volunteerA, total: 3 });
    const other = await env.inject('GET', '/api/points/me', { cookie: volunteerBCookie });
    expect(other.body(memberPointsSchema)).toMatchObject({ memberId: m.volunteerB, total: 5 });
    expect(other.body(memberPointsSchema).rows.every((r) => r.sourceKind === 'volunteer_hours')).toBe(true);
    const visitor = await env.inject('GET', '/api/points/me', { cookie: visitorCookie });
    expect(visitor.body(memberPointsSchema).memberId).toBe(m.visitor);
    const notMember = await env.inject('GET', '/api/points/me', { cookie: admin });
    expect(notMember.status).toBe(404);
    expect(notMember.error.code).toBe('points.not_a_member');
    expect((await env.inject('GET', '/api/points/me?year=20x', { cookie: volunteerACookie })).status).toBe(
      400,
    );
  });
});
