import { beforeAll, describe, expect, it } from 'vitest';
import {
  type WorkOrder,
  workOrderDetailSchema,
  workOrderPageSchema,
  workOrderSchema,
} from '../../../shared/api/work-orders.js';
import { districtOf } from '../../../shared/region-code.js';
import { describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from './testing.js';

describeEachDialect('work orders: the whole lifecycle', (env) => {
  let world: WorkOrderWorld;
  beforeAll(async () => {
    world = await workOrderWorld(env);
  });

  const create = (cookie: string, body: Record<string, unknown>) =>
    env.inject('POST', '/api/work-orders', { cookie, body });
  const act = (cookie: string, id: string, body: Record<string, unknown>) =>
    env.inject('POST', `/api/work-orders/${id}/actions`, { cookie, body });

  describe('intake refuses bad input, naming the field', () => {
    it('an unknown category', async () => {
      const response = await create(world.operator.cookie, elderlyCareOrder(world, { categoryCode: 'nope' }));
      expect(response.status).toBe(400);
      expect(response.error.fields?.[0]?.path).toBe('categoryCode');
    });
    it('a group instead of a category', async () => {
      const response = await create(
        world.operator.cookie,
        elderlyCareOrder(world, { categoryCode: 'livelihood' }),
      );
      expect(response.status).toBe(400);
      expect(response.error.fields?.[0]?.message).toContain('民生求助');
    });
    it('a bad phone number', async () => {
      const response = await create(
        world.operator.cookie,
        elderlyCareOrder(world, { contactPhone: '12345' }),
      );
      expect(response.status).toBe(400);
      expect(response.error.fields?.[0]?.path).toBe('contactPhone');
    });
    it('an attribute value outside its list', async () => {
      const response = await create(
        world.operator.cookie,
        elderlyCareOrder(world, { attributes: { care_need: ['flying'] } }),
      );
      expect(response.status).toBe(400);
      expect(response.error.fields?.[0]?.path).toBe('attributes.care_need');
    });
    it('a place outside the intake scope is unknown', async () => {
      const response = await create(
        world.worker.cookie,
        elderlyCareOrder(world, { householdId: undefined, regionCode: world.otherGrid }),
      );
      expect(response.status).toBe(400);
      expect(response.error.fields?.[0]?.path).toBe('regionCode');
    });
    it('no permission to take orders in', async () => {
      const auditor = await env.loginAs({ role: 'auditor', regionCode: districtOf(QINGNIAN) });
      expect((await create(auditor.cookie, elderlyCareOrder(world))).status).toBe(403);
    });
    it('writes nothing when refused', async () => {
      expect(await env.countRows('work_orders')).toBe(0);
    });
  });

  it('pages all orders newest first and the lists of work by time left, each order once', async () => {
    for (let i = 0; i < 3; i++) await create(world.operator.cookie, elderlyCareOrder(world));
    const pages = async (view: string) => {
      const seen: WorkOrder[] = [];
      let cursor: string | null = null;
      do {
        const page = await env.inject(
          'GET',
          `/api/work-orders?view=${view}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          { cookie: world.secretary.cookie },
        );
        expect(page.status).toBe(200);
        const { items, nextCursor } = page.body(workOrderPageSchema);
        seen.push(...items);
        cursor = nextCursor;
      } while (cursor);
      const whole = await env.inject('GET', `/api/work-orders?view=${view}&limit=200`, {
        cookie: world.secretary.cookie,
      });
      expect(seen.map((o) => o.id)).toEqual(whole.body(workOrderPageSchema).items.map((o) => o.id));
      expect(new Set(seen.map((o) => o.id)).size).toBe(seen.length);
      return seen;
    };
    const all = await pages('all');
    expect(all.length).toBeGreaterThanOrEqual(3);
    const received = all.map((o) => o.createdAt);
    expect(received).toEqual([...received].sort().reverse());
    const mine = await pages('mine');
    expect(mine.length).toBeGreaterThanOrEqual(3);
    const deadlines = mine.map((o) => o.dueAt);
    expect(deadlines).toEqual([...deadlines].sort());

    const bad = await env.inject('GET', '/api/work-orders?view=all&cursor=not-ours', {
      cookie: world.secretary.cookie,
    });
    expect(bad.status).toBe(400);
    expect(bad.error.fields?.[0]?.path).toBe('querystring.cursor');
  });

  it('我的待办 lists what waits for the caller: their unit’s orders to act on, not their subordinates’', async () => {
    const mine = async (cookie: string) => {
      const list = await env.inject('GET', '/api/work-orders?view=mine&limit=200', { cookie });
      expect(list.status).toBe(200);
      return list.body(workOrderPageSchema).items.map((o) => o.id);
    };
    const created = await create(world.operator.cookie, elderlyCareOrder(world));
    const id = created.body(workOrderSchema).id;
    // Received at the community: the community's to dispatch.
    expect(await mine(world.secretary.cookie)).toContain(id);
    expect(await mine(world.worker.cookie)).not.toContain(id);

    // Given to the grid as a unit: the grid's worker signs and resolves it; the community waits.
    await act(world.secretary.cookie, id, { action: 'dispatch', targetRegionCode: world.gridCode });
    expect(await mine(world.worker.cookie)).toContain(id);
    expect(await mine(world.secretary.cookie)).not.toContain(id);
    expect(await mine(world.outsider.cookie)).not.toContain(id);
    await act(world.worker.cookie, id, { action: 'sign' });
    expect(await mine(world.worker.cookie)).toContain(id);

    // An extension asked for, then a resolution to review: back with the community that dispatched it.
    await act(world.worker.cookie, id, { action: 'extend', days: 2, note: '需等待配件' });
    expect(await mine(world.secretary.cookie)).toContain(id);
    await act(world.secretary.cookie, id, { action: 'approve_extension' });
    expect(await mine(world.secretary.cookie)).not.toContain(id);
    await act(world.worker.cookie, id, { action: 'resolve', note: '已修好' });
    expect(await mine(world.secretary.cookie)).toContain(id);
    expect(await mine(world.worker.cookie)).not.toContain(id);

    // Closed: waiting for the callback (待回访), no one's to-do any more.
    expect(
      (await act(world.secretary.cookie, id, { action: 'review', approve: true })).body(workOrderSchema)
        .status,
    ).toBe('closed');
    expect(await mine(world.secretary.cookie)).not.toContain(id);
  });

  it('hotline → community → grid worker → resolve → review → unsatisfied → again → satisfied → archived', async () => {
    const created = await create(
      world.operator.cookie,
      elderlyCareOrder(world, { attributes: { care_need: ['meals'] } }),
    );
    expect(created.status).toBe(201);
    const order = created.body(workOrderSchema);
    const id = order.id;
    expect(created.json).toMatchObject({
      status: 'received',
      contactPhone: '138****1234',
      handlerRegionCode: QINGNIAN,
    });
    expect(order.number).toMatch(/^230108-\d{8}-\d{4}$/);

    // The operator holds it at the district level only when the category's unit is above; here
    // the community is the holder from the start, so the community dispatches to its worker.
    const toWorker = await act(world.secretary.cookie, id, {
      action: 'dispatch',
      assigneeUserId: world.worker.id,
    });
    expect(toWorker.status).toBe(200);
    expect(toWorker.body(workOrderSchema).status).toBe('dispatched');

    expect((await act(world.outsider.cookie, id, { action: 'sign' })).status).toBe(404);
    expect((await act(world.worker.cookie, id, { action: 'resolve', note: '已处理' })).status).toBe(409);
    expect((await act(world.worker.cookie, id, { action: 'sign' })).body(workOrderSchema).status).toBe(
      'in_progress',
    );
    const resolved = await act(world.worker.cookie, id, {
      action: 'resolve',
      note: '已联系供热公司，暖气恢复',
    });
    expect(resolved.body(workOrderSchema).status).toBe('pending_review');
    expect((await act(world.worker.cookie, id, { action: 'review', approve: true })).status).toBe(403);
    const closed = await act(world.secretary.cookie, id, { action: 'review', approve: true });
    expect(closed.json).toMatchObject({ status: 'closed', closedOnTime: true });

    const reopened = await act(world.operator.cookie, id, {
      action: 'callback',
      satisfaction: 'unsatisfied',
      note: '第二天又不热了',
    });
    expect(reopened.json).toMatchObject({
      status: 'in_progress',
      reopenCount: 1,
      satisfaction: 'unsatisfied',
    });
    // The phone home's counts: the worker's reopened orders, and (once marked) the overdue ones.
    const mine = (flag: string) =>
      env.inject('GET', `/api/work-orders?view=mine&flag=${flag}`, { cookie: world.worker.cookie });
    const idsOf = async (flag: string) => (await mine(flag)).body(workOrderPageSchema).items.map((o) => o.id);
    expect(await idsOf('reopened')).toEqual([id]);
    expect(await idsOf('overdue')).toEqual([]);
    await env.database.db.updateTable('work_orders').set({ overdue: 1 }).where('id', '=', id).execute();
    expect(await idsOf('overdue')).toEqual([id]);
    await env.database.db.updateTable('work_orders').set({ overdue: 0 }).where('id', '=', id).execute();
    const badFlag = await mine('late');
    expect(badFlag.status).toBe(400);
    expect(badFlag.error.fields?.[0]?.path).toBe('querystring.flag');
    await act(world.worker.cookie, id, { action: 'resolve', note: '更换了暖气阀门' });
    await act(world.secretary.cookie, id, { action: 'review', approve: true });
    const archived = await act(world.operator.cookie, id, { action: 'callback', satisfaction: 'satisfied' });
    expect(archived.body(workOrderSchema).status).toBe('archived');
    // Reopened once, but done: no longer waiting.
    expect(await idsOf('reopened')).toEqual([]);

    const detail = await env.inject('GET', `/api/work-orders/${id}`, { cookie: world.secretary.cookie });
    expect(detail.body(workOrderDetailSchema).events.map((e) => e.action)).toEqual([
      'receive',
      'dispatch',
      'sign',
      'resolve',
      'review',
      'callback',
      'resolve',
      'review',
      'callback',
    ]);
    // The timeline names staff by their display name as it is now, not by their account name.
    await env.database.db
      .updateTable('users')
      .set({ display_name: '李书记' })
      .where('id', '=', world.secretary.id)
      .execute();
    const named = await env.inject('GET', `/api/work-orders/${id}`, { cookie: world.secretary.cookie });
    const { events } = named.body(workOrderDetailSchema);
    const actors = events.map((e) => e.actorName);
    expect(events[1]).toMatchObject({ action: 'dispatch', actorName: '李书记' });
    expect(actors.filter((name) => name === '李书记')).toHaveLength(3); // dispatch and two reviews
    expect(
      (await env.inject('GET', `/api/work-orders/${id}`, { cookie: world.outsider.cookie })).status,
    ).toBe(404);
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .execute();
    expect(audit).toHaveLength(9);
    const sms = await env.database.db
      .selectFrom('notifications')
      .select('template')
      .where('work_order_id', '=', id)
      .where('channel', '=', 'sms')
      .execute();
    expect(sms.map((n) => n.template).sort()).toEqual(
      ['order_accepted', 'order_closed', 'order_closed', 'order_resolved', 'order_resolved'].sort(),
    );
  });
});
