import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { importJobListSchema, importJobSchema, personPageSchema } from '../../../shared/api/register.js';
import { residentRows, writeResidentXlsx } from '../../fixtures/resident-rows.js';
import { multipartFile } from '../../testing/multipart.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';

describeEachDialect('imports over HTTP', (env) => {
  let grid = '';
  let cookie = '';
  beforeAll(async () => {
    grid = await env.createRegion(QINGNIAN, 'grid', '上传网格');
    await env.createRegion(grid, 'building', '1号楼');
    cookie = (await env.loginAs({ role: 'grid_worker', regionCode: grid })).cookie;
  });

  const upload = (file: string, query = '', fileName?: string) => {
    const form = multipartFile(file, fileName ? { fileName } : {});
    return env.inject('POST', `/api/imports${query}`, { cookie, headers: form.headers, body: form.payload });
  };

  const finished = async (id: string) => {
    for (let i = 0; i < 200; i++) {
      const job = (await env.inject('GET', `/api/imports/${id}`, { cookie })).body(importJobSchema);
      if (job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('import did not finish');
  };

  it('refuses a file that is not a spreadsheet whatever its name, and a request without a file', async () => {
    const fake = env.file('fake.xlsx');
    fs.writeFileSync(fake, 'not a zip at all');
    const byContent = await upload(fake);
    expect(byContent.status).toBe(415);
    expect(byContent.error.code).toBe('import.unsupported_file');
    const byName = await upload(fake, '', 'residents.docx');
    expect(byName.status).toBe(415);
    const noFile = await env.inject('POST', '/api/imports', { cookie, body: { file: 'x' } });
    expect(noFile.status).toBe(415);
    // The refused uploads were received and deleted: nothing of them stays on disk.
    expect(fs.readdirSync(path.join(env.handle.dataDir, 'tmp'))).toEqual([]);
    expect(fs.existsSync(path.join(env.handle.dataDir, 'imports'))).toBe(false);
  });

  it('rejects a file with three bad rows, writing nothing, and serves the error report', async () => {
    const otherGrid = await env.createRegion(SHANGHAI_XINCUN, 'grid', '别人的网格');
    const rows = [...residentRows({ count: 20, gridCode: grid, buildings: ['1号楼'], seed: 31 })];
    rows[2]![1] = rows[2]![1]!.slice(0, 17) + (rows[2]![1]!.endsWith('1') ? '2' : '1');
    rows[6]![2] = rows[6]![2] === '男' ? '女' : '男';
    rows[11]![5] = otherGrid;
    const file = env.file('three-bad.xlsx');
    await writeResidentXlsx(file, rows);
    const started = await upload(file);
    expect(started.status).toBe(202);
    const job = await finished(started.body(importJobSchema).id);
    expect(job).toMatchObject({ status: 'rejected', totalRows: 20, invalid: 3, created: 0, hasReport: true });
    expect((await env.inject('GET', '/api/persons', { cookie })).body(personPageSchema).items).toEqual([]);
    const report = await env.app.inject({
      method: 'GET',
      url: `/api/imports/${job.id}/report`,
      headers: { cookie },
    });
    expect(report.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    // Only the bad rows, each after its row number, with 错误原因 last.
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getColumn(1).values.slice(2)).toEqual([4, 8, 13]);
    const reasons = sheet.getColumn(16).values.slice(2);
    expect(reasons).toEqual([
      '公民身份号码：校验位错误',
      '性别：与公民身份号码不符',
      '所属网格：网格不存在或不在您的管辖范围内',
    ]);
    // The report outlives the upload: no good row's ID number or phone is in it, and a bad row's
    // are shown only where its fault is.
    const text = JSON.stringify(sheet.getSheetValues());
    for (const [index, row] of rows.entries()) {
      const expected = index === 2;
      expect(text.includes(row[1]!), `ID number of row ${index + 2}`).toBe(expected);
      if (row[3]) expect(text.includes(row[3]), `phone of row ${index + 2}`).toBe(false);
    }
    expect(sheet.getRow(3).getCell(3).value).toBe(`**************${rows[6]![1]!.slice(-4)}`);

    // Fixed and uploaded again: everything goes in.
    const fixed = [...residentRows({ count: 20, gridCode: grid, buildings: ['1号楼'], seed: 31 })];
    await writeResidentXlsx(file, fixed);
    const second = await finished((await upload(file)).body(importJobSchema).id);
    expect(second).toMatchObject({ status: 'succeeded', created: 20, hasReport: false });
    expect(
      (await env.inject('GET', '/api/persons?limit=50', { cookie })).body(personPageSchema).items,
    ).toHaveLength(20);
  });

  it('hides another district’s jobs and serves the template', async () => {
    const mine = (await env.inject('GET', '/api/imports', { cookie })).body(importJobListSchema).items;
    expect(mine.length).toBeGreaterThan(0);
    const { cookie: stranger } = await env.loginAs({ role: 'grid_worker', regionCode: SHANGHAI_XINCUN });
    expect((await env.inject('GET', `/api/imports/${mine[0]?.id}`, { cookie: stranger })).status).toBe(404);
    const template = await env.app.inject({
      method: 'GET',
      url: '/api/imports/template',
      headers: { cookie },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      '姓名*',
      '公民身份号码*',
      '性别',
      '手机号码',
      '民族',
      '所属网格*',
      '楼栋',
      '单元',
      '楼层',
      '房号',
      '与户主关系*',
      '人员标签',
      '户籍地址',
      '备注',
    ]);
  });
});
