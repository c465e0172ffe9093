import { beforeAll, expect, it } from 'vitest';
import { postSchema, rankingSchema } from '../../../shared/api/timebank.js';
import { beijingMonth } from '../../../shared/beijing-time.js';
import { DISTRICT, describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { newPhone, residentLogin } from '../portal/testing.js';
import { creditConfirmedMinutes } from './credit.js';
import { maskedName, organizationAccount, personAccounts } from './testing.js';
import type { TimebankAccount } from './timebank.tables.js';

describeEachDialect('time bank: rankings of volunteers by hours and by minutes earned', (env) => {
  let people: TimebankAccount[] = [];
  let neighbour: TimebankAccount;
  let month = '';
  const cookies = { admin: '', secretary: '', auditor: '', member: '', resident: '' };

  const rankings = (cookie: string, query: string, headers: Record<string, string> = {}) =>
    env.inject('GET', `/api/timebank/rankings?${query}`, { cookie, headers });
  const period = () => `from=${month}&to=${month}`;
  const credit = async (team: TimebankAccount, to: TimebankAccount, minutes: number, ref: string) =>
    env.database.db.transaction().execute((trx) =>
      creditConfirmedMinutes(trx, {
        teamAccount: team.id,
        volunteerAccount: to.id,
        minutes,
        ref,
        at: env.now().toISOString(),
      }),
    );

  beforeAll(async () => {
    people = await personAccounts(env, QINGNIAN, 3);
    neighbour = (await personAccounts(env, SHANGHAI_XINCUN, 1))[0]!;
    const team = await organizationAccount(env, QINGNIAN, '青年社区志愿服务队');
    const far = await organizationAccount(env, SHANGHAI_XINCUN, '上海新村志愿服务队');
    month = beijingMonth(env.now().toISOString());
    cookies.admin = await env.loginAdmin();
    cookies.secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    cookies.auditor = (await env.loginAs({ role: 'auditor', regionCode: QINGNIAN })).cookie;
    cookies.member = (await env.loginAs({ role: 'member', regionCode: QINGNIAN })).cookie;
    cookies.resident = await residentLogin(env, newPhone());
    const [a, b, c] = people as [TimebankAccount, TimebankAccount, TimebankAccount];
    // Hours: a 120 + 60, b 180 (a tie), the neighbour 500 in another community.
    await credit(team, a, 120, 'rank:a1');
    await credit(team, a, 60, 'rank:a2');
    await credit(team, b, 180, 'rank:b1');
    await credit(far, neighbour, 500, 'rank:n1');
    // c earns 200 minutes helping a on the board, with no volunteer hours.
    const posted = await env.inject('POST', '/api/timebank/posts', {
      cookie: cookies.secretary,
      body: {
        kind: 'request',
        category: 'repair',
        title: '修水龙头',
        minutes: 200,
        accountId: a.id,
        expiresAt: new Date(env.now().getTime() + 86_400_000).toISOString(),
      },
    });
    const id = posted.body(postSchema).id;
    const url = `/api/timebank/posts/${id}`;
    expect(
      (await env.inject('POST', `${url}/accept`, { cookie: cookies.secretary, body: { accountId: c.id } }))
        .status,
    ).toBe(200);
    expect((await env.inject('POST', `${url}/confirm`, { cookie: cookies.secretary })).status).toBe(200);
  });

  it('refuses bad input per field, in both languages', async () => {
    const cases: [string, string, string][] = [
      [`region=abc&${period()}`, 'querystring.region', '区域代码应为 6–17 位数字'],
      [`region=${QINGNIAN}&from=2026-13&to=${month}`, 'querystring.from', '月份格式应为 YYYY-MM'],
      [`region=${QINGNIAN}&from=${month}&to=26-01`, 'querystring.to', '月份格式应为 YYYY-MM'],
      [`region=${QINGNIAN}&from=2026-05&to=2026-04`, 'querystring.to', '结束月份不能早于开始月份'],
      [`region=${QINGNIAN}&from=2020-01&to=2026-12`, 'querystring.from', '统计期最长 36 个月'],
      [`region=${QINGNIAN}&${period()}&limit=0`, 'querystring.limit', '名次数应为 1 到 100 的整数'],
      [`region=${QINGNIAN}&${period()}&limit=101`, 'querystring.limit', '名次数应为 1 到 100 的整数'],
      [`region=${QINGNIAN}&${period()}&limit=x`, 'querystring.limit', '名次数应为 1 到 100 的整数'],
    ];
    for (const [query, path, message] of cases) {
      const response = await rankings(cookies.secretary, query);
      expect(response.status, query).toBe(400);
      expect(response.error.fields, query).toEqual([{ path, message }]);
    }
    const badOrder = await rankings(cookies.secretary, `region=${QINGNIAN}&${period()}&by=age`);
    expect(badOrder.error.fields?.[0]?.path).toBe('querystring.by');
    const missing = await rankings(cookies.secretary, `region=${QINGNIAN}`);
    expect(missing.error.fields?.map((field) => field.path)).toEqual(['querystring.from', 'querystring.to']);
    const english = await rankings(cookies.secretary, `region=${QINGNIAN}&from=2026-05&to=2026-04`, {
      'accept-language': 'en',
    });
    expect(english.error.fields).toEqual([
      { path: 'querystring.to', message: 'must not be before the first month' },
    ]);
  });

  it('is 404 for a region outside the scope, 403 without timebank.read, 401 to a resident', async () => {
    const outside = await rankings(cookies.secretary, `region=${SHANGHAI_XINCUN}&${period()}`);
    expect(outside.status).toBe(404);
    expect(outside.error.code).toBe('region.not_found');
    expect((await rankings(cookies.member, `region=${QINGNIAN}&${period()}`)).status).toBe(403);
    expect((await rankings(cookies.resident, `region=${QINGNIAN}&${period()}`)).status).toBe(401);
  });

  it('ranks by hours with ties sharing a place, and nobody from outside the region', async () => {
    const [a, b] = people as [TimebankAccount, TimebankAccount];
    const ranking = (await rankings(cookies.secretary, `region=${QINGNIAN}&${period()}`)).body(rankingSchema);
    expect(ranking).toMatchObject({ region: QINGNIAN, from: month, to: month, by: 'hours' });
    const expected = [a, b]
      .sort((x, y) => (x.id < y.id ? -1 : 1))
      .map((account) => ({
        rank: 1,
        accountId: account.id,
        name: account.owner_name,
        masked: false,
        serviceMinutes: 180,
        earnedMinutes: 180,
      }));
    expect(ranking.items).toMatchObject(expected);
    expect(ranking.items.map((item) => item.accountId)).not.toContain(neighbour.id);
    const one = (await rankings(cookies.secretary, `region=${QINGNIAN}&${period()}&limit=1`)).body(
      rankingSchema,
    );
    expect(one.items).toHaveLength(1);
  });

  it('ranks by all minutes earned helping, the board’s help included', async () => {
    const [a, b, c] = people as [TimebankAccount, TimebankAccount, TimebankAccount];
    const ranking = (await rankings(cookies.secretary, `region=${QINGNIAN}&${period()}&by=minutes`)).body(
      rankingSchema,
    );
    expect(
      ranking.items.map((item) => [item.rank, item.accountId, item.earnedMinutes, item.serviceMinutes]),
    ).toEqual([
      [1, c.id, 200, 0],
      ...[a, b].sort((x, y) => (x.id < y.id ? -1 : 1)).map((account) => [2, account.id, 180, 180]),
    ]);
  });

  it('masks names for a reader of the time bank who may not read the register', async () => {
    const ranking = (await rankings(cookies.auditor, `region=${QINGNIAN}&${period()}`)).body(rankingSchema);
    expect(ranking.items).toHaveLength(2);
    for (const item of ranking.items) {
      const owner = people.find((p) => p.id === item.accountId)!;
      expect(item.masked).toBe(true);
      expect(item.name).toBe(maskedName(owner.owner_name));
      expect(item.name).not.toBe(owner.owner_name);
    }
  });

  it('covers the whole district for its administrator, and an empty period is an empty list', async () => {
    const district = (await rankings(cookies.admin, `region=${DISTRICT}&${period()}`)).body(rankingSchema);
    expect(district.items[0]).toMatchObject({ rank: 1, accountId: neighbour.id, serviceMinutes: 500 });
    expect(district.items).toHaveLength(3);
    const earlier = `${Number(month.slice(0, 4)) - 1}-${month.slice(5)}`;
    const empty = (await rankings(cookies.admin, `region=${DISTRICT}&from=${earlier}&to=${earlier}`)).body(
      rankingSchema,
    );
    expect(empty.items).toEqual([]);
  });
});
