import { beforeAll, expect, it } from 'vitest';
import {
  accountDetailSchema,
  accountListSchema,
  createdSchema,
  limitsResponseSchema,
} from '../../../shared/api/timebank.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { ledgerCheck, organizationAccount, personAccounts } from './testing.js';
import type { TimebankAccount } from './timebank.tables.js';

describeEachDialect('time bank: accounts, transfers, limits', (env) => {
  let people: TimebankAccount[] = [];
  let neighbours: TimebankAccount[] = [];
  let team: TimebankAccount;
  const cookies = { admin: '', secretary: '', nearby: '', member: '', auditor: '' };

  const transfer = (cookie: string, body: Record<string, unknown>) =>
    env.inject('POST', '/api/timebank/transfers', { cookie, body });
  const balance = async (id: string) =>
    (await env.inject('GET', `/api/timebank/accounts/${id}`, { cookie: cookies.admin })).body(
      accountDetailSchema,
    ).balanceMinutes;

  beforeAll(async () => {
    people = await personAccounts(env, QINGNIAN, 4);
    neighbours = await personAccounts(env, SHANGHAI_XINCUN, 2);
    team = await organizationAccount(env, QINGNIAN, '青年社区志愿服务队');
    cookies.admin = await env.loginAdmin();
    cookies.secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    cookies.nearby = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
    cookies.member = (await env.loginAs({ role: 'member', regionCode: QINGNIAN })).cookie;
    cookies.auditor = (await env.loginAs({ role: 'auditor', regionCode: QINGNIAN })).cookie;
  });

  it('opens an account once, with the starter grant from the district’s issuance', async () => {
    expect(people[0]!.balance_minutes).toBe(60);
    const again = await env.inject('POST', '/api/timebank/accounts', {
      cookie: cookies.secretary,
      body: { ownerKind: 'person', ownerId: people[0]!.owner_id },
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({
      id: people[0]!.id,
      balanceMinutes: 60,
      floorMinutes: 0,
      ceilingMinutes: 60_000,
    });
    const outside = await env.inject('POST', '/api/timebank/accounts', {
      cookie: cookies.secretary,
      body: { ownerKind: 'person', ownerId: neighbours[0]!.owner_id },
    });
    expect(outside.status).toBe(400);
    expect(outside.error.fields).toEqual([{ path: 'ownerId', message: '账户所有者不存在' }]);
    const badKind = await env.inject('POST', '/api/timebank/accounts', {
      cookie: cookies.secretary,
      body: { ownerKind: 'fund', ownerId: people[0]!.owner_id },
    });
    expect(badKind.error.fields?.[0]?.path).toBe('ownerKind');
  });

  it('refuses bad input per field and writes nothing', async () => {
    const before = await env.countRows('timebank_ledger');
    const valid = { from: people[0]!.id, to: people[1]!.id, minutes: 5, memo: '陪老人聊天' };
    for (const minutes of [0, -5, 1.5, '10', null]) {
      const response = await transfer(cookies.secretary, { ...valid, minutes });
      expect(response.status).toBe(400);
      expect(response.error.fields).toEqual([{ path: 'minutes', message: '分钟数应为正整数' }]);
    }
    const missing = await transfer(cookies.secretary, { from: valid.from, to: valid.to });
    expect(missing.error.fields?.[0]?.path).toBe('minutes');
    expect(
      (await transfer(cookies.secretary, { ...valid, minutes: 2_000_000 })).error.fields?.[0]?.path,
    ).toBe('minutes');
    expect((await transfer(cookies.secretary, { ...valid, from: 'x' })).error.fields?.[0]?.path).toBe('from');
    expect((await transfer(cookies.secretary, { ...valid, to: 'x' })).error.fields?.[0]?.path).toBe('to');
    expect(
      (await transfer(cookies.secretary, { ...valid, memo: '长'.repeat(201) })).error.fields?.[0]?.path,
    ).toBe('memo');
    const same = await transfer(cookies.secretary, { ...valid, to: valid.from });
    expect(same.status).toBe(400);
    expect(same.error.fields).toEqual([{ path: 'to', message: '转出和转入不能是同一个账户' }]);
    const english = await env.inject('POST', '/api/timebank/transfers', {
      cookie: cookies.secretary,
      body: { ...valid, minutes: 0 },
      headers: { 'accept-language': 'en' },
    });
    expect(english.error.fields?.[0]?.message).toBe('must be a positive whole number of minutes');
    expect(await env.countRows('timebank_ledger')).toBe(before);
  });

  it('moves minutes with two ledger rows; 409 below the floor and above the ceiling', async () => {
    const ok = await transfer(cookies.secretary, {
      from: people[0]!.id,
      to: people[1]!.id,
      minutes: 20,
      memo: '买菜',
    });
    expect(ok.status).toBe(201);
    expect(await balance(people[0]!.id)).toBe(40);
    expect(await balance(people[1]!.id)).toBe(80);
    const short = await transfer(cookies.secretary, { from: people[0]!.id, to: people[1]!.id, minutes: 41 });
    expect(short.status).toBe(409);
    expect(short.error.code).toBe('timebank.insufficient');
    const lowered = await env.inject('PUT', '/api/districts/230108/timebank-limits', {
      cookie: cookies.admin,
      body: { ownerKind: 'person', floorMinutes: 0, ceilingMinutes: 100, starterGrantMinutes: 60 },
    });
    expect(lowered.status).toBe(204);
    const over = await transfer(cookies.secretary, { from: team.id, to: people[1]!.id, minutes: 21 });
    expect(over.status).toBe(409);
    expect(over.error.code).toBe('timebank.ceiling');
    const limits = await env.inject('GET', `/api/timebank/limits?region=${QINGNIAN}`, {
      cookie: cookies.secretary,
    });
    const { limits: kinds, changes } = limits.body(limitsResponseSchema);
    expect(kinds).toContainEqual({
      ownerKind: 'person',
      floorMinutes: 0,
      ceilingMinutes: 100,
      starterGrantMinutes: 60,
    });
    expect(changes).toHaveLength(1);
    await env.inject('PUT', '/api/districts/230108/timebank-limits', {
      cookie: cookies.admin,
      body: { ownerKind: 'person', floorMinutes: 0, ceilingMinutes: 60_000, starterGrantMinutes: 60 },
    });
    expect(await balance(people[0]!.id)).toBe(40);
    expect(await balance(people[1]!.id)).toBe(80);
    const detail = await env.inject('GET', `/api/timebank/accounts/${people[1]!.id}`, {
      cookie: cookies.secretary,
    });
    expect(detail.body(accountDetailSchema).ledger[0]).toMatchObject({
      minutes: 20,
      kind: 'transfer',
      memo: '买菜',
      counterpartAccountId: people[0]!.id,
    });
  });

  it('refuses limits that make no sense, and changes by anyone but a district-wide admin', async () => {
    const put = (cookie: string, body: Record<string, unknown>) =>
      env.inject('PUT', '/api/districts/230108/timebank-limits', { cookie, body });
    const valid = { ownerKind: 'person', floorMinutes: 0, ceilingMinutes: 1000, starterGrantMinutes: 60 };
    expect((await put(cookies.admin, { ...valid, ceilingMinutes: -1 })).error.fields).toEqual([
      { path: 'ceilingMinutes', message: '上限必须大于下限' },
    ]);
    expect((await put(cookies.admin, { ...valid, floorMinutes: 0.5 })).error.fields?.[0]?.path).toBe(
      'floorMinutes',
    );
    expect((await put(cookies.admin, { ...valid, starterGrantMinutes: -1 })).error.fields?.[0]?.path).toBe(
      'starterGrantMinutes',
    );
    expect((await put(cookies.admin, { ...valid, ownerKind: 'escrow' })).error.fields?.[0]?.path).toBe(
      'ownerKind',
    );
    const secretary = await put(cookies.secretary, valid);
    expect(secretary.status).toBe(403);
    expect(secretary.error.code).toBe('timebank.district_wide');
    expect((await put(cookies.member, valid)).status).toBe(403);
  });

  it('keeps other communities’ accounts out of sight (404) and needs the permission (403)', async () => {
    const fromAfar = await transfer(cookies.nearby, {
      from: people[0]!.id,
      to: neighbours[0]!.id,
      minutes: 1,
    });
    expect(fromAfar.status).toBe(404);
    expect(fromAfar.error.code).toBe('timebank.account_not_found');
    const mixed = await transfer(cookies.secretary, {
      from: people[0]!.id,
      to: neighbours[0]!.id,
      minutes: 1,
    });
    expect(mixed.status).toBe(404);
    expect(
      (await env.inject('GET', `/api/timebank/accounts/${people[0]!.id}`, { cookie: cookies.nearby })).status,
    ).toBe(404);
    expect((await env.inject('GET', '/api/timebank/accounts', { cookie: cookies.member })).status).toBe(403);
    expect(
      (await transfer(cookies.auditor, { from: people[0]!.id, to: people[1]!.id, minutes: 1 })).status,
    ).toBe(403);
    const list = await env.inject('GET', '/api/timebank/accounts?limit=200', { cookie: cookies.nearby });
    const ids = list.body(accountListSchema).items.map((item) => item.id);
    expect(ids).toContain(neighbours[0]!.id);
    expect(ids).not.toContain(people[0]!.id);
  });

  it('pages the account list with one opaque cursor and finds owners by name', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (let i = 0; i < 10; i++) {
      const response = await env.inject('GET', `/api/timebank/accounts?limit=2&cursor=${cursor}`, {
        cookie: cookies.secretary,
      });
      expect(response.status).toBe(200);
      const page = response.body(accountListSchema);
      seen.push(...page.items.map((item) => item.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const account of [...people, team]) expect(seen).toContain(account.id);
    const byName = await env.inject(
      'GET',
      `/api/timebank/accounts?q=${encodeURIComponent(people[2]!.owner_name)}`,
      {
        cookie: cookies.secretary,
      },
    );
    expect(byName.body(accountListSchema).items.map((item) => item.id)).toContain(people[2]!.id);
    const bad = await env.inject('GET', '/api/timebank/accounts?cursor=nonsense', {
      cookie: cookies.secretary,
    });
    expect(bad.status).toBe(400);
    expect(bad.error.fields?.[0]?.path).toBe('querystring.cursor');
  });

  it('corrects with a linked reversing transfer, once; donates to a person or the fund', async () => {
    const paid = await transfer(cookies.secretary, {
      from: team.id,
      to: people[2]!.id,
      minutes: 30,
      memo: '录错了',
    });
    const paidId = paid.body(createdSchema).id;
    const reversed = await env.inject('POST', `/api/timebank/transfers/${paidId}/reverse`, {
      cookie: cookies.secretary,
      body: { memo: '更正' },
    });
    expect(reversed.status).toBe(201);
    const reversedId = reversed.body(createdSchema).id;
    expect(await balance(people[2]!.id)).toBe(60);
    const twice = await env.inject('POST', `/api/timebank/transfers/${paidId}/reverse`, {
      cookie: cookies.secretary,
      body: {},
    });
    expect(twice.error.code).toBe('timebank.already_reversed');
    const ofReversal = await env.inject('POST', `/api/timebank/transfers/${reversedId}/reverse`, {
      cookie: cookies.secretary,
      body: {},
    });
    expect(ofReversal.error.code).toBe('timebank.not_reversible');
    const hidden = await env.inject('POST', `/api/timebank/transfers/${paidId}/reverse`, {
      cookie: cookies.nearby,
      body: {},
    });
    expect(hidden.status).toBe(404);

    const toFund = await env.inject('POST', '/api/timebank/donations', {
      cookie: cookies.secretary,
      body: { from: people[3]!.id, minutes: 15, memo: '爱心传递' },
    });
    expect(toFund.status).toBe(201);
    const toPerson = await env.inject('POST', '/api/timebank/donations', {
      cookie: cookies.secretary,
      body: { from: people[3]!.id, to: people[2]!.id, minutes: 5 },
    });
    expect(toPerson.status).toBe(201);
    expect(await balance(people[3]!.id)).toBe(40);
    const fund = await env.database.db
      .selectFrom('timebank_accounts')
      .select(['id', 'balance_minutes'])
      .where('owner_key', '=', `fund:${QINGNIAN}`)
      .executeTakeFirstOrThrow();
    expect(Number(fund.balance_minutes)).toBe(15);
    const system = await transfer(cookies.secretary, { from: fund.id, to: people[0]!.id, minutes: 1 });
    expect(system.status).toBe(201);
    const rows = await env.database.db
      .selectFrom('timebank_ledger')
      .select('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await expect(
      env.database.db.updateTable('timebank_ledger').set({ minutes: 0 }).where('id', '=', rows.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      env.database.db.deleteFrom('timebank_ledger').where('id', '=', rows.id).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('keeps every balance equal to the sum of its rows, and the ledger summing to zero', async () => {
    const check = await ledgerCheck(env);
    expect(check).toEqual({ total: 0, mismatched: [], outOfBounds: [], unpaired: 0 });
  });
});
