import { beforeAll, expect, it } from 'vitest';
import { cockpitSchema } from '../../../shared/api/cockpit.js';
import { workOrderSchema } from '../../../shared/api/work-orders.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { createMember, createOrganization, createResidents } from '../member-workflows/testing.js';
import { sweepOverdue, WorkOrdersService } from '../work-orders/index.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from '../work-orders/testing.js';
import { countersKeptBy } from './indicators.js';
import { rebuildRollups, refreshSnapshots } from './rollups.js';
import { rollupsRepository } from './rollups.repository.js';

const DAY_MINUTES = 24 * 60;
const EVENT_COUNTERS: readonly string[] = countersKeptBy('events');
const SNAPSHOT_COUNTERS: readonly string[] = countersKeptBy('snapshot');

describeEachDialect('cockpit counters: kept by each step, equal to a recount from the tables', (env) => {
  let world: WorkOrderWorld;
  beforeAll(async () => {
    world = await workOrderWorld(env);
  });

  const create = async (cookie: string) => {
    const response = await env.inject('POST', '/api/work-orders', { cookie, body: elderlyCareOrder(world) });
    expect(response.status).toBe(201);
    return response.body(workOrderSchema).id;
  };
  const act = async (cookie: string, id: string, body: Record<string, unknown>) => {
    const response = await env.inject('POST', `/api/work-orders/${id}/actions`, { cookie, body });
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    return response.body(workOrderSchema);
  };
  const kept = async (counters: readonly string[]) =>
    (await rollupsRepository.allOf(env.database.db, DISTRICT))
      .filter((row) => counters.includes(row.counter))
      .map((row) => ({ ...row, value: Number(row.value) }));
  const cockpit = async (cookie: string, region: string) => {
    const response = await env.inject('GET', `/api/cockpit?region=${region}`, { cookie });
    expect(response.status).toBe(200);
    return response.body(cockpitSchema);
  };

  it('a first count of a district never counted takes everything (a database from before the cockpit)', async () => {
    expect(await refreshSnapshots(env.ctx)).toEqual([DISTRICT]);
    const residents = (await kept(SNAPSHOT_COUNTERS)).find(
      (row) => row.region_code === DISTRICT && row.counter === 'reg.residents',
    );
    expect(residents?.value).toBe(5);
    // Nothing changed since: the next run counts nothing.
    expect(await refreshSnapshots(env.ctx)).toEqual([]);
  });

  it('counts orders through every kind of step, across months, and agrees with a rebuild', async () => {
    const { operator, secretary, worker } = world;
    // 1. Closed, called back unsatisfied (reopened: its closing is taken back), closed again, satisfied.
    const first = await create(operator.cookie);
    await act(secretary.cookie, first, { action: 'dispatch', assigneeUserId: worker.id });
    await act(worker.cookie, first, { action: 'sign' });
    await act(worker.cookie, first, { action: 'resolve', note: '已修好' });
    await act(secretary.cookie, first, { action: 'review', approve: true });
    await act(operator.cookie, first, { action: 'callback', satisfaction: 'unsatisfied', note: '又坏了' });
    await act(worker.cookie, first, { action: 'resolve', note: '换了阀门' });
    await act(secretary.cookie, first, { action: 'review', approve: true });
    await act(operator.cookie, first, { action: 'callback', satisfaction: 'satisfied' });
    // 2. Answered on the spot, basically satisfied.
    const second = await create(operator.cookie);
    await act(operator.cookie, second, { action: 'answer', note: '电话里已说明办理流程' });
    await act(operator.cookie, second, { action: 'callback', satisfaction: 'basically_satisfied' });
    // 3. Given to the worker and left; 4. never dispatched.
    const third = await create(operator.cookie);
    await act(secretary.cookie, third, { action: 'dispatch', assigneeUserId: worker.id });
    await create(operator.cookie);

    let view = await cockpit(world.admin, QINGNIAN);
    expect(view.values).toMatchObject({
      wo_received: 4,
      wo_closed: 2,
      wo_on_time_rate: 100,
      wo_open_now: 2,
      wo_overdue_now: 0,
      wo_satisfaction_rate: 66.7,
    });

    // Three weeks later both open orders are overdue; the third is then closed, late.
    env.advanceMinutes(21 * DAY_MINUTES);
    expect(await sweepOverdue(env.ctx, new WorkOrdersService(env.ctx).actions)).toHaveLength(2);
    const admin = await env.loginAdmin();
    view = await cockpit(admin, QINGNIAN);
    expect(view.values).toMatchObject({ wo_overdue_now: 2, wo_open_now: 2 });
    const keeper = await env.loginAs({ role: 'secretary', regionCode: QINGNIAN });
    await act(keeper.cookie, third, { action: 'sign' });
    await act(keeper.cookie, third, { action: 'urge', note: '请尽快' });
    await act(keeper.cookie, third, { action: 'resolve', note: '已上门处理' });
    await act(keeper.cookie, third, { action: 'review', approve: true });

    // A deed, recorded by hand for a member of the community.
    const branch = await createOrganization(env, { regionCode: QINGNIAN, name: '青年社区第一党支部' });
    const member = await createMember(env, { organization: branch, personId: world.people[1]!.id });
    const deed = await env.inject('POST', '/api/deeds', {
      cookie: admin,
      // The deeds service compares with the UTC date (not Beijing's): today in UTC is always allowed.
      body: { memberId: member.id, title: '帮独居老人买菜', doneOn: env.now().toISOString().slice(0, 10) },
    });
    expect(deed.status).toBe(201);

    view = await cockpit(admin, QINGNIAN);
    expect(view.values).toMatchObject({
      wo_received: 4,
      wo_closed: 3,
      wo_on_time_rate: 66.7,
      wo_overdue_now: 1,
      wo_open_now: 1,
      wo_satisfaction_rate: 66.7,
      deeds: 1,
      deeds_total: 1,
    });
    expect(view.values.wo_avg_close_hours).toBeGreaterThan(0);
    // The month-by-month trend adds up to the window's total.
    const received = view.trends.wo_received ?? [];
    expect(received.reduce<number>((sum, v) => sum + (v ?? 0), 0)).toBe(4);
    // The district holds the same orders: its counters are the community's.
    const district = await cockpit(admin, DISTRICT);
    expect(district.values.wo_received).toBe(4);
    expect(district.values.wo_overdue_now).toBe(1);

    const incremental = await kept(EVENT_COUNTERS);
    expect(incremental.length).toBeGreaterThan(10);
    await rebuildRollups(env.ctx);
    expect(await kept(EVENT_COUNTERS)).toEqual(incremental);
  });

  it('recounts the register when it changed, and only then', async () => {
    await createResidents(env, QINGNIAN, 3);
    expect(await refreshSnapshots(env.ctx)).toEqual([DISTRICT]);
    const view = await cockpit(await env.loginAdmin(), QINGNIAN);
    expect(view.values.residents).toBe(8);
    expect(view.values.households).toBeGreaterThan(0);
    expect(view.values.members).toBe(1);
    expect(await refreshSnapshots(env.ctx)).toEqual([]);
    const snapshot = await kept(SNAPSHOT_COUNTERS);
    await rebuildRollups(env.ctx);
    expect(await kept(SNAPSHOT_COUNTERS)).toEqual(snapshot);
  });
});
