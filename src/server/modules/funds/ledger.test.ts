import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import {
  accountListSchema,
  disclosureSchema,
  periodListSchema,
  statementSchema,
  transferResultSchema,
  voucherDetailSchema,
  voucherPageSchema,
} from '../../../shared/api/funds.js';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import type { Organization } from '../../db/tables.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { createMember, createOrganization, createResidents } from '../member-workflows/testing.js';
import { importCountyRegions } from '../regions/index.js';
import { LedgerService } from './ledger.service.js';
import { beijingToday, ledgerOf, makeVoucher, monthsAgo, twoLines } from './testing.js';

const DAOLI_COMMUNITY = '230102001002';

describeEachDialect('fund ledger: vouchers, approval, periods, transfers, scope', (env) => {
  let maker = '';
  let checker = { cookie: '', id: '' };
  let other = '';
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
    other = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
    ({ org, accounts } = await ledgerOf(env, maker, { regionCode: QINGNIAN, name: '青年社区党委' }));
    neighbour = await ledgerOf(env, admin, { regionCode: SHANGHAI_XINCUN, name: '上海新村社区党委' });
    const { people } = await createResidents(env, QINGNIAN, 3);
    for (const person of people)
      members.push((await createMember(env, { organization: org, personId: person.id })).id);
  }, 120_000);

  it('posts a voucher up to the threshold at once; above it waits for a second person', async () => {
    const small = await makeVoucher(
      env,
      maker,
      org.id,
      twoLines(accounts, '1002', '4101', 100_000, { date: today() }),
    );
    expect(small).toMatchObject({ status: 'posted', totalFen: 100_000, canApprove: false });
    expect(small.number).toMatch(/^记-\d{6}-0001$/);
    const big = await makeVoucher(env, maker, org.id, {
      ...twoLines(accounts, '5102', '1002', 60_000 * 2 + 1, { date: today() }),
      summary: '春节走访慰问困难党员',
      kind: 'spending',
      spendingKind: 'consolation',
      beneficiaries: [
        { memberId: members[0], amountFen: 60_000 },
        { memberId: members[1], amountFen: 60_001 },
      ],
    });
    expect(big.status).toBe('pending');
    expect(big.canApprove).toBe(false); // its maker
    const own = await env.inject('POST', `/api/fund-vouchers/${big.id}/approve`, { cookie: maker, body: {} });
    expect(own.status).toBe(403);
    expect(own.error.code).toBe('fund.own_voucher');
    const balances = async () =>
      Object.fromEntries(
        (await env.inject('GET', `/api/organizations/${org.id}/fund-accounts`, { cookie: maker }))
          .body(accountListSchema)
          .items.map((a) => [a.code, a.balanceFen]),
      );
    expect((await balances())['1002']).toBe(100_000); // the pending one moved nothing
    const seen = (await env.inject('GET', `/api/fund-vouchers/${big.id}`, { cookie: checker.cookie })).body(
      voucherDetailSchema,
    );
    expect(seen.canApprove).toBe(true);
    const approved = await env.inject('POST', `/api/fund-vouchers/${big.id}/approve`, {
      cookie: checker.cookie,
      body: { note: '同意' },
    });
    expect(approved.body(voucherDetailSchema)).toMatchObject({
      status: 'posted',
      approvedBy: checker.id,
      beneficiaryCount: 2,
    });
    const again = await env.inject('POST', `/api/fund-vouchers/${big.id}/approve`, {
      cookie: checker.cookie,
      body: {},
    });
    expect(again.status).toBe(409);
    expect(await balances()).toMatchObject({ '1002': 100_000 - 120_001, '5102': 120_001, '4101': 100_000 });
    const month = today().slice(0, 7);
    const statement = (
      await env.inject(
        'GET',
        `/api/organizations/${org.id}/fund-statement?from=${month}&to=${month}&account=${accounts['5102']}`,
        { cookie: maker },
      )
    ).body(statementSchema);
    expect(statement.entries).toEqual([
      expect.objectContaining({ voucherId: big.id, debitFen: 120_001, balanceFen: 120_001 }),
    ]);
    const rejectedOne = await makeVoucher(
      env,
      maker,
      org.id,
      twoLines(accounts, '5101', '1002', 200_000, { date: today(), kind: 'spending', spendingKind: 'award' }),
    );
    const reject = await env.inject('POST', `/api/fund-vouchers/${rejectedOne.id}/reject`, {
      cookie: checker.cookie,
      body: { note: '缺少表彰决定' },
    });
    expect(reject.body(voucherDetailSchema).status).toBe('rejected');
    const list = (
      await env.inject('GET', `/api/organizations/${org.id}/fund-vouchers?status=posted`, { cookie: maker })
    ).body(voucherPageSchema);
    expect(list.items.map((v) => v.id)).toEqual([big.id, small.id]);
  });

  it('closes a month: nothing more is posted into it, not even by approval', async () => {
    const last = monthsAgo(env, 1);
    const date = `${last}-15`;
    const waiting = await makeVoucher(
      env,
      maker,
      org.id,
      twoLines(accounts, '1002', '4103', 500_000, { date, kind: 'income' }),
    );
    const close = (cookie: string) =>
      env.inject('POST', `/api/organizations/${org.id}/fund-periods/${last}/close`, { cookie });
    const blocked = await close(checker.cookie);
    expect(blocked.status).toBe(409);
    expect(blocked.error.code).toBe('fund.period_has_pending');
    await env.inject('POST', `/api/fund-vouchers/${waiting.id}/reject`, {
      cookie: checker.cookie,
      body: { note: '重新填制' },
    });
    // Any secretary of the community may close (fund.approve); the maker's own vouchers are settled.
    const closed = (await close(maker)).body(periodListSchema);
    expect(closed.items.find((p) => p.period === last)).toMatchObject({
      closed: true,
      posted: 0,
      pending: 0,
    });
    expect((await close(checker.cookie)).status).toBe(409);
    const before = await vouchers();
    const late = await env.inject('POST', `/api/organizations/${org.id}/fund-vouchers`, {
      cookie: maker,
      body: twoLines(accounts, '1002', '4101', 100, { date }),
    });
    expect(late.status).toBe(409);
    expect(late.error.code).toBe('fund.period_closed');
    expect(await vouchers()).toBe(before);
    const current = today().slice(0, 7);
    expect(
      (
        await env.inject('POST', `/api/organizations/${org.id}/fund-periods/${current}/close`, {
          cookie: checker.cookie,
        })
      ).error.code,
    ).toBe('fund.period_future');
  });

  it('transfers between organizations post both sides at once, or neither', async () => {
    const made = await env.inject('POST', '/api/fund-transfers', {
      cookie: admin,
      body: {
        fromOrganizationId: neighbour.org.id,
        toOrganizationId: org.id,
        amountFen: 50_000,
        date: today(),
        summary: '下拨党建经费',
      },
    });
    const result = made.body(transferResultSchema);
    expect(result.vouchers.map((v) => [v.organizationId, v.status, v.totalFen])).toEqual([
      [neighbour.org.id, 'posted', 50_000],
      [org.id, 'posted', 50_000],
    ]);
    // Into a closed month of the receiver: refused whole, the payer's side is not written either.
    const before = await vouchers();
    const refused = await env.inject('POST', '/api/fund-transfers', {
      cookie: admin,
      body: {
        fromOrganizationId: neighbour.org.id,
        toOrganizationId: org.id,
        amountFen: 100,
        date: `${monthsAgo(env, 1)}-20`,
        summary: '补拨经费',
      },
    });
    expect(refused.status).toBe(409);
    expect(await vouchers()).toBe(before);
    // Above the threshold both wait; one approval posts both.
    const big = (
      await env.inject('POST', '/api/fund-transfers', {
        cookie: admin,
        body: {
          fromOrganizationId: neighbour.org.id,
          toOrganizationId: org.id,
          amountFen: 300_000,
          date: today(),
          summary: '下拨慰问经费',
        },
      })
    ).body(transferResultSchema);
    expect(big.vouchers.map((v) => v.status)).toEqual(['pending', 'pending']);
    const approve = await env.inject('POST', `/api/fund-vouchers/${big.vouchers[1]!.id}/approve`, {
      cookie: checker.cookie,
      body: {},
    });
    expect(approve.body(voucherDetailSchema).status).toBe('posted');
    // A secretary of the neighbouring community cannot pay into this community's ledger: for them
    // it does not exist, whatever state its books are in (no "month closed" or "not open").
    const beforeOutside = await vouchers();
    for (const date of [today(), `${monthsAgo(env, 1)}-20`]) {
      const outside = await env.inject('POST', '/api/fund-transfers', {
        cookie: other,
        body: {
          fromOrganizationId: neighbour.org.id,
          toOrganizationId: org.id,
          amountFen: 100,
          date,
          summary: '拨付邻近社区',
        },
      });
      expect([outside.status, outside.error.code]).toEqual([404, 'fund.organization_not_found']);
    }
    expect(await vouchers()).toBe(beforeOutside);
    const payer = (
      await env.inject('GET', `/api/fund-vouchers/${big.vouchers[0]!.id}`, { cookie: admin })
    ).body(voucherDetailSchema);
    expect(payer.status).toBe('posted');
  });

  it('answers 404 for another community’s ledger and another district’s', async () => {
    const outside = [
      ['GET', `/api/organizations/${org.id}/fund-accounts`],
      ['GET', `/api/organizations/${org.id}/fund-vouchers`],
      ['GET', `/api/organizations/${org.id}/fund-periods`],
      ['POST', `/api/organizations/${org.id}/fund-ledger`],
    ] as const;
    for (const [method, url] of outside)
      expect((await env.inject(method, url, { cookie: other })).status).toBe(404);
    const voucher = (
      await env.inject('GET', `/api/organizations/${org.id}/fund-vouchers`, { cookie: maker })
    ).body(voucherPageSchema).items[0]!;
    expect((await env.inject('GET', `/api/fund-vouchers/${voucher.id}`, { cookie: other })).status).toBe(404);
    // Another district's organization, its ledger opened by its own district.
    await importCountyRegions(env.ctx, '230102', SYSTEM_ACTOR);
    const daoliOrg = await createOrganization(env, { regionCode: DAOLI_COMMUNITY, name: '道里区某社区党委' });
    await new LedgerService(env.ctx).open(new Scope(['230102'], env.dialect), daoliOrg.id, SYSTEM_ACTOR);
    const daoli = { org: daoliOrg };
    expect(
      (await env.inject('GET', `/api/organizations/${daoli.org.id}/fund-accounts`, { cookie: admin })).status,
    ).toBe(404);
    const across = await env.inject('POST', '/api/fund-transfers', {
      cookie: admin,
      body: {
        fromOrganizationId: org.id,
        toOrganizationId: daoli.org.id,
        amountFen: 100,
        date: today(),
        summary: '跨区划拨',
      },
    });
    expect(across.status).toBe(404);
  });

  it('shows the public what came in and went out, with no names, and writes the annual workbook', async () => {
    const year = Number(today().slice(0, 4));
    const shown = await env.inject('GET', `/api/public/organizations/${org.id}/fund-disclosure?year=${year}`);
    const disclosure = shown.body(disclosureSchema);
    expect(disclosure.consoledMembers).toBe(2);
    expect(disclosure.spendingByKind.find((k) => k.kind === 'consolation')?.amountFen).toBe(120_001);
    expect(disclosure.incomeByFund.find((f) => f.fund === 'general')?.amountFen).toBe(350_000);
    const names = await env.database.db
      .selectFrom('persons')
      .select('name')
      .where('region_code', 'like', `${QINGNIAN}%`)
      .execute();
    for (const { name } of names) expect(shown.raw.body).not.toContain(name);
    const report = await env.inject('GET', `/api/organizations/${org.id}/fund-report.xlsx?year=${year}`, {
      cookie: maker,
    });
    expect(report.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.raw.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '科目余额表',
      '月度收支',
      '支出分类',
      '凭证清单',
    ]);
    expect(
      (await env.inject('GET', `/api/public/organizations/${members[0]}/fund-disclosure?year=${year}`))
        .status,
    ).toBe(404);
  });
});
