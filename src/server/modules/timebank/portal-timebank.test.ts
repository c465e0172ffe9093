import { beforeAll, expect, it } from 'vitest';
import {
  portalAccountSchema,
  portalOrderPageSchema,
  portalTimebankSchema,
} from '../../../shared/api/portal.js';
import { itemListSchema, itemSchema, orderSchema, redemptionSchema } from '../../../shared/api/timebank.js';
import { beijingMonth } from '../../../shared/beijing-time.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { createResidents } from '../member-workflows/testing.js';
import { newPhone, residentLogin } from '../portal/testing.js';
import {
  expectFiguresAddUp,
  linkedResident,
  maskedName,
  pdfText,
  personAccounts,
  readStatementWorkbook,
} from './testing.js';
import type { TimebankAccount } from './timebank.tables.js';

const PORTAL = '/api/portal/me/timebank';

/**
 * A resident's own time bank in the portal: joining (only when their phone is linked to the
 * register), their balance and rows, their statements, and the love supermarket of their
 * community with its six-digit codes. A resident only ever reaches their own account.
 */
describeEachDialect('portal: a resident’s own time-bank account, statements and supermarket', (env) => {
  const people: { id: string; name: string }[] = [];
  let staffAccount: TimebankAccount;
  let month = '';
  const cookies = { alice: '', bob: '', dave: '', stranger: '', secretary: '', admin: '' };
  const items = { here: '', far: '' };

  const get = (cookie: string, path = '') => env.inject('GET', `${PORTAL}${path}`, { cookie });
  const postAs = (cookie: string, path: string, body?: unknown) =>
    env.inject('POST', `${PORTAL}${path}`, { cookie, ...(body === undefined ? {} : { body }) });
  const accountOf = async (cookie: string) => (await get(cookie)).body(portalTimebankSchema).account!;

  beforeAll(async () => {
    const { people: here } = await createResidents(env, QINGNIAN, 2);
    const { people: far } = await createResidents(env, SHANGHAI_XINCUN, 1);
    people.push(...here, ...far);
    cookies.alice = await linkedResident(env, here[0]!.id);
    cookies.bob = await linkedResident(env, here[1]!.id);
    cookies.dave = await linkedResident(env, far[0]!.id);
    cookies.stranger = await residentLogin(env, newPhone());
    cookies.secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    cookies.admin = await env.loginAdmin();
    staffAccount = (await personAccounts(env, QINGNIAN, 1))[0]!;
    month = beijingMonth(env.now().toISOString());
    const item = async (regionCode: string, name: string) =>
      (
        await env.inject('POST', '/api/timebank/items', {
          cookie: cookies.admin,
          body: { regionCode, name, priceMinutes: 20, stock: 2 },
        })
      ).body(itemSchema).id;
    items.here = await item(QINGNIAN, '爱心大米 5 公斤');
    items.far = await item(SHANGHAI_XINCUN, '上海新村食用油');
  });

  it('lets only a resident linked to the register join; the others learn why', async () => {
    expect((await get(cookies.stranger)).body(portalTimebankSchema)).toEqual({
      linked: false,
      account: null,
      ledger: [],
    });
    const refused = await postAs(cookies.stranger, '/account');
    expect(refused.status).toBe(409);
    expect(refused.error.code).toBe('timebank.not_linked');
    for (const path of ['/posts', '/items', '/orders', `/statements/${month}.xlsx`]) {
      const none = await get(cookies.stranger, path);
      expect(none.status, path).toBe(404);
      expect(none.error.code).toBe('timebank.no_own_account');
    }
    expect((await get(cookies.alice)).body(portalTimebankSchema)).toMatchObject({
      linked: true,
      account: null,
    });
  });

  it('opens the resident’s own account once, with the starter grant', async () => {
    const joined = await postAs(cookies.alice, '/account');
    expect(joined.status).toBe(201);
    const account = joined.body(portalAccountSchema);
    expect(account).toMatchObject({ ownerName: people[0]!.name, balanceMinutes: 60, floorMinutes: 0 });
    const again = await postAs(cookies.alice, '/account');
    expect(again.status).toBe(200);
    expect(again.body(portalAccountSchema).id).toBe(account.id);
    for (const cookie of [cookies.bob, cookies.dave])
      expect((await postAs(cookie, '/account')).status).toBe(201);
    const own = (await get(cookies.alice)).body(portalTimebankSchema);
    expect(own.account).toEqual(account);
    expect(own.ledger).toMatchObject([{ kind: 'grant', minutes: 60, counterpartKind: 'issuance' }]);
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'target_id'])
      .where('action', '=', 'timebank.account_opened')
      .where('target_id', '=', account.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_name).toMatch(/^resident:1\d{2}\*{4}\d{4}$/);
  });

  it('keeps staff and resident sessions apart', async () => {
    for (const path of ['', '/posts', '/items', '/orders', `/statements/${month}.pdf`])
      expect((await get(cookies.secretary, path)).status, path).toBe(401);
    expect((await postAs(cookies.admin, '/account')).status).toBe(401);
    const own = await accountOf(cookies.alice);
    const staffRoute = await env.inject('GET', `/api/timebank/accounts/${own.id}`, { cookie: cookies.alice });
    expect(staffRoute.status).toBe(401);
    expect((await env.inject('GET', '/api/me/timebank', { cookie: cookies.alice })).status).toBe(401);
  });

  it('lists the supermarket of the resident’s community only, and refuses a bad order per field', async () => {
    const listed = (await get(cookies.alice, '/items')).body(itemListSchema);
    expect(listed.items.map((item) => item.id)).toEqual([items.here]);
    expect((await get(cookies.dave, '/items')).body(itemListSchema).items.map((item) => item.id)).toEqual([
      items.far,
    ]);
    const order = (body: unknown, item = items.here) => postAs(cookies.alice, `/items/${item}/orders`, body);
    for (const quantity of [0, 21, 1.5, 'x', null]) {
      const response = await order({ quantity });
      expect(response.status).toBe(400);
      expect(response.error.fields).toEqual([{ path: 'quantity', message: '数量应为 1 到 20 的整数' }]);
    }
    const named = await order({ quantity: 1, accountId: staffAccount.id });
    expect(named.status).toBe(400);
    // No account may be named: the order is always paid from the resident's own.
    expect(named.error.fields).toEqual([{ path: '(body)', message: expect.stringContaining('accountId') }]);
    const elsewhere = await order({ quantity: 1 }, items.far);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.error.code).toBe('timebank.item_not_found');
    expect((await postAs(cookies.alice, '/items/nope/orders', { quantity: 1 })).error.fields?.[0]?.path).toBe(
      'params.id',
    );
    expect((await accountOf(cookies.alice)).balanceMinutes).toBe(60);
  });

  it('orders an item with the resident’s own minutes and hands the six-digit code over once', async () => {
    const ordered = await postAs(cookies.alice, `/items/${items.here}/orders`, { quantity: 2 });
    expect(ordered.status).toBe(201);
    const { code, minutes } = ordered.body(orderSchema);
    expect(code).toMatch(/^\d{6}$/);
    expect(minutes).toBe(40);
    expect((await accountOf(cookies.alice)).balanceMinutes).toBe(20);
    const soldOut = await postAs(cookies.bob, `/items/${items.here}/orders`, { quantity: 1 });
    expect(soldOut.status).toBe(409);
    expect(soldOut.error.code).toBe('timebank.out_of_stock');
    const orders = (await get(cookies.alice, '/orders')).body(portalOrderPageSchema);
    expect(orders.items).toMatchObject([
      { itemName: '爱心大米 5 公斤', quantity: 2, minutes: 40, status: 'pending' },
    ]);
    expect(JSON.stringify(orders)).not.toContain(code);
    expect((await get(cookies.bob, '/orders')).body(portalOrderPageSchema).items).toEqual([]);
    const redeemed = await env.inject('POST', '/api/timebank/redemptions', {
      cookie: cookies.secretary,
      body: { code },
    });
    expect(redeemed.body(redemptionSchema)).toMatchObject({ itemName: '爱心大米 5 公斤', quantity: 2 });
    expect((await get(cookies.alice, '/orders')).body(portalOrderPageSchema).items[0]!.status).toBe(
      'redeemed',
    );
  });

  it('writes the resident’s own statement; a bad month is refused naming the field', async () => {
    const bad = await get(cookies.alice, '/statements/2026-13.xlsx');
    expect(bad.status).toBe(400);
    expect(bad.error.fields).toEqual([{ path: 'params.month', message: '月份格式应为 YYYY-MM' }]);
    expect((await get(cookies.alice, '/statements/2999-01.pdf')).error.fields?.[0]?.message).toBe(
      '该月份尚未开始',
    );
    // A transfer from a neighbour by staff: the resident's statement masks the neighbour's name.
    const bob = await accountOf(cookies.bob);
    const alice = await accountOf(cookies.alice);
    const sent = await env.inject('POST', '/api/timebank/transfers', {
      cookie: cookies.secretary,
      body: { from: bob.id, to: alice.id, minutes: 5, memo: '谢谢' },
    });
    expect(sent.status).toBe(201);
    const sheet = await readStatementWorkbook(
      (await get(cookies.alice, `/statements/${month}.xlsx`)).raw.rawPayload,
    );
    expect(sheet).toMatchObject({ account: people[0]!.name, opening: 0, closing: 25 });
    expectFiguresAddUp(sheet);
    expect(sheet.rows.map((row) => [row.kind, row.counterparty])).toContainEqual([
      '转账',
      maskedName(people[1]!.name),
    ]);
    expect(sheet.rows.map((row) => row.kind)).toContain('爱心超市兑换');
    expect(sheet.closing).toBe((await accountOf(cookies.alice)).balanceMinutes);
    const text = await pdfText((await get(cookies.alice, `/statements/${month}.pdf`)).raw.rawPayload);
    expect(text).toContain('期末余额：25分钟');
    expect(text).not.toContain(people[1]!.name);
  });
});
