import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { importJobSchema } from '../../../../shared/api/register.js';
import { Scope } from '../../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../../bootstrap.js';
import { residentRows, writeResidentXlsx } from '../../../fixtures/resident-rows.js';
import { multipartFile } from '../../../testing/multipart.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../../../testing/test-env.js';
import { markInterruptedImports } from '../import-jobs.service.js';
import {
  headerRow,
  hugeColumnWorkbook,
  manyRowsWorkbook,
  sharedStringsBomb,
  workbook,
} from './hostile-spreadsheets.js';
import { importResidents } from './resident-import.js';
import { FULL_CHECK_ROWS } from './row-source.js';

const bin = path.resolve(import.meta.dirname, '../../../../../bin/lianxin.mjs');
const run = promisify(execFile);

/** What uploads left in the data directory: temporary files, and the imports' folders with their files. */
const leftovers = (dataDir: string) =>
  ['tmp', 'imports'].flatMap((folder) => {
    const directory = path.join(dataDir, folder);
    if (!fs.existsSync(directory)) return [];
    return fs
      .readdirSync(directory, { recursive: true, encoding: 'utf8' })
      .map((name) => path.join(folder, name));
  });

describeEachDialect('hostile uploads', (env) => {
  let cookie = '';
  let grid = '';
  beforeAll(async () => {
    cookie = await env.loginAdmin();
    grid = await env.createRegion(QINGNIAN, 'grid', '上传安全网格');
    await env.createRegion(grid, 'building', '1号楼');
  });

  const upload = (file: string, url = '/api/imports') => {
    const form = multipartFile(file);
    return env.inject('POST', url, { cookie, headers: form.headers, body: form.payload });
  };

  const finished = async (id: string) => {
    for (let i = 0; i < 400; i++) {
      const job = (await env.inject('GET', `/api/imports/${id}`, { cookie })).body(importJobSchema);
      if (job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('import did not finish');
  };

  it('refuses the column, shared-strings and many-rows attacks at upload with a 422, and lives on', async () => {
    const attacks = [
      { name: 'column.xlsx', content: hugeColumnWorkbook(), code: ['import.too_many_columns'] },
      { name: 'strings.xlsx', content: sharedStringsBomb(4_000_000), code: ['import.too_large_unpacked'] },
      {
        name: 'rows.xlsx',
        content: manyRowsWorkbook(2_000_000),
        code: ['import.too_large_unpacked', 'import.too_many_rows'],
      },
      {
        name: 'lying-strings.xlsx',
        content: sharedStringsBomb(4_000_000, { lie: true }),
        code: ['import.too_large_unpacked', 'import.unreadable'],
      },
    ];
    for (const attack of attacks) {
      const file = env.file(attack.name);
      fs.writeFileSync(file, attack.content);
      for (const url of ['/api/imports', '/api/members/import']) {
        const response = await upload(file, url);
        expect(response.status, `${attack.name} to ${url}`).toBe(422);
        // Exactly these three: no field list, nothing of the file echoed back.
        expect(response.json).toEqual({
          code: expect.any(String),
          message: expect.any(String),
          requestId: expect.any(String),
        });
        expect(attack.code).toContain(response.error.code);
        expect(response.error.message).toMatch(/文件/);
      }
    }
    const columns = await upload(env.file('column.xlsx'));
    expect(columns.error.message).toBe('文件的单元格 ZZZZZZZ2 超出第 256 列，请只保留模板中的列');
    // The server is alive and made no job; the refused uploads left nothing on disk.
    expect((await env.inject('GET', '/api/imports', { cookie })).status).toBe(200);
    expect(await env.countRows('import_jobs')).toBe(0);
    expect(leftovers(env.handle.dataDir)).toEqual([]);
  });

  it('rejects the job of a file too large to read through at upload, when its reader meets the limit', async () => {
    // More rows than the upload reads through (FULL_CHECK_ROWS), then the hostile cell.
    const row = '<row><c t="inlineStr"><is><t>某</t></is></c></row>';
    const content = workbook(
      `${headerRow()}${row.repeat(FULL_CHECK_ROWS + 1)}<row>${'<c r="ZZZZZZZ9" t="inlineStr"><is><t>x</t></is></c>'}</row>`,
    );
    const file = env.file('late-column.xlsx');
    fs.writeFileSync(file, content);
    const started = await upload(file);
    expect(started.status).toBe(202);
    const job = await finished(started.body(importJobSchema).id);
    expect(job).toMatchObject({ status: 'rejected', created: 0 });
    expect(job.message).toContain('文件的单元格 ZZZZZZZ9 超出第 256 列');
    // The same on the worker threads a large file is prepared on.
    const outcome = await importResidents(env.ctx, file, 'xlsx', {
      scope: new Scope([DISTRICT], env.dialect),
      actor: SYSTEM_ACTOR,
      skipInvalid: true,
      tuning: { prepareInWorker: true },
    });
    expect(outcome).toMatchObject({ status: 'rejected', created: 0 });
    expect(outcome.fileProblem).toContain('超出第 256 列');
    expect(await env.countRows('persons')).toBe(0);
    fs.rmSync(path.join(env.handle.dataDir, 'imports'), { recursive: true, force: true });
  });

  it('refuses them on the command line too, with the limit named and a non-zero exit', async () => {
    for (const name of ['column.xlsx', 'rows.xlsx']) {
      const result = await run(process.execPath, [bin, 'import', 'residents', env.file(name)], {
        env: env.cliEnv(),
      }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
      expect(result.code, name).toBe(1);
      expect(result.stderr).toMatch(/导入被拒绝，数据库未作任何更改：文件/);
      expect(fs.existsSync(env.file(name.replace('.xlsx', '.errors.xlsx')))).toBe(false);
    }
    expect(await env.countRows('persons')).toBe(0);
  });

  it('deletes the uploaded file when its job ends, keeping only the error report', async () => {
    const good = env.file('good.xlsx');
    await writeResidentXlsx(good, residentRows({ count: 10, gridCode: grid, buildings: ['1号楼'], seed: 8 }));
    const succeeded = await finished((await upload(good)).body(importJobSchema).id);
    expect(succeeded.status).toBe('succeeded');
    const bad = [...residentRows({ count: 10, gridCode: grid, buildings: ['1号楼'], seed: 9 })];
    bad[3]![2] = bad[3]![2] === '男' ? '女' : '男';
    const badFile = env.file('bad.xlsx');
    await writeResidentXlsx(badFile, bad);
    const rejected = await finished((await upload(badFile)).body(importJobSchema).id);
    expect(rejected.status).toBe('rejected');
    expect(leftovers(env.handle.dataDir).sort()).toEqual([
      path.join('imports', rejected.id),
      path.join('imports', rejected.id, 'errors.xlsx'),
    ]);
  });

  it('lists the first 1,000 bad rows in the error report and counts the rest', async () => {
    const rows = [...residentRows({ count: 1_200, gridCode: grid, buildings: ['1号楼'], seed: 10 })].map(
      (r) => {
        const copy = [...r];
        copy[2] = copy[2] === '男' ? '女' : '男';
        return copy;
      },
    );
    const file = env.file('all-bad.xlsx');
    await writeResidentXlsx(file, rows);
    const job = await finished((await upload(file)).body(importJobSchema).id);
    expect(job).toMatchObject({ status: 'rejected', invalid: 1_200 });
    const report = await env.app.inject({
      method: 'GET',
      url: `/api/imports/${job.id}/report`,
      headers: { cookie },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(1 + 1_000 + 1);
    expect(sheet.getRow(1_001).getCell(1).value).toBe(1_001);
    expect(sheet.getRow(1_002).getCell(2).value).toBe('另有 200 行错误未列出（仅列出前 1000 行）');
  });

  it('sweeps at start what stopped jobs and aborted uploads left on disk', async () => {
    const dataDir = env.handle.dataDir;
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.mkdirSync(path.join(dataDir, 'tmp'), { recursive: true });
    const stale = path.join(dataDir, 'tmp', 'lianxin-upload-0190aaaa-stale');
    const fresh = path.join(dataDir, 'tmp', 'lianxin-upload-0190aaaa-fresh');
    const staleSystem = path.join(os.tmpdir(), `lianxin-upload-test-${process.pid}-${Date.now()}`);
    for (const file of [stale, fresh, staleSystem]) fs.writeFileSync(file, '张三,230108194009129757');
    fs.utimesSync(stale, hourAgo, hourAgo);
    fs.utimesSync(staleSystem, hourAgo, hourAgo);
    const interrupted = path.join(dataDir, 'imports', '0190bbbb-interrupted');
    const reported = path.join(dataDir, 'imports', '0190cccc-reported');
    fs.mkdirSync(interrupted, { recursive: true });
    fs.mkdirSync(reported, { recursive: true });
    fs.writeFileSync(path.join(interrupted, 'input.csv'), '张三,230108194009129757');
    fs.writeFileSync(path.join(reported, 'input.xlsx'), 'PK');
    fs.writeFileSync(path.join(reported, 'errors.xlsx'), 'PK');

    await markInterruptedImports(env.ctx);

    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(staleSystem)).toBe(false);
    // Young enough to be another server's upload in progress.
    expect(fs.existsSync(fresh)).toBe(true);
    expect(fs.existsSync(interrupted)).toBe(false);
    expect(fs.readdirSync(reported)).toEqual(['errors.xlsx']);
    fs.rmSync(fresh);
  });
});

describeEachDialect(
  'the configured row bound of an import',
  (env) => {
    it('refuses a file of more data rows than LIANXIN_IMPORT_MAX_ROWS and takes one of exactly that many', async () => {
      const cookie = await env.loginAdmin();
      const grid = await env.createRegion(QINGNIAN, 'grid', '行数网格');
      await env.createRegion(grid, 'building', '1号楼');
      const send = async (count: number) => {
        const file = env.file(`rows-${count}.xlsx`);
        await writeResidentXlsx(
          file,
          residentRows({ count, gridCode: grid, buildings: ['1号楼'], seed: count }),
        );
        const form = multipartFile(file);
        return env.inject('POST', '/api/imports', {
          cookie,
          headers: { ...form.headers, 'accept-language': 'en' },
          body: form.payload,
        });
      };
      const over = await send(31);
      expect(over.status).toBe(422);
      expect(over.json).toMatchObject({
        code: 'import.too_many_rows',
        message: 'The file has more than 30 rows; split it and import the parts',
      });
      expect((await send(30)).status).toBe(202);
    });
  },
  { LIANXIN_IMPORT_MAX_ROWS: '30' },
);
