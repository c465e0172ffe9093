import { beforeAll, expect, it } from 'vitest';
import { accountDetailSchema, createdSchema } from '../../../shared/api/timebank.js';
import { beijingMonth } from '../../../shared/beijing-time.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { newPhone, residentLogin } from '../portal/testing.js';
import { monthRange } from './statements.service.js';
import {
  expectFiguresAddUp,
  maskedName,
  organizationAccount,
  pdfText,
  personAccounts,
  readStatementWorkbook,
} from './testing.js';
import type { TimebankAccount } from './timebank.tables.js';

const DAY_MINUTES = 24 * 60;

describeEachDialect('time bank: monthly statements of an account (Excel and PDF)', (env) => {
  let people: TimebankAccount[] = [];
  let neighbour: TimebankAccount;
  let team: TimebankAccount;
  let first = '';
  let second = '';
  const cookies = { admin: '', secretary: '', nearby: '', member: '', resident: '' };

  const login = async () => {
    cookies.admin = await env.loginAdmin();
    cookies.secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    cookies.nearby = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
    cookies.member = (await env.loginAs({ role: 'member', regionCode: QINGNIAN })).cookie;
    cookies.resident = await residentLogin(env, newPhone());
  };
  const post = async (url: string, body: Record<string, unknown>, cookie = cookies.admin) => {
    const response = await env.inject('POST', url, { cookie, body });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    return response.body(createdSchema).id;
  };
  const statement = (cookie: string, id: string, file: string, headers: Record<string, string> = {}) =>
    env.inject('GET', `/api/timebank/accounts/${id}/statements/${file}`, { cookie, headers });
  /** The sum of an account's ledger rows before an instant, straight from the table. */
  const ledgerSumBefore = async (accountId: string, before: string) =>
    (
      await env.database.db
        .selectFrom('timebank_ledger')
        .select(['minutes', 'created_at'])
        .where('account_id', '=', accountId)
        .execute()
    )
      .filter((row) => row.created_at < before)
      .reduce((sum, row) => sum + Number(row.minutes), 0);

  beforeAll(async () => {
    // The first month: accounts open (starter grant), minutes come in, go out, are given away.
    people = await personAccounts(env, QINGNIAN, 2);
    neighbour = (await personAccounts(env, SHANGHAI_XINCUN, 1))[0]!;
    team = await organizationAccount(env, QINGNIAN, '青年社区志愿服务队');
    first = beijingMonth(env.now().toISOString());
    await login();
    const [a, b] = people as [TimebankAccount, TimebankAccount];
    await post('/api/timebank/transfers', { from: team.id, to: a.id, minutes: 30, memo: '=助老服务' });
    const paid = await post('/api/timebank/transfers', {
      from: a.id,
      to: b.id,
      minutes: 10,
      memo: '代买药品',
    });
    await post('/api/timebank/donations', { from: a.id, minutes: 5, memo: '捐给社区' });
    await post('/api/timebank/transfers', { from: a.id, to: neighbour!.id, minutes: 4, memo: '跨社区' });
    // The next month: more minutes, and the payment above corrected by a reversal.
    env.advanceMinutes(31 * DAY_MINUTES);
    second = beijingMonth(env.now().toISOString());
    await login();
    await post('/api/timebank/transfers', { from: team.id, to: a.id, minutes: 7, memo: '扫雪' });
    await post(`/api/timebank/transfers/${paid}/reverse`, { memo: '记错了' });
  }, 120_000);

  it('refuses a month that is not one, or has not begun, naming the field in both languages', async () => {
    const id = people[0]!.id;
    for (const month of ['2026-13', '2026-00', '202612', '2026-1', '0000-01', '1999-12', 'x']) {
      const response = await statement(cookies.secretary, id, `${month}.xlsx`);
      expect(response.status).toBe(400);
      expect(response.error.fields).toEqual([{ path: 'params.month', message: '月份格式应为 YYYY-MM' }]);
    }
    const english = await statement(cookies.secretary, id, '2026-13.pdf', { 'accept-language': 'en' });
    expect(english.error.fields).toEqual([{ path: 'params.month', message: 'must be a month as YYYY-MM' }]);
    const future = await statement(cookies.secretary, id, '2999-01.pdf');
    expect(future.status).toBe(400);
    expect(future.error.fields).toEqual([{ path: 'params.month', message: '该月份尚未开始' }]);
    const badId = await statement(cookies.secretary, 'not-an-id', `${first}.xlsx`);
    expect(badId.status).toBe(400);
    expect(badId.error.fields?.[0]?.path).toBe('params.id');
  });

  it('is 404 outside the scope, 403 without timebank.read and 401 to a resident', async () => {
    const outside = await statement(cookies.secretary, neighbour.id, `${first}.xlsx`);
    expect(outside.status).toBe(404);
    expect(outside.error.code).toBe('timebank.account_not_found');
    const unknown = await statement(
      cookies.secretary,
      '0190a0b0-0000-7000-8000-000000000000',
      `${first}.pdf`,
    );
    expect(unknown.status).toBe(404);
    expect((await statement(cookies.member, people[0]!.id, `${first}.xlsx`)).status).toBe(403);
    expect((await statement(cookies.resident, people[0]!.id, `${first}.xlsx`)).status).toBe(401);
    expect((await statement(cookies.nearby, neighbour.id, `${first}.xlsx`)).status).toBe(200);
  });

  it('writes the month’s rows in words with running balances that add up to the balance at its end', async () => {
    const [a, b] = people as [TimebankAccount, TimebankAccount];
    const response = await statement(cookies.secretary, a.id, `${first}.xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(String(response.headers['content-disposition'])).toContain(`statement-${first}.xlsx`);
    const sheet = await readStatementWorkbook(response.raw.rawPayload);
    expect(sheet.sheets).toEqual(['摘要', '明细']);
    expect(sheet.heading).toEqual(['时间', '类别', '对方', '备注', '收支（分钟）', '余额（分钟）']);
    expect(sheet).toMatchObject({ account: a.owner_name, month: first, opening: 0, closing: 71 });
    expect(sheet.rows.map((row) => [row.kind, row.minutes])).toEqual([
      ['入行赠送', 60],
      ['转账', 30],
      ['转账', -10],
      ['爱心传递', -5],
      ['转账', -4],
    ]);
    expectFiguresAddUp(sheet);
    // The counterparty by name; the neighbour of another community is not the secretary's to know.
    expect(sheet.rows[1]!.counterparty).toBe('青年社区志愿服务队');
    expect(sheet.rows[1]!.memo).toBe("'=助老服务");
    expect(sheet.rows[2]!.counterparty).toBe(b.owner_name);
    expect(sheet.rows[3]!.counterparty).toBe('青年社区爱心基金');
    expect(sheet.rows[4]!.counterparty).toBe(maskedName(neighbour.owner_name));
    const byAdmin = await readStatementWorkbook(
      (await statement(cookies.admin, a.id, `${first}.xlsx`)).raw.rawPayload,
    );
    expect(byAdmin.rows[4]!.counterparty).toBe(neighbour.owner_name);

    // Closing = the ledger's sum at the month's end = the next month's opening.
    const end = monthRange(first).to;
    expect(sheet.closing).toBe(await ledgerSumBefore(a.id, end));
    const next = await readStatementWorkbook(
      (await statement(cookies.secretary, a.id, `${second}.xlsx`)).raw.rawPayload,
    );
    expect(next.opening).toBe(sheet.closing);
    expect(next.rows.map((row) => [row.kind, row.minutes])).toEqual([
      ['转账', 7],
      ['冲正', 10],
    ]);
    expectFiguresAddUp(next);
    // The month still running closes at today's balance.
    const detail = (
      await env.inject('GET', `/api/timebank/accounts/${a.id}`, { cookie: cookies.secretary })
    ).body(accountDetailSchema);
    expect(next.closing).toBe(detail.balanceMinutes);
    expect(detail.ledger.map((row) => row.kind)).toContain('reversal');
    expect(detail.ledger.find((row) => row.kind === 'donation')?.counterpartName).toBe('青年社区爱心基金');
  });

  it('writes the same figures as a PDF with the Chinese text embedded, and in English on request', async () => {
    const a = people[0]!;
    const response = await statement(cookies.secretary, a.id, `${first}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(response.raw.rawPayload);
    expect(text).toContain('爱心银行对账单');
    expect(text).toContain(`账户：${a.owner_name}`);
    expect(text).toContain(`对账月份：${first.slice(0, 4)}年${first.slice(5)}月`);
    expect(text).toContain('期初余额：0分钟');
    expect(text).toContain('本月收入：90分钟');
    expect(text).toContain('本月支出：19分钟');
    expect(text).toContain('期末余额：71分钟');
    expect(text).toContain('共5笔');
    for (const cell of ['入行赠送', '+60', '+30', '-10', '爱心传递', '-5']) expect(text).toContain(cell);

    const english = await statement(cookies.secretary, a.id, `${second}.pdf`, { 'accept-language': 'en' });
    const englishText = await pdfText(english.raw.rawPayload);
    expect(englishText).toContain('Time-bankstatement');
    expect(englishText).toContain('Openingbalance:71minutes');
    expect(englishText).toContain('Closingbalance:88minutes');
    expect(englishText).toContain('Reversal');
  });

  it('writes an empty month as opening = closing with no rows', async () => {
    const earlier = `${Number(first.slice(0, 4)) - 1}-${first.slice(5)}`;
    const sheet = await readStatementWorkbook(
      (await statement(cookies.secretary, people[1]!.id, `${earlier}.xlsx`)).raw.rawPayload,
    );
    expect(sheet).toMatchObject({ opening: 0, closing: 0, credits: 0, debits: 0, rows: [] });
    const text = await pdfText(
      (await statement(cookies.secretary, people[1]!.id, `${earlier}.pdf`)).raw.rawPayload,
    );
    expect(text).toContain('本月无收支');
  });
});
