import { beforeAll, expect, it } from 'vitest';
import { itemSchema, orderSchema } from '../../../shared/api/timebank.js';
import { startScheduler } from '../../scheduler.js';
import { describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { ledgerCheck, personAccounts } from './testing.js';
import type { TimebankAccount } from './timebank.tables.js';

describeEachDialect('time bank: the scheduler refunds lapsed supermarket codes', (env) => {
  let buyer: TimebankAccount;
  let secretary = '';
  const balance = async (id: string) =>
    Number(
      (
        await env.database.db
          .selectFrom('timebank_accounts')
          .select('balance_minutes')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).balance_minutes,
    );
  const orderStatus = async (id: string) =>
    (
      await env.database.db
        .selectFrom('timebank_orders')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  beforeAll(async () => {
    buyer = (await personAccounts(env, QINGNIAN, 1))[0]!;
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
  });

  it('gives the minutes of an unused code back once it lapsed, on the sweep at start', async () => {
    const item = await env.inject('POST', '/api/timebank/items', {
      cookie: secretary,
      body: { regionCode: QINGNIAN, name: '食用油', priceMinutes: 15, stock: 2 },
    });
    expect(item.status).toBe(201);
    const before = await balance(buyer.id);
    const placed = await env.inject('POST', `/api/timebank/items/${item.body(itemSchema).id}/orders`, {
      cookie: secretary,
      body: { accountId: buyer.id, quantity: 1 },
    });
    expect(placed.status).toBe(201);
    const order = placed.body(orderSchema);
    expect(await balance(buyer.id)).toBe(before - 15);

    env.advanceMinutes(31 * 24 * 60);
    const stop = startScheduler(env.ctx, env.app.log);
    try {
      // The job runs at start; wait for its effect rather than for a fixed time.
      for (let i = 0; i < 200 && (await orderStatus(order.id)) === 'pending'; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      stop();
      env.advanceMinutes(-31 * 24 * 60);
    }
    expect(await orderStatus(order.id)).toBe('refunded');
    expect(await balance(buyer.id)).toBe(before);
    // Refunded once: the code cannot be checked off any more.
    const redeem = await env.inject('POST', '/api/timebank/redemptions', {
      cookie: secretary,
      body: { code: order.code },
    });
    expect(redeem.status).toBe(409);
    expect(redeem.error.code).toBe('timebank.code_expired');
    expect(await balance(buyer.id)).toBe(before);
    expect(await ledgerCheck(env)).toEqual({ total: 0, mismatched: [], outOfBounds: [], unpaired: 0 });
  });
});
