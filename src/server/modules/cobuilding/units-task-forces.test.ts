import { beforeAll, expect, it } from 'vitest';
import { taskForceDetailSchema, unitDetailSchema } from '../../../shared/api/cobuilding.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { createMember, createOrganization, createResidents, loginIn } from '../member-workflows/testing.js';
import { makeTaskForce, makeUnit } from './testing.js';

describeEachDialect('co-building units and task forces: members, activities, secondments, results', (env) => {
  let secretary: string;
  let memberId: string;
  let outsideMemberId: string;

  beforeAll(async () => {
    secretary = (await loginIn(env, { role: 'secretary', regionCode: QINGNIAN })).cookie;
    const inside = await createResidents(env, QINGNIAN, 2);
    const outside = await createResidents(env, SHANGHAI_XINCUN, 2);
    const branch = await createOrganization(env, { regionCode: QINGNIAN, name: '青年社区党支部' });
    const otherBranch = await createOrganization(env, {
      regionCode: SHANGHAI_XINCUN,
      name: '上海新村党支部',
    });
    memberId = (await createMember(env, { organization: branch, personId: inside.people[0]!.id })).id;
    outsideMemberId = (
      await createMember(env, { organization: otherBranch, personId: outside.people[0]!.id })
    ).id;
  });

  it('refuses bad units and activities field by field; links members in scope only', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ kind: 'castle' }, 'kind'],
      [{ regionCode: SHANGHAI_XINCUN }, 'regionCode'],
      [{ reportedMembers: -1 }, 'reportedMembers'],
      [{ name: 'x' }, 'name'],
    ];
    for (const [override, field] of bad) {
      const r = await env.inject('POST', '/api/cobuilding-units', {
        cookie: secretary,
        body: { regionCode: QINGNIAN, name: '东安发动机厂', kind: 'enterprise', ...override },
      });
      expect(r.status, JSON.stringify(override)).toBe(400);
      expect(r.error.fields?.map((f) => f.path)).toContain(field);
    }
    expect(await env.countRows('cobuilding_units')).toBe(0);
    const unit = await makeUnit(env, secretary, QINGNIAN);
    const area = await env.inject('POST', `/api/cobuilding-units/${unit}/activities`, {
      cookie: secretary,
      body: { area: '打篮球', title: '篮球赛', heldOn: '2026-05-01' },
    });
    expect(area.error.fields?.[0]).toEqual({ path: 'area', message: '请选择八个共建领域之一' });
    const foreign = await env.inject('POST', `/api/cobuilding-units/${unit}/members`, {
      cookie: secretary,
      body: { memberId: outsideMemberId },
    });
    expect(foreign.error.fields?.[0]?.path).toBe('memberId');
    const linked = await env.inject('POST', `/api/cobuilding-units/${unit}/members`, {
      cookie: secretary,
      body: { memberId },
    });
    expect(linked.body(unitDetailSchema).linkedMembers).toBe(1);
    const recorded = await env.inject('POST', `/api/cobuilding-units/${unit}/activities`, {
      cookie: secretary,
      body: { area: '社区环境', title: '清理楼道', heldOn: '2026-05-01', participants: 30 },
    });
    const detail = recorded.body(unitDetailSchema);
    expect(detail.activityList.map((a) => a.area)).toEqual(['社区环境']);
    expect(detail.reportedMembers).toBe(12);
  });

  it('seconds members within the task force’s period, once at a time, and records results', async () => {
    const bad = await env.inject('POST', '/api/task-forces', {
      cookie: secretary,
      body: {
        regionCode: QINGNIAN,
        name: '攻坚队',
        kind: 'vanguard_team',
        purpose: '征收',
        startsOn: '2026-03-01',
        endsOn: '2026-02-01',
      },
    });
    expect(bad.error.fields?.[0]?.path).toBe('endsOn');
    const id = await makeTaskForce(env, secretary, QINGNIAN);
    const early = await env.inject('POST', `/api/task-forces/${id}/secondments`, {
      cookie: secretary,
      body: { memberId, fromOn: '2025-12-01' },
    });
    expect(early.error.fields?.[0]?.path).toBe('fromOn');
    const backwards = await env.inject('POST', `/api/task-forces/${id}/secondments`, {
      cookie: secretary,
      body: { memberId, fromOn: '2026-03-01', toOn: '2026-02-01' },
    });
    expect(backwards.error.fields?.[0]?.path).toBe('toOn');
    const seconded = await env.inject('POST', `/api/task-forces/${id}/secondments`, {
      cookie: secretary,
      body: { memberId, fromOn: '2026-01-10', toOn: '2026-06-30', role: '组长' },
    });
    const detail = seconded.body(taskForceDetailSchema);
    expect(detail.secondments[0]).toMatchObject({
      memberId,
      homeOrganizationName: '青年社区党支部',
      toOn: '2026-06-30',
    });
    const overlapping = await env.inject('POST', `/api/task-forces/${id}/secondments`, {
      cookie: secretary,
      body: { memberId, fromOn: '2026-06-01' },
    });
    expect(overlapping.status).toBe(409);
    const later = await env.inject('POST', `/api/task-forces/${id}/secondments`, {
      cookie: secretary,
      body: { memberId, fromOn: '2026-07-01' },
    });
    expect(later.body(taskForceDetailSchema).secondedMembers).toBe(1);
    const badFigure = await env.inject('POST', `/api/task-forces/${id}/results`, {
      cookie: secretary,
      body: { onDay: '2026-02-01', text: '完成签约', figures: [{ label: '', value: 3 }] },
    });
    expect(badFigure.error.fields?.[0]?.path).toBe('figures.0.label');
    const result = await env.inject('POST', `/api/task-forces/${id}/results`, {
      cookie: secretary,
      body: {
        onDay: '2026-02-01',
        text: '完成签约',
        figures: [{ label: '签约户数', value: 42, unit: '户' }],
      },
    });
    expect(result.body(taskForceDetailSchema).resultList[0]?.figures).toEqual([
      { label: '签约户数', value: 42, unit: '户' },
    ]);
    const admin = await env.loginAdmin();
    const outside = await makeTaskForce(env, admin, SHANGHAI_XINCUN);
    expect((await env.inject('GET', `/api/task-forces/${outside}`, { cookie: secretary })).status).toBe(404);
  });
});
