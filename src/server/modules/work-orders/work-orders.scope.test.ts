import { beforeAll, expect, it } from 'vitest';
import {
  callerMatchSchema,
  workOrderDetailSchema,
  workOrderListSchema,
  workOrderPageSchema,
  workOrderSchema,
} from '../../../shared/api/work-orders.js';
import { describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from './testing.js';

describeEachDialect('work orders: scope, races, duplicates and the caller look-up', (env) => {
  let world: WorkOrderWorld;
  let inGrid: string;
  let inOtherGrid: string;
  beforeAll(async () => {
    world = await workOrderWorld(env);
    const create = async (body: Record<string, unknown>) =>
      (await env.inject('POST', '/api/work-orders', { cookie: world.operator.cookie, body })).body(
        workOrderSchema,
      ).id;
    inGrid = await create(elderlyCareOrder(world));
    inOtherGrid = await create(
      elderlyCareOrder(world, { householdId: undefined, regionCode: world.otherGrid }),
    );
  });

  const list = async (cookie: string, query = '') =>
    (await env.inject('GET', `/api/work-orders?${query}`, { cookie }))
      .body(workOrderPageSchema)
      .items.map((o) => o.id);

  it('a grid worker sees the orders of their grid only; outside it an order does not exist', async () => {
    expect(await list(world.worker.cookie)).toEqual([inGrid]);
    expect(await list(world.outsider.cookie)).toEqual([inOtherGrid]);
    expect(
      (await env.inject('GET', `/api/work-orders/${inGrid}`, { cookie: world.outsider.cookie })).status,
    ).toBe(404);
    const act = await env.inject('POST', `/api/work-orders/${inGrid}/actions`, {
      cookie: world.outsider.cookie,
      body: { action: 'comment', note: '看看' },
    });
    expect(act.status).toBe(404);
  });

  it('the community and the district see both; a region filter only narrows', async () => {
    expect((await list(world.secretary.cookie)).sort()).toEqual([inGrid, inOtherGrid].sort());
    expect(await list(world.secretary.cookie, `region=${world.gridCode}`)).toEqual([inGrid]);
    expect(await list(world.worker.cookie, `region=${QINGNIAN}`)).toEqual([inGrid]);
  });

  it('an order given to a person in their name is theirs to see, even outside their region', async () => {
    const member = await env.loginAs({ role: 'member', regionCode: QINGNIAN });
    expect(await list(member.cookie)).toEqual([]);
    const order = (
      await env.inject('POST', '/api/work-orders', {
        cookie: world.operator.cookie,
        body: elderlyCareOrder(world),
      })
    ).body(workOrderSchema).id;
    // A member account is not a handler: dispatching to it directly needs the member record.
    const refused = await env.inject('POST', `/api/work-orders/${order}/actions`, {
      cookie: world.secretary.cookie,
      body: { action: 'dispatch', assigneeUserId: member.id },
    });
    expect(refused.error.fields?.[0]?.path).toBe('assigneeUserId');
  });

  it('of two people signing at once exactly one wins; the other gets a conflict', async () => {
    const order = (
      await env.inject('POST', '/api/work-orders', {
        cookie: world.operator.cookie,
        body: elderlyCareOrder(world),
      })
    ).body(workOrderSchema).id;
    await env.inject('POST', `/api/work-orders/${order}/actions`, {
      cookie: world.secretary.cookie,
      body: { action: 'dispatch', targetRegionCode: world.gridCode },
    });
    const secondWorker = await env.loginAs({ role: 'grid_worker', regionCode: world.gridCode });
    const results = await Promise.all(
      [world.worker.cookie, secondWorker.cookie].map((cookie) =>
        env.inject('POST', `/api/work-orders/${order}/actions`, { cookie, body: { action: 'sign' } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const events = await env.database.db
      .selectFrom('work_order_events')
      .select('action')
      .where('work_order_id', '=', order)
      .where('action', '=', 'sign')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('acting on a version someone else has changed since is a conflict', async () => {
    const detail = await env.inject('GET', `/api/work-orders/${inGrid}`, { cookie: world.secretary.cookie });
    const version = detail.body(workOrderDetailSchema).version;
    await env.inject('POST', `/api/work-orders/${inGrid}/actions`, {
      cookie: world.secretary.cookie,
      body: { action: 'urge', note: '请尽快', version },
    });
    const stale = await env.inject('POST', `/api/work-orders/${inGrid}/actions`, {
      cookie: world.secretary.cookie,
      body: { action: 'urge', note: '再催', version },
    });
    expect(stale.status).toBe(409);
    expect(stale.error.code).toBe('workorder.conflict');
  });

  it('warns of open orders of the same category for the same household or place', async () => {
    const similar = await env.inject(
      'GET',
      `/api/work-orders/similar?categoryCode=livelihood.elderly_care&regionCode=${world.buildingCode}&householdId=${world.householdId}`,
      { cookie: world.operator.cookie },
    );
    expect(similar.body(workOrderListSchema).items.map((o) => o.id)).toContain(inGrid);
    const otherCategory = await env.inject(
      'GET',
      `/api/work-orders/similar?categoryCode=environment.corridor&regionCode=${world.buildingCode}`,
      { cookie: world.operator.cookie },
    );
    expect(otherCategory.body(workOrderListSchema).items).toEqual([]);
  });

  it('finds the caller by phone through the blind index, with the orders their number reported', async () => {
    const person = await env.database.db
      .selectFrom('persons')
      .select(['id', 'phone_enc'])
      .where('region_code', 'like', `${world.gridCode}%`)
      .where('phone_enc', 'is not', null)
      .executeTakeFirstOrThrow();
    const phone = env.ctx.crypto.decrypt('person.phone', person.phone_enc!);
    const found = await env.inject('GET', `/api/work-orders/caller?phone=${phone}`, {
      cookie: world.operator.cookie,
    });
    expect(found.body(callerMatchSchema).persons.map((p) => p.id)).toContain(person.id);
    const byContact = await env.inject('GET', '/api/work-orders/caller?phone=13845671234', {
      cookie: world.operator.cookie,
    });
    expect(byContact.body(callerMatchSchema).orders.length).toBeGreaterThan(0);
    expect(JSON.stringify(byContact.json)).not.toContain('13845671234');
    const bad = await env.inject('GET', '/api/work-orders/caller?phone=abc', {
      cookie: world.operator.cookie,
    });
    expect(bad.status).toBe(400);
  });

  it('never stores a contact phone in clear', async () => {
    const rows = await env.database.db.selectFrom('work_orders').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain('13845671234');
    const notes = await env.database.db.selectFrom('notifications').selectAll().execute();
    expect(JSON.stringify(notes)).not.toContain('13845671234');
  });
});
