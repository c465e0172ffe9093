import { beforeAll, expect, it } from 'vitest';
import { itemSchema, orderSchema, postListSchema, postSchema } from '../../../shared/api/timebank.js';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { MarketService } from './market.service.js';
import { ledgerCheck, organizationAccount, personAccounts } from './testing.js';
import type { TimebankAccount } from './timebank.tables.js';

describeEachDialect('time bank: the board and the love supermarket', (env) => {
  let people: TimebankAccount[] = [];
  let neighbour: TimebankAccount;
  const cookies = { secretary: '', nearby: '', clerkFar: '', grid: '' };
  const tomorrow = () => new Date(env.now().getTime() + 86_400_000).toISOString();
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
  const post = (body: Record<string, unknown>) =>
    env.inject('POST', '/api/timebank/posts', {
      cookie: cookies.secretary,
      body: {
        kind: 'request',
        category: 'errands',
        title: '帮忙取快递',
        minutes: 30,
        accountId: people[0]!.id,
        expiresAt: tomorrow(),
        ...body,
      },
    });

  beforeAll(async () => {
    people = await personAccounts(env, QINGNIAN, 3);
    neighbour = (await personAccounts(env, SHANGHAI_XINCUN, 1))[0]!;
    await organizationAccount(env, QINGNIAN, '青年社区便民服务队');
    cookies.secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    cookies.nearby = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
    cookies.grid = (await env.loginAs({ role: 'grid_worker', regionCode: QINGNIAN })).cookie;
  });

  it('refuses a bad post per field', async () => {
    for (const [field, value] of [
      ['kind', 'gift'],
      ['category', 'cooking'],
      ['title', ''],
      ['minutes', 0],
      ['accountId', 'nope'],
      ['expiresAt', 'tomorrow'],
    ] as const) {
      const response = await post({ [field]: value });
      expect(response.status).toBe(400);
      expect(response.error.fields?.[0]?.path).toBe(field);
    }
    const past = await post({ expiresAt: new Date(env.now().getTime() - 60_000).toISOString() });
    expect(past.error.fields).toEqual([{ path: 'expiresAt', message: '有效期必须晚于现在' }]);
    const outside = await post({ accountId: neighbour.id });
    expect(outside.error.fields).toEqual([{ path: 'accountId', message: '账户不存在' }]);
  });

  it('holds the minutes in escrow on accept, pays the helper on confirm, refunds on cancel', async () => {
    const created = await post({});
    expect(created.status).toBe(201);
    const id = created.body(postSchema).id;
    expect(
      (
        await env.inject('POST', `/api/timebank/posts/${id}/accept`, {
          cookie: cookies.nearby,
          body: { accountId: neighbour.id },
        })
      ).status,
    ).toBe(404);
    const own = await env.inject('POST', `/api/timebank/posts/${id}/accept`, {
      cookie: cookies.secretary,
      body: { accountId: people[0]!.id },
    });
    expect(own.error.fields?.[0]?.path).toBe('accountId');
    const accepted = await env.inject('POST', `/api/timebank/posts/${id}/accept`, {
      cookie: cookies.grid,
      body: { accountId: people[1]!.id },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({
      status: 'accepted',
      helperAccountId: people[1]!.id,
      payerAccountId: people[0]!.id,
    });
    expect(await balance(people[0]!.id)).toBe(30);
    const again = await env.inject('POST', `/api/timebank/posts/${id}/accept`, {
      cookie: cookies.grid,
      body: { accountId: people[2]!.id },
    });
    expect(again.error.code).toBe('timebank.post_not_open');
    expect(
      (await env.inject('POST', `/api/timebank/posts/${id}/confirm`, { cookie: cookies.secretary })).body(
        postSchema,
      ).status,
    ).toBe('confirmed');
    expect(await balance(people[1]!.id)).toBe(90);
    expect(
      (await env.inject('POST', `/api/timebank/posts/${id}/cancel`, { cookie: cookies.secretary })).status,
    ).toBe(409);

    const second = (await post({ minutes: 10 })).body(postSchema).id;
    await env.inject('POST', `/api/timebank/posts/${second}/accept`, {
      cookie: cookies.secretary,
      body: { accountId: people[2]!.id },
    });
    expect(await balance(people[0]!.id)).toBe(20);
    expect(
      (await env.inject('POST', `/api/timebank/posts/${second}/cancel`, { cookie: cookies.secretary })).body(
        postSchema,
      ).status,
    ).toBe('cancelled');
    expect(await balance(people[0]!.id)).toBe(30);
    const list = await env.inject('GET', '/api/timebank/posts?status=cancelled', {
      cookie: cookies.secretary,
    });
    expect(list.body(postListSchema).items.map((p) => p.id)).toEqual([second]);
    expect(
      (await env.inject('GET', '/api/timebank/posts', { cookie: cookies.nearby })).body(postListSchema).items,
    ).toEqual([]);
  });

  it('pays from the community fund only for residents tagged 独居老人 or 低保户', async () => {
    const offer = (await post({ kind: 'offer', accountId: people[1]!.id, minutes: 20 })).body(postSchema).id;
    const refused = await env.inject('POST', `/api/timebank/posts/${offer}/accept`, {
      cookie: cookies.secretary,
      body: { accountId: people[2]!.id, payFromFund: true },
    });
    expect(refused.status).toBe(400);
    expect(refused.error.fields?.[0]?.path).toBe('payFromFund');
    const tag = await env.database.db
      .selectFrom('tags')
      .select('code')
      .where('name', '=', '独居老人')
      .executeTakeFirstOrThrow();
    await env.database.db
      .insertInto('person_tags')
      .values({ person_id: people[2]!.owner_id!, tag_code: tag.code, district_code: '230108' })
      .execute();
    // The fund is empty until someone gives to it (爱心传递).
    const empty = await env.inject('POST', `/api/timebank/posts/${offer}/accept`, {
      cookie: cookies.secretary,
      body: { accountId: people[2]!.id, payFromFund: true },
    });
    expect(empty.error.code).toBe('timebank.insufficient');
    await env.inject('POST', '/api/timebank/donations', {
      cookie: cookies.secretary,
      body: { from: people[0]!.id, minutes: 25 },
    });
    const paid = await env.inject('POST', `/api/timebank/posts/${offer}/accept`, {
      cookie: cookies.secretary,
      body: { accountId: people[2]!.id, payFromFund: true },
    });
    expect(paid.status).toBe(200);
    expect(await balance(people[2]!.id)).toBe(60);
    await env.inject('POST', `/api/timebank/posts/${offer}/confirm`, { cookie: cookies.secretary });
    expect(await balance(people[1]!.id)).toBe(110);
  });

  it('sells for minutes with a code a clerk checks off once; a lapsed code refunds', async () => {
    const badItem = await env.inject('POST', '/api/timebank/items', {
      cookie: cookies.secretary,
      body: { regionCode: QINGNIAN, name: '大米', priceMinutes: 10, stock: -1 },
    });
    expect(badItem.error.fields?.[0]?.path).toBe('stock');
    const farItem = await env.inject('POST', '/api/timebank/items', {
      cookie: cookies.secretary,
      body: { regionCode: SHANGHAI_XINCUN, name: '大米', priceMinutes: 10, stock: 1 },
    });
    expect(farItem.error.fields).toEqual([{ path: 'regionCode', message: '区域不存在' }]);
    expect(
      (
        await env.inject('POST', '/api/timebank/items', {
          cookie: cookies.grid,
          body: { regionCode: QINGNIAN, name: '大米', priceMinutes: 10, stock: 1 },
        })
      ).status,
    ).toBe(403);
    const item = await env.inject('POST', '/api/timebank/items', {
      cookie: cookies.secretary,
      body: { regionCode: QINGNIAN, name: '大米', priceMinutes: 10, stock: 3 },
    });
    expect(item.status).toBe(201);
    const itemId = item.body(itemSchema).id;
    const order = (quantity: number) =>
      env.inject('POST', `/api/timebank/items/${itemId}/orders`, {
        cookie: cookies.grid,
        body: { accountId: people[1]!.id, quantity },
      });
    expect((await order(0)).error.fields?.[0]?.path).toBe('quantity');
    expect((await order(4)).error.code).toBe('timebank.out_of_stock');
    const placed = await order(1);
    expect(placed.status).toBe(201);
    const bought = placed.body(orderSchema);
    expect(bought.code).toMatch(/^\d{6}$/);
    expect(await balance(people[1]!.id)).toBe(100);
    const stored = await env.database.db
      .selectFrom('timebank_orders')
      .select('code_hash')
      .where('id', '=', bought.id)
      .executeTakeFirstOrThrow();
    expect(stored.code_hash).not.toContain(bought.code);
    const redeem = (cookie: string, code: string) =>
      env.inject('POST', '/api/timebank/redemptions', { cookie, body: { code } });
    expect((await redeem(cookies.secretary, '12345')).error.fields?.[0]?.path).toBe('code');
    expect((await redeem(cookies.nearby, bought.code)).status).toBe(404);
    expect((await redeem(cookies.grid, bought.code)).status).toBe(403);
    const first = await redeem(cookies.secretary, bought.code);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ itemName: '大米', quantity: 1, minutes: 10 });
    const second = await redeem(cookies.secretary, bought.code);
    expect(second.status).toBe(409);
    expect(second.error.code).toBe('timebank.code_used');

    const lapsing = await order(1);
    expect((await order(1)).status).toBe(201);
    expect(await balance(people[1]!.id)).toBe(80);
    env.advanceMinutes(31 * 24 * 60);
    try {
      // Staff sessions lapse too over a month: the clerk's check runs through the service here.
      const market = new MarketService(env.ctx);
      const scope = new Scope([QINGNIAN], env.dialect);
      await expect(market.redeem(scope, lapsing.body(orderSchema).code, SYSTEM_ACTOR)).rejects.toMatchObject({
        code: 'timebank.code_expired',
        status: 409,
      });
      expect(await balance(people[1]!.id)).toBe(90);
      // The other lapsed order is refunded by the sweep, once.
      expect(await market.refundLapsedOrders()).toBe(1);
      expect(await market.refundLapsedOrders()).toBe(0);
      expect(await balance(people[1]!.id)).toBe(100);
      const stock = await env.database.db
        .selectFrom('timebank_items')
        .select('stock')
        .where('id', '=', itemId)
        .executeTakeFirstOrThrow();
      expect(Number(stock.stock)).toBe(2);
    } finally {
      env.advanceMinutes(-31 * 24 * 60);
    }
    expect(await ledgerCheck(env)).toEqual({ total: 0, mismatched: [], outOfBounds: [], unpaired: 0 });
  });
});
