import { beforeAll, expect, it } from 'vitest';
import { itemSchema, orderSchema, redemptionSchema } from '../../../shared/api/timebank.js';
import { meSchema } from '../../../shared/api/users.js';
import { workOrderPageSchema } from '../../../shared/api/work-orders.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { personAccounts } from './testing.js';
import type { TimebankAccount } from './timebank.tables.js';

/**
 * The love supermarket's clerk (timebank_clerk): checks codes off and stocks the shop of their
 * community, and reads nothing else — not the register, not work orders, not the accounts.
 */
describeEachDialect('time bank: the supermarket clerk role', (env) => {
  let buyer: TimebankAccount;
  const cookies = { clerk: '', farClerk: '', secretary: '' };

  beforeAll(async () => {
    buyer = (await personAccounts(env, QINGNIAN, 1))[0]!;
    cookies.clerk = (await env.loginAs({ role: 'timebank_clerk', regionCode: QINGNIAN })).cookie;
    cookies.farClerk = (await env.loginAs({ role: 'timebank_clerk', regionCode: SHANGHAI_XINCUN })).cookie;
    cookies.secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
  });

  it('holds timebank.redeem over its community and nothing else', async () => {
    const me = (await env.inject('GET', '/api/auth/me', { cookie: cookies.clerk })).body(meSchema);
    expect(me.permissions).toEqual({ 'timebank.redeem': [QINGNIAN] });
    expect(me.roles.map((r) => r.role)).toEqual(['timebank_clerk']);
  });

  it('stocks an item and checks a resident’s code off once; another community’s clerk finds no such code', async () => {
    const stocked = await env.inject('POST', '/api/timebank/items', {
      cookie: cookies.clerk,
      body: { regionCode: QINGNIAN, name: '爱心挂面', priceMinutes: 20, stock: 2 },
    });
    expect(stocked.status).toBe(201);
    const farStock = await env.inject('POST', '/api/timebank/items', {
      cookie: cookies.farClerk,
      body: { regionCode: QINGNIAN, name: '爱心挂面', priceMinutes: 20, stock: 2 },
    });
    expect(farStock.error.fields?.map((f) => f.path)).toEqual(['regionCode']);
    // The resident's order is placed at the counter by staff holding timebank.write (not the clerk).
    const itemId = stocked.body(itemSchema).id;
    const orderAsClerk = await env.inject('POST', `/api/timebank/items/${itemId}/orders`, {
      cookie: cookies.clerk,
      body: { accountId: buyer.id, quantity: 1 },
    });
    expect(orderAsClerk.status).toBe(403);
    const placed = await env.inject('POST', `/api/timebank/items/${itemId}/orders`, {
      cookie: cookies.secretary,
      body: { accountId: buyer.id, quantity: 1 },
    });
    const { code } = placed.body(orderSchema);

    const redeem = (cookie: string, body: unknown) =>
      env.inject('POST', '/api/timebank/redemptions', { cookie, body });
    expect((await redeem(cookies.clerk, { code: '12a456' })).error.fields?.map((f) => f.path)).toEqual([
      'code',
    ]);
    expect((await redeem(cookies.farClerk, { code })).status).toBe(404);
    const first = await redeem(cookies.clerk, { code });
    expect(first.status).toBe(200);
    expect(first.body(redemptionSchema)).toMatchObject({ itemName: '爱心挂面', quantity: 1, minutes: 20 });
    const second = await redeem(cookies.clerk, { code });
    expect(second.status).toBe(409);
    expect(second.error.code).toBe('timebank.code_used');
  });

  it('answers 403 to everything the clerk page does not need', async () => {
    const refused = [
      ['GET', '/api/persons'],
      ['GET', `/api/regions/${QINGNIAN}`],
      ['GET', '/api/timebank/accounts'],
      ['GET', `/api/timebank/accounts/${buyer.id}`],
      ['GET', '/api/timebank/items'],
      ['GET', '/api/timebank/posts'],
      ['GET', '/api/volunteers'],
      ['GET', '/api/organizations'],
      ['GET', `/api/cockpit?region=${QINGNIAN}`],
      ['GET', '/api/users'],
    ] as const;
    for (const [method, url] of refused) {
      const response = await env.inject(method, url, { cookie: cookies.clerk });
      expect(response.status, url).toBe(403);
    }
    // The order list is open to every signed-in user (orders given to them in person): none here.
    const orders = await env.inject('GET', '/api/work-orders', { cookie: cookies.clerk });
    expect(orders.body(workOrderPageSchema).items).toEqual([]);
    const transfer = await env.inject('POST', '/api/timebank/transfers', {
      cookie: cookies.clerk,
      body: { fromAccountId: buyer.id, toAccountId: buyer.id, minutes: 1 },
    });
    expect(transfer.status).toBe(403);
    const limits = await env.inject('PUT', '/api/districts/230108/timebank-limits', {
      cookie: cookies.clerk,
      body: {},
    });
    expect(limits.status).toBe(403);
  });
});
