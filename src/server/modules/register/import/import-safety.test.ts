import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, it } from 'vitest';
import { personPageSchema } from '../../../../shared/api/register.js';
import { residentRows, writeResidentXlsx } from '../../../fixtures/resident-rows.js';
import { describeEachDialect, QINGNIAN } from '../../../testing/test-env.js';

const bin = path.resolve(import.meta.dirname, '../../../../../bin/lianxin.mjs');
const run = promisify(execFile);

describeEachDialect('resident import: safety', (env) => {
  let grid = '';
  let rows: string[][] = [];
  beforeAll(async () => {
    grid = await env.createRegion(QINGNIAN, 'grid', '安全网格');
    await env.createRegion(grid, 'building', '1号楼');
    rows = [...residentRows({ count: 40, gridCode: grid, buildings: ['1号楼'], seed: 21 })];
  });

  it('leaves no rows when the importing process is killed midway', async () => {
    const file = env.file('big.xlsx');
    await writeResidentXlsx(
      file,
      residentRows({ count: 100_000, gridCode: grid, buildings: ['1号楼'], seed: 4 }),
    );
    const child = spawn(process.execPath, [bin, 'import', 'residents', file], {
      env: env.cliEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The progress bar moves only once rows are being written inside the import's transaction.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the import never reported progress')), 60_000);
      child.stderr.on('data', (chunk: Buffer) => {
        const match = /\| (\d+) 行/.exec(chunk.toString());
        if (match && Number(match[1]) >= 2_000) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', () => reject(new Error('the import finished before it could be killed')));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(await env.countRows('persons')).toBe(0);
    const households = await env.database.db.selectFrom('households').select('id').execute();
    expect(households).toEqual([]);
  });

  it('prints the error report path on its last line and exits non-zero for a rejected file', async () => {
    const bad = rows.map((r) => [...r]);
    bad[0]![2] = bad[0]![2] === '男' ? '女' : '男';
    const file = env.file('cli-bad.xlsx');
    await writeResidentXlsx(file, bad);
    const result = await run(process.execPath, [bin, 'import', 'residents', file], {
      env: env.cliEnv(),
    }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(result.code).not.toBe(0);
    const last = result.stdout.trim().split('\n').at(-1)!;
    expect(last).toBe(path.join(env.handle.dataDir, 'cli-bad.errors.xlsx'));
    expect(fs.existsSync(last)).toBe(true);
  });

  it('keeps ID numbers, phones and health records out of the database in clear', async () => {
    const file = env.file('clear.xlsx');
    await writeResidentXlsx(file, rows);
    const { stdout } = await run(process.execPath, [bin, 'import', 'residents', file], { env: env.cliEnv() });
    expect(stdout).toContain('新增 40');
    const admin = await env.loginAdmin();
    const someone = (await env.inject('GET', '/api/persons?limit=1', { cookie: admin })).body(
      personPageSchema,
    ).items[0]!;
    await env.inject('PUT', `/api/persons/${someone.id}/health`, {
      cookie: admin,
      body: { conditions: '高血压二级', doctorContact: '社区医生李大夫', lastCheckup: '2026-10-01' },
    });
    let haystack: string;
    if (env.dialect === 'sqlite') {
      // Checkpoint so the WAL is folded into the main file, then read both as bytes.
      await env.database.db.executeQuery({
        sql: 'pragma wal_checkpoint(TRUNCATE)',
        parameters: [],
        query: { kind: 'RawNode' },
      } as never);
      const file = path.join(env.handle.dataDir, 'lianxin.db');
      haystack =
        fs.readFileSync(file).toString('latin1') +
        (fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`).toString('latin1') : '');
    } else {
      const { stdout: dump } = await run('pg_dump', ['--data-only', env.handle.databaseUrl!], {
        maxBuffer: 64 * 1024 * 1024,
      });
      haystack = dump;
    }
    expect(haystack.length).toBeGreaterThan(10_000);
    for (const row of rows) {
      expect(haystack.includes(row[1]!)).toBe(false); // ID number
      if (row[3]) expect(haystack.includes(row[3])).toBe(false); // phone
    }
    const utf8 = env.dialect === 'sqlite' ? Buffer.from(haystack, 'latin1').toString('utf8') : haystack;
    expect(utf8.includes('高血压二级')).toBe(false);
    // The names are there (they are not among the encrypted fields): the search above was real.
    expect(utf8.includes(rows[0]![0]!)).toBe(true);
  });
});
