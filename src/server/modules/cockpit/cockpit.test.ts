import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import { cockpitSchema } from '../../../shared/api/cockpit.js';
import { workOrderSchema } from '../../../shared/api/work-orders.js';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { DomainError } from '../../http/errors.js';
import { DISTRICT, describeEachDialect, QINGNIAN, XINGJIAN_STREET } from '../../testing/test-env.js';
import { importCountyRegions } from '../regions/index.js';
import { UsersService } from '../users/index.js';
import { sweepOverdue, WorkOrdersService } from '../work-orders/index.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from '../work-orders/testing.js';
import { INDICATORS } from './indicators.js';
import { reportFont } from './report-font.js';
import { beijingMonth } from './rollups.js';

const DAY_MINUTES = 24 * 60;
const NANGANG = '230103';

describe('the report font', () => {
  it('is a clear 503 when the configured font does not exist', () => {
    expect(() => reportFont('/nonexistent/font.ttc#Nope')).toThrowError(DomainError);
    try {
      reportFont('/nonexistent/font.ttc');
    } catch (error) {
      expect((error as DomainError).status).toBe(503);
      expect((error as DomainError).code).toBe('cockpit.pdf_font_missing');
    }
  });
});

describeEachDialect('the cockpit: scope, views, Excel and PDF', (env) => {
  let world: WorkOrderWorld;
  /** Sessions taken after the clock moved (sessions idle out). */
  let admin: string;
  let secretary: string;
  let worker: string;
  let overdueNumber: string;

  beforeAll(async () => {
    world = await workOrderWorld(env);
    const create = async () =>
      (
        await env.inject('POST', '/api/work-orders', {
          cookie: world.operator.cookie,
          body: elderlyCareOrder(world),
        })
      ).body(workOrderSchema);
    const answered = await create();
    await env.inject('POST', `/api/work-orders/${answered.id}/actions`, {
      cookie: world.operator.cookie,
      body: { action: 'answer', note: '已电话答复' },
    });
    await env.inject('POST', `/api/work-orders/${answered.id}/actions`, {
      cookie: world.operator.cookie,
      body: { action: 'callback', satisfaction: 'satisfied' },
    });
    overdueNumber = (await create()).number;
    env.advanceMinutes(21 * DAY_MINUTES);
    await sweepOverdue(env.ctx, new WorkOrdersService(env.ctx).actions);
    admin = await env.loginAdmin();
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    worker = (await env.loginAs({ role: 'grid_worker', regionCode: world.gridCode })).cookie;
  });

  const get = (cookie: string, url: string, headers: Record<string, string> = {}) =>
    env.inject('GET', url, { cookie, headers });
  /** The cockpit as the web reads it. */
  const cockpitOf = async (cookie: string, url: string) => (await get(cookie, url)).body(cockpitSchema);

  describe('refuses what it must', () => {
    it('a region code that is not one, naming the field', async () => {
      const response = await get(admin, '/api/cockpit?region=abc');
      expect(response.status).toBe(400);
      expect(response.error.fields?.[0]?.path).toBe('querystring.region');
    });
    it('a window of no months or a month that does not exist', async () => {
      expect((await get(admin, '/api/cockpit?months=0')).status).toBe(400);
      const badMonth = await get(admin, '/api/cockpit?to=2026-13');
      expect(badMonth.status).toBe(400);
      expect(badMonth.error.fields?.[0]).toMatchObject({
        path: 'querystring.to',
        message: '月份格式应为 YYYY-MM',
      });
      const badReport = await get(admin, '/api/cockpit/report.pdf?month=26-1');
      expect(badReport.status).toBe(400);
      expect(badReport.error.fields?.[0]?.path).toBe('querystring.month');
    });
    it('roles without the cockpit: 403', async () => {
      const operator = await env.loginAs({ role: 'hotline_operator', regionCode: DISTRICT });
      expect((await get(operator.cookie, '/api/cockpit')).status).toBe(403);
      const member = await env.loginAs({ role: 'member', regionCode: QINGNIAN });
      expect((await get(member.cookie, '/api/cockpit')).status).toBe(403);
    });
    it('a region outside the scope does not exist: 404 on every route', async () => {
      for (const url of [
        `/api/cockpit?region=${QINGNIAN}`,
        `/api/cockpit?region=${world.otherGrid}`,
        `/api/cockpit/boundaries?region=${QINGNIAN}`,
        `/api/cockpit/export.xlsx?region=${QINGNIAN}`,
        `/api/cockpit/report.pdf?region=${QINGNIAN}`,
      ]) {
        const response = await get(worker, url);
        expect(response.status, url).toBe(404);
        expect(response.error.code).toBe('region.not_found');
      }
      expect((await get(admin, '/api/cockpit?region=230108999')).status).toBe(404);
      // A city view is for a caller over several districts only.
      expect((await get(admin, '/api/cockpit?region=230100')).status).toBe(404);
    });
  });

  it("a grid worker's cockpit is their grid: its buildings, nothing above", async () => {
    const view = await cockpitOf(worker, '/api/cockpit');
    expect(view.node).toEqual({ code: world.gridCode, name: expect.any(String), kind: 'grid' });
    expect(view.path).toEqual([]);
    expect(view.children.map((c) => c.kind)).toEqual(['building']);
    expect(view.values.residents).toBeTypeOf('number');
  });

  it('a worker of two grids sees both grids side by side, and only them', async () => {
    const user = await env.createUser({ role: 'grid_worker', regionCode: world.gridCode });
    await new UsersService(env.ctx).assignRole(
      new Scope([DISTRICT], env.dialect),
      user.id,
      { role: 'grid_worker', regionCode: world.otherGrid },
      SYSTEM_ACTOR,
    );
    const cookie = await env.login(user.username, user.password);
    const view = await cockpitOf(cookie, '/api/cockpit');
    expect(view.node).toMatchObject({ code: null, kind: 'scope' });
    expect(view.children.map((c) => c.code).sort()).toEqual([world.gridCode, world.otherGrid].sort());
    // The orders are in the first grid: the sum over both grids holds them.
    expect(view.values.wo_received).toBe(2);
    const drilled = await cockpitOf(cookie, `/api/cockpit?region=${world.gridCode}`);
    expect(drilled.path).toEqual([{ code: null, name: '', kind: 'scope' }]);
    expect((await get(cookie, `/api/cockpit?region=${QINGNIAN}`)).status).toBe(404);
  });

  it('a secretary drills from the community to a grid; the admin from the district down', async () => {
    const community = await cockpitOf(secretary, '/api/cockpit');
    expect(community.node.code).toBe(QINGNIAN);
    expect(community.children.map((c) => c.code)).toEqual(
      expect.arrayContaining([world.gridCode, world.otherGrid]),
    );
    const grid = community.children.find((c) => c.code === world.gridCode);
    expect(grid?.values).toMatchObject({ wo_received: 2, wo_overdue_now: 1, wo_satisfaction_rate: 100 });
    expect(community.rankings.wo_received?.best).toMatchObject({ value: 0 });
    expect(community.rankings.wo_received?.worst).toMatchObject({ code: world.gridCode, value: 2 });
    // All the same: nobody is best or worst.
    expect(community.rankings.registrations).toEqual({ best: null, worst: null });
    const drilled = await cockpitOf(secretary, `/api/cockpit?region=${world.gridCode}`);
    expect(drilled.path.map((p) => p.code)).toEqual([QINGNIAN]);

    const district = await cockpitOf(admin, '/api/cockpit?months=6');
    expect(district.node).toEqual({ code: DISTRICT, name: '平房区', kind: 'district' });
    expect(district.months).toHaveLength(6);
    expect(district.months.at(-1)).toBe(beijingMonth(env.now().toISOString()));
    expect(district.children.length).toBeGreaterThan(5);
    expect(district.indicators.map((i) => i.code)).toEqual(INDICATORS.map((i) => i.code));
    const deep = await cockpitOf(admin, `/api/cockpit?region=${world.gridCode}`);
    expect(deep.path.map((p) => p.code)).toEqual([DISTRICT, XINGJIAN_STREET, QINGNIAN]);
  });

  it('over several districts of one city: the districts ranked by satisfaction', async () => {
    await importCountyRegions(env.ctx, NANGANG, SYSTEM_ACTOR);
    const users = new UsersService(env.ctx);
    const scope = new Scope([DISTRICT, NANGANG], env.dialect);
    const password = 'Harbin-Org-Dept-2026';
    const created = await users.create(
      scope,
      {
        username: 'city_admin',
        password,
        displayName: '市委组织部',
        regionCode: DISTRICT,
        mustChangePassword: false,
      },
      SYSTEM_ACTOR,
    );
    for (const regionCode of [DISTRICT, NANGANG])
      await users.assignRole(scope, created.user.id, { role: 'district_admin', regionCode }, SYSTEM_ACTOR);
    const cookie = await env.login('city_admin', password);
    // 南岗区 answers one order, and its caller is not satisfied.
    const place = await env.database.db
      .selectFrom('regions')
      .select('code')
      .where('district_code', '=', NANGANG)
      .where('kind', '=', 'community')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const order = await env.inject('POST', '/api/work-orders', {
      cookie,
      body: { ...elderlyCareOrder(world), householdId: undefined, regionCode: place.code },
    });
    expect(order.status).toBe(201);
    const orderId = order.body(workOrderSchema).id;
    for (const body of [
      { action: 'answer', note: '已电话答复' },
      { action: 'callback', satisfaction: 'unsatisfied', note: '没有解决' },
    ])
      expect((await env.inject('POST', `/api/work-orders/${orderId}/actions`, { cookie, body })).status).toBe(
        200,
      );
    const city = await cockpitOf(cookie, '/api/cockpit');
    expect(city.node).toEqual({ code: '230100', name: '哈尔滨市', kind: 'city' });
    expect(city.children.map((c) => c.code)).toEqual([NANGANG, DISTRICT]);
    expect(city.rankings.wo_satisfaction_rate).toMatchObject({
      best: { code: DISTRICT, value: 100 },
      worst: { code: NANGANG, value: 0 },
    });
    expect(city.values.wo_received).toBe(3);
    expect((await cockpitOf(cookie, '/api/cockpit?region=230100')).node.kind).toBe('city');
    const down = await cockpitOf(cookie, `/api/cockpit?region=${DISTRICT}`);
    expect(down.path).toEqual([{ code: '230100', name: '哈尔滨市', kind: 'city' }]);
    expect((await get(cookie, '/api/cockpit?region=230200')).status).toBe(404);
  });

  it('exports every table to Excel', async () => {
    const response = await get(admin, `/api/cockpit/export.xlsx?region=${QINGNIAN}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('attachment');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.raw.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['指标', '下级区域', '月度趋势', '超期工单']);
    const [indicators, children, trends, overdue] = workbook.worksheets as [
      ExcelJS.Worksheet,
      ExcelJS.Worksheet,
      ExcelJS.Worksheet,
      ExcelJS.Worksheet,
    ];
    expect(indicators.rowCount).toBe(1 + INDICATORS.length);
    const received = indicators
      .getSheetValues()
      .find((row) => Array.isArray(row) && row[1] === '受理工单') as unknown[];
    expect(received[2]).toBe(2);
    const view = await cockpitOf(admin, `/api/cockpit?region=${QINGNIAN}`);
    expect(children.rowCount).toBe(1 + view.children.length);
    expect(children.getCell('A1').value).toBe('区域');
    // People are counted in 人, other things in 个; the two member figures say what each counts.
    const headings = (children.getRow(1).values as unknown[]).map(String);
    expect(headings).toContain('常住居民（人）');
    expect(headings).toContain('报到党员（人）');
    expect(headings).toContain('党群温馨小组（个）');
    const registrations = view.indicators.find((i) => i.code === 'registrations');
    expect(registrations?.note?.zh).toContain('可多于');
    expect(trends.rowCount).toBe(13);
    expect(overdue.rowCount).toBe(2);
    expect(overdue.getCell('A2').value).toBe(overdueNumber);
  });

  it('writes the monthly report as a PDF with pages and Chinese text', async () => {
    const month = beijingMonth(env.now().toISOString());
    const response = await get(admin, `/api/cockpit/report.pdf?region=${QINGNIAN}&month=${month}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.raw.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const { text, total } = await parser.getText();
    await parser.destroy();
    expect(total).toBeGreaterThanOrEqual(1);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(`青年社区${month.slice(0, 4)}年${Number(month.slice(5))}月工作月报`);
    expect(flat).toContain('群众满意率');
    expect(flat).toContain('当前超期工单');
    expect(flat).toContain(overdueNumber);

    const english = await get(admin, `/api/cockpit/report.pdf?region=${QINGNIAN}`, {
      'accept-language': 'en',
    });
    const parsed = new PDFParse({ data: new Uint8Array(english.raw.rawPayload) });
    expect((await parsed.getText()).text).toContain('monthly report');
    await parsed.destroy();
  });
});
