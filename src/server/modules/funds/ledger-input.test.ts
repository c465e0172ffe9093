import { beforeAll, expect, it } from 'vitest';
import type { Organization } from '../../db/tables.js';
import { DISTRICT, describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { createMember, createResidents } from '../member-workflows/testing.js';
import { beijingToday, ledgerOf, twoLines } from './testing.js';

const _DAOLI_COMMUNITY = '230102001002';

describeEachDialect('fund ledger: bad input on every form', (env) => {
  let maker = '';
  let checker = { cookie: '', id: '' };
  let _other = '';
  let admin = '';
  let org: Organization;
  let accounts: Record<string, string> = {};
  let neighbour: { org: Organization; accounts: Record<string, string> };
  const members: string[] = [];
  const today = () => beijingToday(env);
  const vouchers = () => env.countRows('fund_vouchers');

  beforeAll(async () => {
    admin = await env.loginAdmin();
    maker = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    checker = await env.loginAs({ role: 'secretary', regionCode: QINGNIAN });
    _other = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
    ({ org, accounts } = await ledgerOf(env, maker, { regionCode: QINGNIAN, name: '青年社区党委' }));
    neighbour = await ledgerOf(env, admin, { regionCode: SHANGHAI_XINCUN, name: '上海新村社区党委' });
    const { people } = await createResidents(env, QINGNIAN, 3);
    for (const person of people)
      members.push((await createMember(env, { organization: org, personId: person.id })).id);
  }, 120_000);

  it('refuses bad input on every form by field, writing nothing', async () => {
    const post = (url: string, body: unknown) => env.inject('POST', url, { cookie: maker, body });
    const fields = async (url: string, body: unknown) => {
      const r = await post(url, body);
      expect(r.status, JSON.stringify(r.json)).toBe(400);
      return r.error.fields?.map((f) => f.path);
    };
    const url = `/api/organizations/${org.id}/fund-vouchers`;
    const good = twoLines(accounts, '1002', '4101', 10_000, { date: today() });
    expect(await fields(url, { ...good, lines: [good.lines[0]] })).toEqual(['lines']);
    expect(await fields(url, { ...good, date: '2026-02-30' })).toEqual(['date']);
    expect(await fields(url, { ...good, date: '2999-01-01' })).toEqual(['date']);
    expect(await fields(url, { ...good, summary: ' ' })).toEqual(['summary']);
    expect(await fields(url, { ...good, kind: 'gift' })).toEqual(['kind']);
    expect(await fields(url, twoLines(accounts, '1002', '4101', -5, { date: today() }))).toEqual([
      'lines.0.debitFen',
      'lines.1.creditFen',
    ]);
    expect(await fields(url, twoLines(accounts, '1002', '4101', 1.5, { date: today() }))).toContain(
      'lines.0.debitFen',
    );
    const unbalanced = { ...good, lines: [good.lines[0], { ...good.lines[1], creditFen: 9_999 }] };
    const refused = await post(url, unbalanced);
    expect(refused.error.fields).toEqual([
      { path: 'lines', message: '借贷不平衡：借方合计 100.00 元，贷方合计 99.99 元' },
    ]);
    const bothSides = { ...good, lines: [{ ...good.lines[0], creditFen: 10_000 }, good.lines[1]] };
    expect(await fields(url, bothSides)).toEqual(['lines.0.debitFen']);
    const zero = {
      ...good,
      lines: [
        { ...good.lines[0], debitFen: 0 },
        { ...good.lines[1], creditFen: 0 },
      ],
    };
    expect(await fields(url, zero)).toEqual(['lines.0.debitFen']);
    expect(await fields(url, { ...good, kind: 'spending' })).toEqual(['spendingKind']);
    expect(await fields(url, { ...good, spendingKind: 'award' })).toEqual(['spendingKind']);
    const foreign = twoLines({ ...accounts, '4101': neighbour.accounts['4101']! }, '1002', '4101', 100, {
      date: today(),
    });
    expect(await fields(url, foreign)).toEqual(['lines.1.accountId']);
    const consolation = {
      ...twoLines(accounts, '5102', '1002', 30_000, { date: today() }),
      kind: 'spending',
      spendingKind: 'consolation',
      beneficiaries: [{ memberId: members[0], amountFen: 20_000 }],
    };
    expect(await fields(url, consolation)).toEqual(['beneficiaries']);
    expect(
      await fields(url, {
        ...consolation,
        beneficiaries: [
          { memberId: members[0], amountFen: 30_000 },
          { memberId: members[0], amountFen: 1 },
        ],
      }),
    ).toEqual(['beneficiaries']);
    const accountsUrl = `/api/organizations/${org.id}/fund-accounts`;
    expect(
      await fields(accountsUrl, {
        code: '12',
        name: '专项',
        type: 'income',
        fund: 'donation',
        restricted: true,
      }),
    ).toEqual(['code']);
    expect(
      await fields(accountsUrl, {
        code: '4105',
        name: '专',
        type: 'income',
        fund: 'donation',
        restricted: true,
      }),
    ).toEqual(['name']);
    expect(
      await fields(accountsUrl, {
        code: '4101',
        name: '重复科目',
        type: 'income',
        fund: 'fiscal',
        restricted: true,
      }),
    ).toEqual(['code']);
    expect(
      await fields('/api/fund-transfers', {
        fromOrganizationId: org.id,
        toOrganizationId: org.id,
        amountFen: 100,
        date: today(),
        summary: '划拨经费',
      }),
    ).toEqual(['toOrganizationId']);
    expect(
      await fields('/api/fund-transfers', {
        fromOrganizationId: org.id,
        toOrganizationId: neighbour.org.id,
        amountFen: 0,
        date: today(),
        summary: '划拨经费',
      }),
    ).toEqual(['amountFen']);
    const threshold = await env.inject('PUT', `/api/districts/${DISTRICT}/fund-settings`, {
      cookie: admin,
      body: { approvalThresholdFen: -1 },
    });
    expect(threshold.error.fields?.map((f) => f.path)).toEqual(['approvalThresholdFen']);
    const close = await env.inject('POST', `/api/organizations/${org.id}/fund-periods/2026-13/close`, {
      cookie: checker.cookie,
    });
    expect(close.status).toBe(400);
    const statement = await env.inject(
      'GET',
      `/api/organizations/${org.id}/fund-statement?from=2026-05&to=2026-01`,
      { cookie: maker },
    );
    expect(statement.error.fields?.map((f) => f.path)).toEqual(['querystring.from']);
    const report = await env.inject('GET', `/api/organizations/${org.id}/fund-report.xlsx?year=1999`, {
      cookie: maker,
    });
    expect(report.status).toBe(400);
    const base = await env.inject('PUT', `/api/districts/${DISTRICT}/fund-settings`, {
      cookie: maker,
      body: { approvalThresholdFen: 5 },
    });
    expect(base.status).toBe(403); // a community secretary does not set the district's threshold
    expect(await vouchers()).toBe(0);
  });
});
