import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-env.js';
import { verifyAuditChain } from '../audit/audit-verify.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from './testing.js';

describeEachDialect('work orders: intakes at the same moment', (env) => {
  let world: WorkOrderWorld;
  beforeAll(async () => {
    world = await workOrderWorld(env);
  });

  it('all succeed, each with its own consecutive number of the day, and the audit chain holds', async () => {
    const concurrent = 30;
    const responses = await Promise.all(
      Array.from({ length: concurrent }, () =>
        env.inject('POST', '/api/work-orders', {
          cookie: world.operator.cookie,
          body: elderlyCareOrder(world),
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(concurrent).fill(201));
    const numbers = responses.map((r) => r.json.number as string).sort();
    const day = numbers[0]!.slice(0, 8);
    expect(numbers).toEqual(
      Array.from({ length: concurrent }, (_, i) => `${day}-${String(i + 1).padStart(4, '0')}`),
    );
    expect(await env.countRows('work_orders')).toBe(concurrent);
    expect(await env.countRows('notifications')).toBe(concurrent);
    expect(await verifyAuditChain(env.database.db)).toMatchObject({ ok: true });
  });
});
