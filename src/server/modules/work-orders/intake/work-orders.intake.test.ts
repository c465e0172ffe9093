import { beforeAll, expect, it } from 'vitest';
import { workOrderDetailSchema, workOrderSchema } from '../../../../shared/api/work-orders.js';
import { describeEachDialect } from '../../../testing/test-env.js';
import { sealAuditChains, verifyAuditChain } from '../../audit/index.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from '../testing.js';

describeEachDialect('work orders: intake', (env) => {
  let world: WorkOrderWorld;
  beforeAll(async () => {
    world = await workOrderWorld(env);
  });

  it('answers with the order exactly as a later read shows it', async () => {
    const bodies = [
      elderlyCareOrder(world),
      elderlyCareOrder(world, {
        householdId: undefined,
        regionCode: world.gridCode,
        urgent: true,
        address: '3号楼2单元',
        latitude: 45.61,
        longitude: 126.63,
        attributes: { care_need: ['meals'] },
      }),
      elderlyCareOrder(world, {
        householdId: undefined,
        personId: world.people[1]!.id,
        contactPhone: undefined,
      }),
    ];
    for (const body of bodies) {
      const created = await env.inject('POST', '/api/work-orders', { cookie: world.operator.cookie, body });
      expect(created.status).toBe(201);
      const read = await env.inject('GET', `/api/work-orders/${created.body(workOrderSchema).id}`, {
        cookie: world.operator.cookie,
      });
      expect(read.status).toBe(200);
      const {
        events: _events,
        attachments: _attachments,
        availableActions: _actions,
        ...order
      } = read.body(workOrderDetailSchema);
      expect(created.json).toEqual(order);
    }
  });

  it('all succeed, each with its own consecutive number of the day, and the audit chain holds', async () => {
    const concurrent = 30;
    const before = 3; // from the test above, one of them without a phone
    const responses = await Promise.all(
      Array.from({ length: concurrent }, () =>
        env.inject('POST', '/api/work-orders', {
          cookie: world.operator.cookie,
          body: elderlyCareOrder(world),
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(concurrent).fill(201));
    const numbers = responses.map((r) => r.body(workOrderSchema).number).sort();
    const districtDay = numbers[0]!.slice(0, 15);
    expect(numbers).toEqual(
      Array.from(
        { length: concurrent },
        (_, i) => `${districtDay}-${String(before + i + 1).padStart(4, '0')}`,
      ),
    );
    expect(await env.countRows('work_orders')).toBe(before + concurrent);
    expect(await env.countRows('notifications')).toBe(before - 1 + concurrent);
    await sealAuditChains(env.ctx, { wait: true });
    expect(await verifyAuditChain(env.database.db)).toMatchObject({ ok: true, unsealed: 0 });
  });
});

describeEachDialect('work orders: numbering', (env) => {
  let world: WorkOrderWorld;
  beforeAll(async () => {
    world = await workOrderWorld(env);
  });
  const create = async () => {
    const response = await env.inject('POST', '/api/work-orders', {
      cookie: world.operator.cookie,
      body: elderlyCareOrder(world),
    });
    expect(response.status).toBe(201);
    return response.body(workOrderSchema).number;
  };

  it('counts on past 9,999 orders in a day', async () => {
    const first = await create();
    const day = first.slice(7, 15);
    expect(first).toBe(`230108-${day}-0001`);
    // As if 9,999 orders had been taken today (numbers compared as text once sorted …-10000 below …-9999).
    await env.database.db
      .updateTable('work_order_numbers')
      .set({ last_number: 9999 })
      .where('day', '=', day)
      .execute();
    expect(await create()).toBe(`230108-${day}-10000`);
    expect(await create()).toBe(`230108-${day}-10001`);
  });

  it('steps over numbers taken by orders written around the counter', async () => {
    const first = await create();
    const day = first.slice(7, 15);
    // A bulk load wrote orders without counting: the counter lags behind the stored numbers.
    await env.database.db
      .updateTable('work_order_numbers')
      .set({ last_number: Number(first.slice(16)) - 1 })
      .where('day', '=', day)
      .execute();
    const next = await create();
    expect(Number(next.slice(16))).toBe(Number(first.slice(16)) + 1);
    expect(await env.countRows('work_orders')).toBe(5);
    await sealAuditChains(env.ctx, { wait: true });
    expect(await verifyAuditChain(env.database.db)).toMatchObject({ ok: true, unsealed: 0 });
  });
});
