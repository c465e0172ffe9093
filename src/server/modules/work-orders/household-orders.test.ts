import { beforeAll, expect, it } from 'vitest';
import { workOrderPageSchema, workOrderSchema } from '../../../shared/api/work-orders.js';
import { describeEachDialect } from '../../testing/test-env.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from './testing.js';

/** The household page's 走访与工单 lists the household's orders, within what the reader may see. */
describeEachDialect('work orders of one household', (env) => {
  let world: WorkOrderWorld;
  const numbers: string[] = [];
  beforeAll(async () => {
    world = await workOrderWorld(env);
    for (const description of ['暖气不热，需要上门查看', '楼道灯坏了，老人夜里看不见']) {
      const created = await env.inject('POST', '/api/work-orders', {
        cookie: world.operator.cookie,
        body: elderlyCareOrder(world, { description }),
      });
      expect(created.status).toBe(201);
      numbers.push(created.body(workOrderSchema).number);
    }
    // An order elsewhere in the grid, for no household.
    const elsewhere = await env.inject('POST', '/api/work-orders', {
      cookie: world.operator.cookie,
      body: elderlyCareOrder(world, { householdId: undefined, regionCode: world.gridCode }),
    });
    expect(elsewhere.status).toBe(201);
  });

  const list = (cookie: string, household: string) =>
    env.inject('GET', `/api/work-orders?household=${household}`, { cookie });

  it('lists exactly the household’s orders for a reader of its place', async () => {
    const answer = await list(world.secretary.cookie, world.householdId);
    expect(answer.status).toBe(200);
    expect(
      answer
        .body(workOrderPageSchema)
        .items.map((o) => o.number)
        .sort(),
    ).toEqual([...numbers].sort());
  });

  it('shows nothing to a reader outside its place, and names a malformed id', async () => {
    expect((await list(world.outsider.cookie, world.householdId)).body(workOrderPageSchema).items).toEqual(
      [],
    );
    const bad = await list(world.secretary.cookie, 'not-an-id');
    expect(bad.status).toBe(400);
    expect(bad.error.fields?.[0]?.path).toContain('household');
  });
});
