import { beforeAll, expect, it } from 'vitest';
import {
  type ComplianceRow,
  complianceSchema,
  meetingRulesSchema,
  meetingTaskPageSchema,
} from '../../../shared/api/meetings.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { createOrganization } from '../member-workflows/testing.js';
import { addDays, previousQuarter, quarterOfDay } from './compliance-rules.js';
import { sweepMissedMeetings } from './index.js';
import { beijingToday, draftMeeting, fullMeeting, meetingWorld, submittedMeeting } from './testing.js';

type World = Awaited<ReturnType<typeof meetingWorld>>;

describeEachDialect('meeting compliance: rules, held and missed meetings, the task sweep', (env) => {
  let admin = '';
  let secretary = '';
  let world: World;
  let ids: string[] = [];

  const compliance = async (quarter: string, organization: string): Promise<ComplianceRow> => {
    const r = await env.inject(
      'GET',
      `/api/meeting-compliance?quarter=${quarter}&organization=${organization}`,
      {
        cookie: secretary,
      },
    );
    expect(r.status).toBe(200);
    return r.body(complianceSchema).items[0]!;
  };
  const states = (row: ComplianceRow) => row.slots.map((s) => `${s.type}@${s.period}=${s.state}`).sort();

  beforeAll(async () => {
    admin = await env.loginAdmin();
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    world = await meetingWorld(env, QINGNIAN, { members: 2 });
    ids = world.members.map((m) => m.id);
    const branch = world.branch.id;
    // 2026-Q3 of the branch, by hand: 支委会 July approved, August submitted, September only drafted;
    // 党员大会 in September submitted; 党课 submitted then returned (does not count); 党课 in October.
    const approve = async (id: string) =>
      expect((await env.inject('POST', `/api/meetings/${id}/approve`, { cookie: secretary })).status).toBe(
        200,
      );
    await approve(await submittedMeeting(env, admin, fullMeeting(branch, ids, '2026-07-10')));
    await submittedMeeting(env, admin, fullMeeting(branch, ids, '2026-08-20'));
    await draftMeeting(env, admin, fullMeeting(branch, ids, '2026-09-05'));
    await submittedMeeting(env, admin, fullMeeting(branch, ids, '2026-09-15', { type: 'general_assembly' }));
    const returned = await submittedMeeting(
      env,
      admin,
      fullMeeting(branch, ids, '2026-09-20', { type: 'lecture' }),
    );
    const back = await env.inject('POST', `/api/meetings/${returned}/return`, {
      cookie: secretary,
      body: { reason: '记录不完整' },
    });
    expect(back.status).toBe(200);
    await submittedMeeting(env, admin, fullMeeting(branch, ids, '2026-10-01', { type: 'lecture' }));
  });

  it('refuses a bad quarter and answers 404 for an organization outside the scope', async () => {
    for (const quarter of ['2026-Q5', '2026Q1', '']) {
      const r = await env.inject('GET', `/api/meeting-compliance?quarter=${quarter}`, { cookie: secretary });
      expect(r.status, quarter).toBe(400);
      expect(r.error.fields?.map((f) => f.path)).toEqual(['querystring.quarter']);
    }
    const elsewhere = await createOrganization(env, { regionCode: '230108001003', name: '上海新村支部' });
    const outside = await env.inject(
      'GET',
      `/api/meeting-compliance?quarter=2026-Q3&organization=${elsewhere.id}`,
      {
        cookie: secretary,
      },
    );
    expect(outside.status).toBe(404);
    const gridWorker = (await env.loginAs({ role: 'grid_worker', regionCode: QINGNIAN })).cookie;
    expect(
      (await env.inject('GET', '/api/meeting-compliance?quarter=2026-Q3', { cookie: gridWorker })).status,
    ).toBe(403);
  });

  it('computes a quarter against the default rules: held, missed, and what does not count', async () => {
    const branch = await compliance('2026-Q3', world.branch.id);
    expect(states(branch)).toEqual([
      'committee@2026-07=held',
      'committee@2026-08=held',
      'committee@2026-09=missed',
      'general_assembly@2026-Q3=held',
      'lecture@2026-Q3=missed',
    ]);
    expect([branch.required, branch.held, branch.missed]).toEqual([5, 3, 2]);
    // The committee itself held nothing: 支委会 monthly and 党课 quarterly, all missed.
    const committee = await compliance('2026-Q3', world.committee.id);
    expect([committee.required, committee.held, committee.missed]).toEqual([4, 0, 4]);
    // An organization made today owes nothing for a quarter that ended before it existed.
    const fresh = await createOrganization(env, { regionCode: QINGNIAN, name: '新成立支部' });
    expect((await compliance('2026-Q3', fresh.id)).required).toBe(0);
  });

  it('reads and changes the district’s rules (audited), district-wide reviewers only', async () => {
    const read = await env.inject('GET', `/api/districts/${DISTRICT}/meeting-rules`, { cookie: secretary });
    const defaults = read.body(meetingRulesSchema);
    expect(defaults.changedAt).toBeNull();
    expect(defaults.rules.find((r) => r.type === 'committee')?.frequency).toBe('monthly');
    const put = (cookie: string, body: unknown) =>
      env.inject('PUT', `/api/districts/${DISTRICT}/meeting-rules`, { cookie, body });
    const bad: [unknown, string][] = [
      [{ rules: [{ type: 'party', frequency: 'monthly', kinds: [] }] }, 'rules.0.type'],
      [{ rules: [{ type: 'lecture', frequency: 'daily', kinds: [] }] }, 'rules.0.frequency'],
      [{ rules: [{ type: 'lecture', frequency: 'monthly', kinds: ['warm_group'] }] }, 'rules.0.kinds.0'],
      [
        {
          rules: [
            { type: 'lecture', frequency: 'monthly', kinds: [] },
            { type: 'lecture', frequency: 'quarterly', kinds: [] },
          ],
        },
        'rules.1.type',
      ],
    ];
    for (const [body, field] of bad) {
      const r = await put(admin, body);
      expect(r.status, field).toBe(400);
      expect(r.error.fields?.map((f) => f.path)).toContain(field);
    }
    const street = await put(secretary, { rules: [] });
    expect([street.status, street.error.code]).toEqual([403, 'meeting.rules_district_wide']);
    expect(await env.countRows('meeting_rules')).toBe(0);

    // 党课 switched off: the branch's quarter needs four, of which one missed.
    const keep = defaults.rules.filter((r) => r.type !== 'lecture');
    const changed = await put(admin, { rules: keep });
    expect(changed.status).toBe(200);
    expect(changed.body(meetingRulesSchema).rules.find((r) => r.type === 'lecture')?.frequency).toBe('none');
    const branch = await compliance('2026-Q3', world.branch.id);
    expect([branch.required, branch.held, branch.missed]).toEqual([4, 3, 1]);
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'meeting.rules_changed')
      .execute();
    expect(audit).toHaveLength(1);
    expect((await put(admin, { rules: defaults.rules })).status).toBe(200);
  });

  it('makes each missed meeting of the last and current quarter a task, once, owned by the secretary', async () => {
    const today = beijingToday(env);
    const current = quarterOfDay(today);
    const last = previousQuarter(current);
    // The default rules for a branch: 支委会 each month, 党员大会 and 党课 each quarter; a period
    // counts once it has ended.
    const lastDay = (period: string) => {
      const [y, rest] = period.split('-') as [string, string];
      const month = rest.startsWith('Q') ? Number(rest.slice(1)) * 3 : Number(rest);
      return new Date(Date.UTC(Number(y), month, 0)).toISOString().slice(0, 10);
    };
    const expected = [last, current].flatMap((quarter) => {
      const [y, q] = quarter.split('-Q').map(Number) as [number, number];
      const months = [1, 2, 3].map((i) => `${y}-${String((q - 1) * 3 + i).padStart(2, '0')}`);
      return [
        ...months.map((month) => `committee:${month}`),
        `general_assembly:${quarter}`,
        `lecture:${quarter}`,
      ].filter((slot) => lastDay(slot.split(':')[1]!) < today);
    });
    // A fresh branch under the same committee, which held nothing: every ended slot is missed.
    const idle = await meetingWorld(env, QINGNIAN, { members: 1, parent: world.committee });
    const before = await env.countRows('meeting_tasks');
    const [first, second] = await Promise.all([sweepMissedMeetings(env.ctx), sweepMissedMeetings(env.ctx)]);
    const third = await sweepMissedMeetings(env.ctx);
    expect(third).toBe(0);
    const made = (await env.countRows('meeting_tasks')) - before;
    expect(first + second).toBe(made);

    const page = await env.inject('GET', `/api/meeting-tasks?organization=${idle.branch.id}&limit=200`, {
      cookie: secretary,
    });
    const tasks = page.body(meetingTaskPageSchema).items;
    expect(tasks.map((t) => `${t.meetingType}:${t.period}`).sort()).toEqual([...expected].sort());
    const leader = await env.database.db
      .selectFrom('persons')
      .innerJoin('members', 'members.person_id', 'persons.id')
      .select('persons.name')
      .where('members.id', '=', idle.members[0]!.id)
      .executeTakeFirstOrThrow();
    for (const task of tasks) {
      expect(task).toMatchObject({ source: 'missed_meeting', status: 'open', ownerName: leader.name });
      expect(task.dueOn).toBe(addDays(lastDay(task.period!), 30));
      expect(task.title).toContain('未召开');
    }
    const audits = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'meeting.tasks_created')
      .execute();
    expect(audits.length).toBeGreaterThanOrEqual(1);
  });
});
