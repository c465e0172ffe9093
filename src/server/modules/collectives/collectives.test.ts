import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import {
  collectiveDetailSchema,
  collectivePageSchema,
  dividendRunSchema,
  payoutPageSchema,
  shareholderPageSchema,
} from '../../../shared/api/collectives.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { type CollectiveWorld, collectiveWorld, makeCollective } from './testing.js';

describeEachDialect('collectives: shareholders, income, dividend runs approved by a second person', (env) => {
  let world: CollectiveWorld;
  let other: CollectiveWorld;
  let id = '';

  beforeAll(async () => {
    world = await collectiveWorld(env, QINGNIAN, 5);
    other = await collectiveWorld(env, SHANGHAI_XINCUN, 2);
  });

  it('refuses bad input on every collective form, naming each field, and writes nothing', async () => {
    const cookie = world.drafter.cookie;
    const create: [Record<string, unknown>, string][] = [
      [{ regionCode: 'abc' }, 'regionCode'],
      [{ name: 'x' }, 'name'],
      [{ retentionBp: 10_001 }, 'retentionBp'],
      [{ retentionBp: 10.5 }, 'retentionBp'],
      [{ retentionBp: '1000' }, 'retentionBp'],
    ];
    create.push([{ regionCode: world.gridCode }, 'regionCode']);
    for (const [override, field] of create) {
      const r = await env.inject('POST', '/api/collectives', {
        cookie,
        body: { regionCode: QINGNIAN, name: '合作社', retentionBp: 1000, ...override },
      });
      expect(r.status, field).toBe(400);
      expect(r.error.fields?.map((f) => f.path)).toContain(field);
    }
    const nowhere = await env.inject('POST', '/api/collectives', {
      cookie,
      body: { regionCode: `${QINGNIAN}999`, name: '合作社', retentionBp: 1000 },
    });
    expect(nowhere.status).toBe(404);
    expect(await env.countRows('collectives')).toBe(0);
    const english = await env.inject('POST', '/api/collectives', {
      cookie,
      body: { regionCode: QINGNIAN, name: '合作社', retentionBp: -1 },
      headers: { 'accept-language': 'en' },
    });
    expect(english.error.fields?.[0]?.message).toBe(
      'must be a whole number of basis points, 0–10000 (10% = 1000)',
    );

    id = await makeCollective(env, cookie, QINGNIAN);
    const taken = await env.inject('POST', '/api/collectives', {
      cookie,
      body: { regionCode: QINGNIAN, name: '第二个合作社', retentionBp: 1000 },
    });
    expect(taken.error.fields).toEqual([{ path: 'regionCode', message: '该村（社区）已有集体经济组织' }]);

    const person = world.people[0]!.id;
    const forms: [string, Record<string, unknown>, string][] = [
      ['shareholders', { personId: person, shares: 0 }, 'shares'],
      ['shareholders', { personId: person, shares: 2.5 }, 'shares'],
      ['shareholders', { personId: 'nobody', shares: 1 }, 'personId'],
      ['shareholders', { personId: other.people[0]!.id, shares: 1 }, 'personId'],
      ['incomes', { year: 2026, amountFen: 0, source: '租金', receivedOn: '2026-03-01' }, 'amountFen'],
      ['incomes', { year: 2026, amountFen: 1.5, source: '租金', receivedOn: '2026-03-01' }, 'amountFen'],
      ['incomes', { year: 1999, amountFen: 100, source: '租金', receivedOn: '1999-03-01' }, 'year'],
      ['incomes', { year: 2026, amountFen: 100, source: '', receivedOn: '2026-03-01' }, 'source'],
      ['incomes', { year: 2026, amountFen: 100, source: '租金', receivedOn: '2026-02-30' }, 'receivedOn'],
      ['incomes', { year: 2026, amountFen: 100, source: '租金', receivedOn: '2025-12-31' }, 'receivedOn'],
      ['dividend-runs', { year: 'this' }, 'year'],
    ];
    for (const [path, body, field] of forms) {
      const r = await env.inject('POST', `/api/collectives/${id}/${path}`, { cookie, body });
      expect(r.status, `${path} ${field}`).toBe(400);
      expect(r.error.fields?.map((f) => f.path)).toContain(field);
    }
    expect(await env.countRows('collective_shareholders')).toBe(0);
    expect(await env.countRows('collective_incomes')).toBe(0);
    const noIncome = await env.inject('POST', `/api/collectives/${id}/dividend-runs`, {
      cookie,
      body: { year: 2026 },
    });
    expect(noIncome.status).toBe(409);
  });

  it('drafts a run that pays every share alike and keeps the fen that cannot be split', async () => {
    const cookie = world.drafter.cookie;
    const [a, b, c] = world.people as unknown as [{ id: string }, { id: string }, { id: string }];
    for (const [personId, shares] of [
      [a.id, 1],
      [b.id, 2],
      [c.id, 4],
      [a.id, 3],
    ] as const) {
      const r = await env.inject('POST', `/api/collectives/${id}/shareholders`, {
        cookie,
        body: { personId, shares },
      });
      expect(r.status).toBe(200);
    }
    for (const amountFen of [1_000_000, 2_345]) {
      const r = await env.inject('POST', `/api/collectives/${id}/incomes`, {
        cookie,
        body: { year: 2026, amountFen, source: '厂房租金', receivedOn: '2026-03-01' },
      });
      expect(r.status).toBe(200);
    }
    const detail = (await env.inject('GET', `/api/collectives/${id}`, { cookie })).body(
      collectiveDetailSchema,
    );
    expect(detail).toMatchObject({ shareholders: 3, totalShares: 9, retentionBp: 1000 });

    const drafted = await env.inject('POST', `/api/collectives/${id}/dividend-runs`, {
      cookie,
      body: { year: 2026 },
    });
    expect(drafted.status).toBe(201);
    const run = drafted.body(dividendRunSchema);
    // Income 1,002,345; 10% kept = 100,234; distributable 902,111 over 9 shares = 100,234 each, 5 fen left.
    expect(run).toMatchObject({
      status: 'draft',
      incomeFen: 1_002_345,
      perShareFen: 100_234,
      paidFen: 902_106,
      remainderFen: 5,
      retainedFen: 100_239,
      totalShares: 9,
    });
    expect(run.paidFen + run.retainedFen).toBe(run.incomeFen);
    const payouts = (
      await env.inject('GET', `/api/dividend-runs/${run.id}/payouts?limit=200`, { cookie })
    ).body(payoutPageSchema);
    expect(payouts.items.map((p) => p.amountFen).sort((x, y) => x - y)).toEqual([200_468, 300_702, 400_936]);
    expect(payouts.items[0]!.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);

    // A later income entry makes the draft stale: it is discarded, and drafted again.
    await env.inject('POST', `/api/collectives/${id}/incomes`, {
      cookie,
      body: { year: 2026, amountFen: 7, source: '利息', receivedOn: '2026-04-01' },
    });
    expect((await env.inject('GET', `/api/dividend-runs/${run.id}`, { cookie })).status).toBe(404);
    const again = await env.inject('POST', `/api/collectives/${id}/dividend-runs`, {
      cookie,
      body: { year: 2026 },
    });
    expect(again.body(dividendRunSchema)).toMatchObject({ incomeFen: 1_002_352, status: 'draft' });
  });

  it('is approved only by someone other than its drafter, and is frozen after', async () => {
    const runs = (await env.inject('GET', `/api/collectives/${id}`, { cookie: world.drafter.cookie })).body(
      collectiveDetailSchema,
    ).runs;
    const runId = runs[0]!.id;
    const self = await env.inject('POST', `/api/dividend-runs/${runId}/approve`, {
      cookie: world.drafter.cookie,
    });
    expect(self.status).toBe(403);
    expect(self.error.message).toBe('分红方案须由起草人以外的另一人审批');
    const approved = await env.inject('POST', `/api/dividend-runs/${runId}/approve`, {
      cookie: world.approver.cookie,
    });
    expect(approved.status).toBe(200);
    expect(approved.body(dividendRunSchema)).toMatchObject({
      status: 'approved',
      approvedBy: expect.any(String),
    });
    const twice = await env.inject('POST', `/api/dividend-runs/${runId}/approve`, {
      cookie: world.drafter.cookie,
    });
    expect(twice.status).toBe(409);
    const redraft = await env.inject('POST', `/api/collectives/${id}/dividend-runs`, {
      cookie: world.approver.cookie,
      body: { year: 2026 },
    });
    expect(redraft.status).toBe(409);
    const income = await env.inject('POST', `/api/collectives/${id}/incomes`, {
      cookie: world.drafter.cookie,
      body: { year: 2026, amountFen: 100, source: '补记', receivedOn: '2026-05-01' },
    });
    expect(income.status).toBe(409);
    expect(income.error.message).toBe('2026 年度的分红已审批，不能再变更');
  });

  it('gives the payout list as Excel, masked, with the totals adding up', async () => {
    const runId = (await env.inject('GET', `/api/collectives/${id}`, { cookie: world.drafter.cookie })).body(
      collectiveDetailSchema,
    ).runs[0]!.id;
    const download = await env.app.inject({
      method: 'GET',
      url: `/api/dividend-runs/${runId}/payouts.xlsx`,
      headers: { cookie: world.drafter.cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(5).value).toBe('分红金额（元）');
    const rows = [2, 3, 4].map((n) => sheet.getRow(n));
    for (const row of rows) expect(String(row.getCell(3).value)).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const paid = rows.reduce((sum, row) => sum + Math.round(Number(row.getCell(5).value) * 100), 0);
    const retained = Math.round(Number(sheet.getRow(7).getCell(5).value) * 100);
    expect(paid + retained).toBe(1_002_352);
    expect(await env.countRows('audit_log')).toBeGreaterThan(0);
  });

  it('answers another community’s collective and runs as not found, and pages its shareholders', async () => {
    const theirs = await makeCollective(env, other.drafter.cookie, SHANGHAI_XINCUN, {
      holdings: [[other.people[0]!.id, 1]],
      income: { year: 2026, fen: 1000 },
    });
    const cookie = world.drafter.cookie;
    expect((await env.inject('GET', `/api/collectives/${theirs}`, { cookie })).status).toBe(404);
    const body = { personId: world.people[0]!.id, shares: 1 };
    expect(
      (await env.inject('POST', `/api/collectives/${theirs}/shareholders`, { cookie, body })).status,
    ).toBe(404);
    expect((await env.inject('GET', `/api/collectives?region=${SHANGHAI_XINCUN}`, { cookie })).status).toBe(
      404,
    );
    const mine = (await env.inject('GET', '/api/collectives', { cookie })).body(collectivePageSchema);
    expect(mine.items.map((c) => c.id)).toEqual([id]);
    const page = (await env.inject('GET', `/api/collectives/${id}/shareholders?limit=2`, { cookie })).body(
      shareholderPageSchema,
    );
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
  });
});
