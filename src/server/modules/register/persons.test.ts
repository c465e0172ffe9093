import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { auditPageSchema } from '../../../shared/api/audit.js';
import {
  householdSchema,
  neighbourListSchema,
  neighbourMapSchema,
  personPageSchema,
  subjectExportSchema,
} from '../../../shared/api/register.js';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { residentRows, writeResidentXlsx } from '../../fixtures/resident-rows.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { importResidents } from './import/resident-import.js';

describeEachDialect('persons: search, scope, reveal and data-subject requests', (env) => {
  let grid = '';
  let otherGrid = '';
  let rows: string[][] = [];
  const named: string[][] = [];

  beforeAll(async () => {
    grid = await env.createRegion(QINGNIAN, 'grid', '查询网格');
    await env.createRegion(grid, 'building', '1号楼');
    otherGrid = await env.createRegion(SHANGHAI_XINCUN, 'grid', '别处网格');
    await env.createRegion(otherGrid, 'building', '1号楼');
    rows = [...residentRows({ count: 60, gridCode: grid, buildings: ['1号楼'], seed: 8 })];
    // Known people to search for.
    named.push([...rows[0]!]);
    named[0]![0] = '张三';
    named[0]![3] = '13812345678';
    named[0]![11] = '独居老人';
    named[0]![12] = '哈尔滨市平房区友协大街18号';
    rows[0] = named[0]!;
    const elsewhere = [...residentRows({ count: 5, gridCode: otherGrid, buildings: ['1号楼'], seed: 9 })];
    elsewhere[0]![0] = '张珊';
    const file = env.file('people.xlsx');
    await writeResidentXlsx(file, [...rows, ...elsewhere]);
    const outcome = await importResidents(env.ctx, file, 'xlsx', {
      scope: new Scope(['230108'], env.dialect),
      actor: SYSTEM_ACTOR,
      skipInvalid: false,
    });
    expect(outcome.created).toBe(65);
  });

  it('answers 403 without the permission, 404 outside the scope, 400 for bad filters', async () => {
    const { cookie: member } = await env.loginAs({ role: 'member', regionCode: QINGNIAN });
    expect((await env.inject('GET', '/api/persons', { cookie: member })).status).toBe(403);
    const { cookie: worker } = await env.loginAs({ role: 'grid_worker', regionCode: grid });
    const admin = await env.loginAdmin();
    const outside = (await env.inject('GET', `/api/persons?q=zhangshan`, { cookie: admin })).body(
      personPageSchema,
    ).items[0]!;
    expect(outside.name).toBe('张珊');
    expect((await env.inject('GET', `/api/persons/${outside.id}`, { cookie: worker })).status).toBe(404);
    const reveal = await env.inject('POST', `/api/persons/${outside.id}/reveal`, {
      cookie: worker,
      body: { field: 'idNumber', reason: '核实身份' },
    });
    expect(reveal.status).toBe(404);
    const badAge = await env.inject('GET', '/api/persons?ageMin=-3', { cookie: worker });
    expect(badAge.status).toBe(400);
    expect(badAge.error.fields?.[0]?.path).toBe('querystring.ageMin');
    const badCursor = await env.inject('GET', '/api/persons?cursor=garbage', { cookie: worker });
    expect(badCursor.status).toBe(400);
  });

  it('finds people by initials, full pinyin, name, phone last four, whole phone, ID number and address — in scope only', async () => {
    const { cookie } = await env.loginAs({ role: 'grid_worker', regionCode: grid });
    const names = async (q: string) =>
      (await env.inject('GET', `/api/persons?q=${encodeURIComponent(q)}`, { cookie }))
        .body(personPageSchema)
        .items.map((p) => p.name);
    expect(await names('zs')).toContain('张三');
    expect(await names('zs')).not.toContain('张珊'); // same initials, other grid
    expect(await names('zhangsan')).toEqual(['张三']);
    expect(await names('张三')).toEqual(['张三']);
    expect(await names('5678')).toContain('张三');
    expect(await names('13812345678')).toEqual(['张三']);
    expect(await names(named[0]![1]!)).toEqual(['张三']);
    expect(await names('友协大街18号')).toEqual(['张三']);
  });

  it('shows ID numbers and phones masked and reveals one only with a reason, audited', async () => {
    const { cookie } = await env.loginAs({ role: 'grid_worker', regionCode: grid });
    const zhang = (await env.inject('GET', '/api/persons?q=zhangsan', { cookie })).body(personPageSchema)
      .items[0]!;
    expect(zhang.idNumber).toBe(`${named[0]![1]!.slice(0, 6)}********${named[0]![1]!.slice(-4)}`);
    expect(zhang.phone).toBe('138****5678');
    expect(zhang.tags).toEqual(['独居老人']);
    const noReason = await env.inject('POST', `/api/persons/${zhang.id}/reveal`, {
      cookie,
      body: { field: 'idNumber' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.error.fields?.[0]?.path).toBe('reason');
    const revealed = await env.inject('POST', `/api/persons/${zhang.id}/reveal`, {
      cookie,
      body: { field: 'idNumber', reason: '办理低保核实身份' },
    });
    expect(revealed.json).toEqual({ field: 'idNumber', value: named[0]![1] });
    const admin = await env.loginAdmin();
    const log = await env.inject('GET', `/api/audit?action=person.revealed&targetId=${zhang.id}`, {
      cookie: admin,
    });
    expect(log.body(auditPageSchema).items[0]?.summary).toEqual({
      field: 'idNumber',
      reason: '办理低保核实身份',
    });
    expect(JSON.stringify(log.json)).not.toContain(named[0]![1]);
  });

  it('pages by cursor through the whole scope without repeats, and filters by tag, gender and age', async () => {
    const { cookie } = await env.loginAs({ role: 'secretary', regionCode: QINGNIAN });
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = (
        await env.inject('GET', `/api/persons?limit=7${cursor ? `&cursor=${cursor}` : ''}`, { cookie })
      ).body(personPageSchema);
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor ?? '';
    } while (cursor);
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    const list = async (query: string) =>
      (await env.inject('GET', `/api/persons?${query}`, { cookie })).body(personPageSchema).items;
    const tagged = await list('tag=t01&limit=200');
    expect(tagged.length).toBeGreaterThan(0);
    for (const p of tagged) expect(p.tags).toContain('独居老人');
    const women = await list('gender=female&limit=200');
    for (const p of women) expect(p.gender).toBe('female');
    const old = await list('ageMin=60&limit=200');
    for (const p of old) expect(p.age).toBeGreaterThanOrEqual(60);
    const young = await list('ageMax=30&limit=200');
    for (const p of young) expect(p.age).toBeLessThanOrEqual(30);
    expect(old.length + young.length).toBeLessThanOrEqual(60);
  });

  it('shows a household with its members, a neighbour map and the neighbours of a flat', async () => {
    const { cookie } = await env.loginAs({ role: 'grid_worker', regionCode: grid });
    const zhang = (await env.inject('GET', '/api/persons?q=zhangsan', { cookie })).body(personPageSchema)
      .items[0]!;
    const answer = await env.inject('GET', `/api/households/${zhang.householdId}`, { cookie });
    expect(answer.status).toBe(200);
    const household = answer.body(householdSchema);
    expect(household.members.map((m) => m.name)).toContain('张三');
    expect(household.headName).toBe('张三');
    expect(household.members.find((m) => m.name === '张三')?.isHead).toBe(true);
    const gridMap = (await env.inject('GET', `/api/regions/${grid}/neighbour-map`, { cookie })).body(
      neighbourMapSchema,
    );
    expect(gridMap.buildings[0]).toMatchObject({ name: '1号楼', persons: 60 });
    const buildingMap = (
      await env.inject('GET', `/api/regions/${gridMap.buildings[0]?.code}/neighbour-map`, { cookie })
    ).body(neighbourMapSchema);
    expect(buildingMap.kind).toBe('building');
    const cells = buildingMap.households;
    expect(cells.reduce((sum, c) => sum + c.size, 0)).toBe(60);
    const neighbours = (
      await env.inject('GET', `/api/households/${zhang.householdId}/neighbours`, { cookie })
    ).body(neighbourListSchema).items;
    expect(neighbours.length).toBeGreaterThan(0);
    for (const n of neighbours) expect(['left', 'right', 'above', 'below']).toContain(n.relation);
    const otherMap = await env.inject('GET', `/api/regions/${otherGrid}/neighbour-map`, { cookie });
    expect(otherMap.status).toBe(404);
  });

  it('corrects, exports and anonymizes on a data subject’s request, each audited', async () => {
    const { cookie } = await env.loginAs({ role: 'grid_worker', regionCode: grid });
    const person = (
      await env.inject('GET', `/api/persons?limit=1&q=${encodeURIComponent(rows[5]![0]!)}`, { cookie })
    ).body(personPageSchema).items[0]!;
    const badPhone = await env.inject('PATCH', `/api/persons/${person.id}`, {
      cookie,
      body: { phone: '12345' },
    });
    expect(badPhone.status).toBe(400);
    expect(badPhone.error.fields?.[0]?.path).toBe('phone');
    const corrected = await env.inject('PATCH', `/api/persons/${person.id}`, {
      cookie,
      body: { phone: '13900002222', tags: ['低保户'] },
    });
    expect(corrected.json).toMatchObject({ phone: '139****2222', tags: ['低保户'] });
    const exported = await env.inject('POST', `/api/persons/${person.id}/subject-export`, {
      cookie,
      body: { reason: '本人申请查阅' },
    });
    expect(exported.body(subjectExportSchema).person).toMatchObject({
      idNumber: rows[5]![1],
      phone: '13900002222',
    });
    const anonymized = await env.inject('POST', `/api/persons/${person.id}/anonymize`, {
      cookie,
      body: { reason: '本人申请删除' },
    });
    expect(anonymized.status).toBe(204);
    const after = await env.inject('GET', `/api/persons/${person.id}`, { cookie });
    expect(after.json).toMatchObject({ name: '（已匿名）', idNumber: '', phone: '', status: 'anonymized' });
    expect(after.json).not.toHaveProperty('birthDate');
    expect(
      (await env.inject('GET', `/api/persons?q=${rows[5]![1]}`, { cookie })).body(personPageSchema).items,
    ).toEqual([]);
    const admin = await env.loginAdmin();
    const actions = (await env.inject('GET', `/api/audit?targetId=${person.id}`, { cookie: admin }))
      .body(auditPageSchema)
      .items.map((e) => e.action);
    expect(actions).toEqual(['person.anonymized', 'person.subject_export', 'person.corrected']);
  });

  it('exports the list masked, or revealed with a reason that is audited once', async () => {
    const { cookie } = await env.loginAs({ role: 'grid_worker', regionCode: grid });
    const read = async (body: object) => {
      const response = await env.app.inject({
        method: 'POST',
        url: '/api/persons/export',
        headers: { cookie },
        payload: body,
      });
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      return workbook.worksheets[0]!;
    };
    const masked = await read({});
    expect(masked.rowCount).toBe(60); // 59 active after the anonymization above, plus the header
    expect(String(masked.getRow(2).getCell(2).value)).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const clear = await read({ q: 'zhangsan', reveal: { reason: '打印走访名册' } });
    expect(clear.getRow(2).getCell(2).value).toBe(named[0]![1]);
    const { cookie: operator } = await env.loginAs({ role: 'hotline_operator', regionCode: '230108' });
    const denied = await env.app.inject({
      method: 'POST',
      url: '/api/persons/export',
      headers: { cookie: operator },
      payload: {},
    });
    expect(denied.statusCode).toBe(403);
  });
});
