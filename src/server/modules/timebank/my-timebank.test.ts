import { beforeAll, expect, it } from 'vitest';
import { myTimebankSchema } from '../../../shared/api/timebank.js';
import { beijingMonth } from '../../../shared/beijing-time.js';
import { describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { createOrganization, createResidents, memberWithLogin } from '../member-workflows/testing.js';
import { newPhone, residentLogin } from '../portal/testing.js';
import {
  expectFiguresAddUp,
  maskedName,
  organizationAccount,
  pdfText,
  personAccounts,
  readStatementWorkbook,
} from './testing.js';
import type { TimebankAccount } from './timebank.tables.js';

/**
 * A member's own time bank (`/api/me/timebank`): the account of the register person their login is
 * linked to, never anybody else's, with statements of it; no account, no statement.
 */
describeEachDialect('time bank: a member’s own account and statements', (env) => {
  let own: TimebankAccount;
  let other: TimebankAccount;
  let month = '';
  const cookies = { member: '', otherMember: '', unopened: '', secretary: '', resident: '', admin: '' };

  const mine = (cookie: string) => env.inject('GET', '/api/me/timebank', { cookie });
  const statement = (cookie: string, file: string) =>
    env.inject('GET', `/api/me/timebank/statements/${file}`, { cookie });

  beforeAll(async () => {
    [own, other] = (await personAccounts(env, QINGNIAN, 2)) as [TimebankAccount, TimebankAccount];
    const team = await organizationAccount(env, QINGNIAN, '青年社区志愿服务队');
    const branch = await createOrganization(env, { regionCode: QINGNIAN, name: '青年社区第一党支部' });
    cookies.member = (await memberWithLogin(env, { organization: branch, personId: own.owner_id! })).cookie;
    cookies.otherMember = (
      await memberWithLogin(env, { organization: branch, personId: other.owner_id! })
    ).cookie;
    const { people } = await createResidents(env, QINGNIAN, 1);
    cookies.unopened = (await memberWithLogin(env, { organization: branch, personId: people[0]!.id })).cookie;
    cookies.secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    cookies.resident = await residentLogin(env, newPhone());
    cookies.admin = await env.loginAdmin();
    month = beijingMonth(env.now().toISOString());
    for (const body of [
      { from: team.id, to: own.id, minutes: 90, memo: '敬老院陪护' },
      { from: other.id, to: own.id, minutes: 15, memo: '谢谢帮忙' },
      { from: own.id, to: team.id, minutes: 20, memo: '转回服务队' },
    ]) {
      const response = await env.inject('POST', '/api/timebank/transfers', { cookie: cookies.admin, body });
      expect(response.status).toBe(201);
    }
  });

  it('shows the member their own account, with other people’s names masked', async () => {
    const page = (await mine(cookies.member)).body(myTimebankSchema);
    expect(page.account).toMatchObject({
      id: own.id,
      ownerKind: 'person',
      balanceMinutes: 60 + 90 + 15 - 20,
    });
    expect(page.ledger.map((row) => [row.kind, row.minutes])).toEqual([
      ['transfer', -20],
      ['transfer', 15],
      ['transfer', 90],
      ['grant', 60],
    ]);
    expect(page.ledger[1]!.counterpartName).toBe(maskedName(other.owner_name));
    expect(page.ledger[2]!.counterpartName).toBe('青年社区志愿服务队');
    const theirs = (await mine(cookies.otherMember)).body(myTimebankSchema);
    expect(theirs.account?.id).toBe(other.id);
  });

  it('answers no account for a member whose minutes have not begun, and for staff who are no member', async () => {
    expect((await mine(cookies.unopened)).body(myTimebankSchema)).toEqual({ account: null, ledger: [] });
    expect((await mine(cookies.secretary)).body(myTimebankSchema)).toEqual({ account: null, ledger: [] });
    const none = await statement(cookies.unopened, `${month}.xlsx`);
    expect(none.status).toBe(404);
    expect(none.error).toMatchObject({ code: 'timebank.no_own_account', message: '您还没有爱心银行账户' });
  });

  it('refuses a resident’s session (401) and a bad month, naming the field', async () => {
    expect((await mine(cookies.resident)).status).toBe(401);
    expect((await statement(cookies.resident, `${month}.pdf`)).status).toBe(401);
    const bad = await statement(cookies.member, '2026-13.xlsx');
    expect(bad.status).toBe(400);
    expect(bad.error.fields).toEqual([{ path: 'params.month', message: '月份格式应为 YYYY-MM' }]);
    const future = await statement(cookies.member, '2999-12.pdf');
    expect(future.error.fields).toEqual([{ path: 'params.month', message: '该月份尚未开始' }]);
  });

  it('writes the member’s own statement, whose figures add up to their balance', async () => {
    const sheet = await readStatementWorkbook(
      (await statement(cookies.member, `${month}.xlsx`)).raw.rawPayload,
    );
    expect(sheet).toMatchObject({ account: own.owner_name, month, opening: 0, closing: 145 });
    expectFiguresAddUp(sheet);
    expect(sheet.rows.map((row) => row.counterparty)).toContain(maskedName(other.owner_name));
    const pdf = await statement(cookies.member, `${month}.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.raw.rawPayload);
    expect(text).toContain('期末余额：145分钟');
    expect(text).not.toContain(other.owner_name);
  });
});
