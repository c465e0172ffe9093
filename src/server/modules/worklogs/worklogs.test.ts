import { beforeAll, expect, it } from 'vitest';
import { workOrderSchema } from '../../../shared/api/work-orders.js';
import { workLogCountsSchema, workLogPageSchema, workLogSchema } from '../../../shared/api/worklogs.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { elderlyCareOrder, workOrderWorld } from '../work-orders/testing.js';
import { activityIn, beijingDay, logBranch, workLogBody, writeWorkLog } from './testing.js';

const NOWHERE = '01900000-0000-7000-8000-0000000000aa';

describeEachDialect('work logs: bad input, links in scope, author-only edits, monthly counts', (env) => {
  let branch = '';
  let otherBranch = '';
  let secretary = '';
  let secretaryId = '';
  let credentials = { username: '', password: '' };
  let colleague = '';
  let otherSecretary = '';
  let auditor = '';
  let gridWorker = '';
  let activity = '';
  let outsideActivity = '';
  let workOrder = '';
  const today = () => beijingDay(env);

  beforeAll(async () => {
    const admin = await env.loginAdmin();
    branch = (await logBranch(env, QINGNIAN)).id;
    otherBranch = (await logBranch(env, SHANGHAI_XINCUN)).id;
    const user = await env.createUser({ role: 'secretary', regionCode: QINGNIAN });
    credentials = user;
    secretary = await env.login(user.username, user.password);
    secretaryId = user.id;
    colleague = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    otherSecretary = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
    auditor = (await env.loginAs({ role: 'auditor', regionCode: QINGNIAN })).cookie;
    gridWorker = (await env.loginAs({ role: 'grid_worker', regionCode: QINGNIAN })).cookie;
    activity = await activityIn(env, admin, QINGNIAN);
    outsideActivity = await activityIn(env, admin, SHANGHAI_XINCUN);
    const world = await workOrderWorld(env);
    const order = await env.inject('POST', '/api/work-orders', {
      cookie: world.operator.cookie,
      body: elderlyCareOrder(world),
    });
    workOrder = order.body(workOrderSchema).id;
  }, 120_000);

  it('refuses bad input naming each field, links outside the scope included, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ organizationId: 'nothing' }, 'organizationId'],
      [{ organizationId: NOWHERE }, 'organizationId'],
      [{ organizationId: otherBranch }, 'organizationId'],
      [{ loggedOn: '2026-02-30' }, 'loggedOn'],
      [{ loggedOn: beijingDay(env, -2) }, 'loggedOn'],
      [{ loggedOn: beijingDay(env, 400) }, 'loggedOn'],
      [{ kind: 'party' }, 'kind'],
      [{ content: '' }, 'content'],
      [{ content: '走访' }, 'content'],
      [{ content: '..........……' }, 'content'],
      [{ content: '记'.repeat(5001) }, 'content'],
      [{ workOrderId: 'order' }, 'workOrderId'],
      [{ workOrderId: NOWHERE }, 'workOrderId'],
      [{ visitId: NOWHERE }, 'visitId'],
      [{ volunteerActivityId: NOWHERE }, 'volunteerActivityId'],
      [{ volunteerActivityId: outsideActivity }, 'volunteerActivityId'],
      [{ extra: 1 }, ''],
    ];
    for (const [override, field] of cases) {
      const r = await env.inject('POST', '/api/work-logs', {
        cookie: secretary,
        body: workLogBody(branch, today(), override),
      });
      expect(r.status, JSON.stringify(override)).toBe(400);
      if (field) expect(r.error.fields?.map((f) => f.path)).toEqual([field]);
    }
    // A link outside the scope is refused exactly as one that does not exist.
    const outside = await env.inject('POST', '/api/work-logs', {
      cookie: secretary,
      body: workLogBody(branch, today(), { volunteerActivityId: outsideActivity }),
      headers: { 'accept-language': 'en' },
    });
    expect(outside.error.fields?.[0]?.message).toBe('names no record within your scope');
    const chinese = await env.inject('POST', '/api/work-logs', {
      cookie: secretary,
      body: workLogBody(branch, today(), { content: '短' }),
    });
    expect(chinese.error.fields?.[0]?.message).toBe('请填写工作内容（至少 10 个字）');
    expect(await env.countRows('work_logs')).toBe(0);
  });

  it('answers 403 without the permission and 404 outside the scope', async () => {
    const id = await writeWorkLog(env, secretary, workLogBody(branch, today()));
    const noWrite = await env.inject('POST', '/api/work-logs', {
      cookie: auditor,
      body: workLogBody(branch, today()),
    });
    expect(noWrite.status).toBe(403);
    expect((await env.inject('GET', '/api/work-logs', { cookie: gridWorker })).status).toBe(403);
    expect((await env.inject('GET', `/api/work-logs/${id}`, { cookie: auditor })).status).toBe(200);
    expect((await env.inject('GET', `/api/work-logs/${id}`, { cookie: otherSecretary })).status).toBe(404);
    const put = await env.inject('PUT', `/api/work-logs/${id}`, {
      cookie: otherSecretary,
      body: { loggedOn: today(), kind: 'study', content: '学习党章党规并交流体会。' },
    });
    expect(put.status).toBe(404);
    const list = await env.inject('GET', `/api/work-logs?region=${QINGNIAN}`, { cookie: otherSecretary });
    expect(list.status).toBe(404);
  });

  it('lists with filters and counts each organization’s logs of the month, voided ones left out', async () => {
    const quiet = await logBranch(env, QINGNIAN, '青年社区无日志支部');
    const month = today().slice(0, 7);
    const counts = await env.inject('GET', `/api/work-log-counts?month=${month}&region=${QINGNIAN}`, {
      cookie: auditor,
    });
    const body = counts.body(workLogCountsSchema);
    const ours = body.items.find((i) => i.organizationId === branch)!;
    const listed = await env.inject(
      'GET',
      `/api/work-logs?organization=${branch}&from=${month}-01&limit=200`,
      {
        cookie: auditor,
      },
    );
    const live = listed
      .body(workLogPageSchema)
      .items.filter((l) => !l.voided && l.loggedOn.startsWith(month));
    expect(ours.logs).toBe(live.length);
    expect(ours.logs).toBeGreaterThan(0);
    expect(body.items.find((i) => i.organizationId === quiet.id)?.logs).toBe(0);
    const missing = await env.inject(
      'GET',
      `/api/work-log-counts?month=${month}&region=${QINGNIAN}&missing=true`,
      {
        cookie: auditor,
      },
    );
    const missingIds = missing.body(workLogCountsSchema).items.map((i) => i.organizationId);
    expect(missingIds).toContain(quiet.id);
    expect(missingIds).not.toContain(branch);
    expect(missing.body(workLogCountsSchema).withoutLogs).toBe(missingIds.length);
    const bad = await env.inject('GET', '/api/work-log-counts?month=2026-13', { cookie: auditor });
    expect(bad.error.fields?.map((f) => f.path)).toEqual(['querystring.month']);
    await writeWorkLog(env, secretary, workLogBody(branch, today(), { kind: 'study' }));
    const byKind = await env.inject('GET', '/api/work-logs?kind=study', { cookie: secretary });
    expect(byKind.body(workLogPageSchema).items.map((l) => l.kind)).toEqual(['study']);
    const byAuthor = await env.inject(
      'GET',
      `/api/work-logs?author=${secretaryId}&to=${beijingDay(env, 30)}`,
      {
        cookie: secretary,
      },
    );
    expect(byAuthor.body(workLogPageSchema).items).toEqual([]);
  });
  it('stores links in scope; only the author corrects or voids, within 7 days; void keeps the row', async () => {
    const id = await writeWorkLog(
      env,
      secretary,
      workLogBody(branch, beijingDay(env, 1), {
        workOrderId: workOrder,
        volunteerActivityId: activity,
        kind: 'service',
      }),
    );
    const read = (await env.inject('GET', `/api/work-logs/${id}`, { cookie: secretary })).body(workLogSchema);
    expect(read).toMatchObject({
      workOrderId: workOrder,
      volunteerActivityId: activity,
      visitId: null,
      authorId: secretaryId,
      editable: true,
    });
    const change = { loggedOn: today(), kind: 'coordination', content: '协调物业解决楼道照明问题。' };
    const byColleague = await env.inject('PUT', `/api/work-logs/${id}`, { cookie: colleague, body: change });
    expect(byColleague.status).toBe(403);
    expect(byColleague.error.code).toBe('worklog.author_only');
    const seen = (await env.inject('GET', `/api/work-logs/${id}`, { cookie: colleague })).body(workLogSchema);
    expect(seen.editable).toBe(false);
    const corrected = await env.inject('PUT', `/api/work-logs/${id}`, { cookie: secretary, body: change });
    expect(corrected.status).toBe(200);
    expect(corrected.body(workLogSchema)).toMatchObject({
      kind: 'coordination',
      workOrderId: null,
      loggedOn: today(),
    });
    const later = await writeWorkLog(env, secretary, workLogBody(branch, today()));
    env.advanceMinutes(8 * 24 * 60);
    secretary = await env.login(credentials.username, credentials.password);
    const late = await env.inject('PUT', `/api/work-logs/${later}`, { cookie: secretary, body: change });
    expect(late.status).toBe(409);
    expect(late.error.code).toBe('worklog.edit_closed');
    const lateVoid = await env.inject('POST', `/api/work-logs/${later}/void`, {
      cookie: secretary,
      body: { reason: '重复填写' },
    });
    expect(lateVoid.status).toBe(409);
    const fresh = await writeWorkLog(env, secretary, workLogBody(branch, today()));
    const noReason = await env.inject('POST', `/api/work-logs/${fresh}/void`, {
      cookie: secretary,
      body: { reason: '..' },
    });
    expect(noReason.error.fields?.map((f) => f.path)).toEqual(['reason']);
    const voided = await env.inject('POST', `/api/work-logs/${fresh}/void`, {
      cookie: secretary,
      body: { reason: '重复填写' },
    });
    expect(voided.body(workLogSchema)).toMatchObject({
      voided: true,
      voidReason: '重复填写',
      editable: false,
    });
    const again = await env.inject('PUT', `/api/work-logs/${fresh}`, { cookie: secretary, body: change });
    expect(again.error.code).toBe('worklog.voided');
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', fresh)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['worklog.created', 'worklog.voided']);
  });
});
