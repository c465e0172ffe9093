import { beforeAll, expect, it } from 'vitest';
import { caseDetailSchema, casePageSchema } from '../../../shared/api/relocation.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { createEnterprise } from '../jobs/testing.js';
import { loginIn } from '../member-workflows/testing.js';
import {
  bringToMoved,
  caseBody,
  makeResettlement,
  openCase,
  type RelocationWorld,
  relocationWorld,
} from './testing.js';

describeEachDialect('relocation cases: bad input, scope, the workflow and its illegal steps', (env) => {
  let world: RelocationWorld;
  let other: RelocationWorld;

  beforeAll(async () => {
    world = await relocationWorld(env, QINGNIAN, 30);
    expect(world.households.length).toBeGreaterThanOrEqual(4);
    other = await relocationWorld(env, SHANGHAI_XINCUN, 4);
  });

  it('refuses bad input on the case form, naming each field, in Chinese and English, and writes nothing', async () => {
    const household = world.households[0]!.id;
    const cases: [Record<string, unknown>, string][] = [
      [{ subject: 'person' }, 'subject'],
      [{ subjectId: 'nobody' }, 'subjectId'],
      [{ program: 'mining' }, 'program'],
      [{ landAreaDm2: -1 }, 'landAreaDm2'],
      [{ houseAreaDm2: 12.5 }, 'houseAreaDm2'],
      [{ houseAreaDm2: '120' }, 'houseAreaDm2'],
      [{ surveyedOn: '2026-02-30' }, 'surveyedOn'],
      [{ surveyedOn: '2999-01-01' }, 'surveyedOn'],
      [{ landAreaDm2: 0, houseAreaDm2: 0 }, 'houseAreaDm2'],
      [{ subjectId: '01900000-0000-7000-8000-0000000000aa' }, 'subjectId'],
      [{ subjectId: other.households[0]!.id }, 'subjectId'],
      [{ subject: 'enterprise' }, 'subjectId'],
      [{ extra: 1 }, ''],
    ];
    for (const [override, field] of cases) {
      const r = await env.inject('POST', '/api/relocation-cases', {
        cookie: world.secretary.cookie,
        body: caseBody(household, override),
      });
      expect(r.status, JSON.stringify(override)).toBe(400);
      if (field) expect(r.error.fields?.map((f) => f.path)).toContain(field);
    }
    const english = await env.inject('POST', '/api/relocation-cases', {
      cookie: world.secretary.cookie,
      body: caseBody(household, { landAreaDm2: -5 }),
      headers: { 'accept-language': 'en' },
    });
    expect(english.error.fields?.[0]?.message).toBe(
      'must be a whole number of hundredths of a square metre, 0 or more (12.34 m² is 1234)',
    );
    const chinese = await env.inject('POST', '/api/relocation-cases', {
      cookie: world.secretary.cookie,
      body: caseBody(household, { subjectId: other.households[0]!.id }),
    });
    expect(chinese.error.fields?.[0]?.message).toBe('搬迁对象不存在或不在您的范围内');
    expect(await env.countRows('relocation_cases')).toBe(0);
    expect(await env.countRows('relocation_events')).toBe(0);
  });

  it('answers 403 without the permission and 404 outside the scope', async () => {
    const id = await openCase(env, world.secretary.cookie, world.households[1]!.id);
    // A grid worker reads the cases of the grid but does not work them.
    const read = await env.inject('GET', `/api/relocation-cases/${id}`, { cookie: world.gridWorker.cookie });
    expect(read.status).toBe(200);
    const write = await env.inject('POST', `/api/relocation-cases/${id}/agree`, {
      cookie: world.gridWorker.cookie,
      body: { compensationFen: 100, agreedOn: '2026-01-05' },
    });
    expect(write.status).toBe(403);
    const member = await loginIn(env, { role: 'member', regionCode: QINGNIAN });
    expect((await env.inject('GET', '/api/relocation-cases', { cookie: member.cookie })).status).toBe(403);
    // Another community's secretary: the case does not exist for them.
    const outsider = other.secretary.cookie;
    expect((await env.inject('GET', `/api/relocation-cases/${id}`, { cookie: outsider })).status).toBe(404);
    const agree = await env.inject('POST', `/api/relocation-cases/${id}/agree`, {
      cookie: outsider,
      body: { compensationFen: 100, agreedOn: '2026-01-05' },
    });
    expect(agree.status).toBe(404);
    const dispute = await env.inject('POST', `/api/relocation-cases/${id}/disputes`, {
      cookie: outsider,
      body: { description: '补偿标准有异议' },
    });
    expect(dispute.status).toBe(404);
    const list = await env.inject('GET', `/api/relocation-cases?region=${QINGNIAN}`, { cookie: outsider });
    expect(list.status).toBe(404);
    const own = await env.inject('GET', '/api/relocation-cases', { cookie: outsider });
    expect(own.body(casePageSchema).items.map((c) => c.id)).not.toContain(id);
    const totals = await env.inject('GET', `/api/relocation-totals?region=${QINGNIAN}`, { cookie: outsider });
    expect(totals.status).toBe(404);
  });

  it('moves a case through every step, each with who and when, and refuses illegal steps', async () => {
    const cookie = world.secretary.cookie;
    const id = await openCase(env, cookie, world.households[2]!.id, { surveyedOn: '2026-01-10' });
    const duplicate = await env.inject('POST', '/api/relocation-cases', {
      cookie,
      body: caseBody(world.households[2]!.id),
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.error.code).toBe('relocation.subject_open');
    // Paying before an agreement, resettling before moving: illegal now.
    for (const [action, body] of [
      ['pay', { paidOn: '2026-01-11' }],
      ['move', { movedOn: '2026-01-11' }],
    ] as const) {
      const r = await env.inject('POST', `/api/relocation-cases/${id}/${action}`, { cookie, body });
      expect(r.status, action).toBe(409);
      expect(r.error.code).toBe('relocation.illegal_transition');
    }
    const early = await env.inject('POST', `/api/relocation-cases/${id}/agree`, {
      cookie,
      body: { compensationFen: 38_000_000, agreedOn: '2026-01-09' },
    });
    expect(early.status).toBe(400);
    expect(early.error.fields?.[0]?.path).toBe('agreedOn');
    const zero = await env.inject('POST', `/api/relocation-cases/${id}/agree`, {
      cookie,
      body: { compensationFen: 0, agreedOn: '2026-01-12' },
    });
    expect(zero.error.fields?.[0]?.path).toBe('compensationFen');
    await bringToMoved(env, cookie, id, '2026-01-12');
    const withdraw = await env.inject('POST', `/api/relocation-cases/${id}/withdraw`, {
      cookie,
      body: { reason: '户主不同意', withdrawnOn: '2026-01-13' },
    });
    expect(withdraw.status).toBe(409);
    const community = await makeResettlement(env, await env.loginAdmin(), QINGNIAN, 10);
    const resettled = await env.inject('POST', `/api/relocation-cases/${id}/resettle`, {
      cookie,
      body: { resettlementId: community, unit: '3-2-501', resettledOn: '2026-03-01', note: '交钥匙' },
    });
    expect(resettled.status).toBe(200);
    const detail = resettled.body(caseDetailSchema);
    expect(detail.status).toBe('resettled');
    expect(detail.compensationFen).toBe(45_678_900);
    expect(detail.unit).toBe('3-2-501');
    expect(detail.nextActions).toEqual([]);
    expect(detail.events.map((e) => [e.action, e.fromStatus, e.toStatus, e.onDay])).toEqual([
      ['survey', null, 'surveyed', '2026-01-10'],
      ['agree', 'surveyed', 'agreed', '2026-01-12'],
      ['pay', 'agreed', 'paid', '2026-01-12'],
      ['move', 'paid', 'moved', '2026-01-12'],
      ['resettle', 'moved', 'resettled', '2026-03-01'],
    ]);
    expect(new Set(detail.events.map((e) => e.actorName)).size).toBe(1);
    expect(detail.events[0]!.actorName).not.toBeNull();
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'relocation.surveyed',
      'relocation.agree',
      'relocation.pay',
      'relocation.move',
      'relocation.resettle',
    ]);
    // Once resettled, nothing more.
    const again = await env.inject('POST', `/api/relocation-cases/${id}/resettle`, {
      cookie,
      body: { resettlementId: community, unit: '3-2-502', resettledOn: '2026-03-01' },
    });
    expect(again.status).toBe(409);
  });

  it('withdraws a case before the money moves with a reason, and a new case may be opened', async () => {
    const cookie = world.secretary.cookie;
    const household = world.households[3]!.id;
    const id = await openCase(env, cookie, household);
    const noReason = await env.inject('POST', `/api/relocation-cases/${id}/withdraw`, {
      cookie,
      body: { reason: '..', withdrawnOn: '2026-01-06' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.error.fields?.[0]?.path).toBe('reason');
    const done = await env.inject('POST', `/api/relocation-cases/${id}/withdraw`, {
      cookie,
      body: { reason: '规划调整，不再征收', withdrawnOn: '2026-01-06' },
    });
    expect(done.body(caseDetailSchema).status).toBe('withdrawn');
    expect(done.body(caseDetailSchema).events.at(-1)!.note).toBe('规划调整，不再征收');
    await openCase(env, cookie, household, { program: 'shantytown' });
  });

  it('relocates an enterprise up to moving out, never into a flat', async () => {
    const cookie = world.secretary.cookie;
    const enterprise = await createEnterprise(env, world.gridCode, '哈南食品厂');
    const id = await openCase(env, cookie, enterprise, {
      subject: 'enterprise',
      landAreaDm2: 1_200_000,
      houseAreaDm2: 450_000,
    });
    await bringToMoved(env, cookie, id);
    const page = await env.inject('GET', `/api/relocation-cases/${id}`, { cookie });
    expect(page.body(caseDetailSchema).nextActions).toEqual([]);
    const community = await makeResettlement(env, await env.loginAdmin(), SHANGHAI_XINCUN, 5);
    const resettle = await env.inject('POST', `/api/relocation-cases/${id}/resettle`, {
      cookie,
      body: { resettlementId: community, unit: '1-1-101', resettledOn: '2026-03-01' },
    });
    expect(resettle.status).toBe(409);
    const list = await env.inject('GET', '/api/relocation-cases?subject=enterprise&status=moved', { cookie });
    expect(list.body(casePageSchema).items.map((c) => c.id)).toEqual([id]);
  });
});
