import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { describeEachDialect, type TestEnv } from '../server/testing/test-env.js';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/lianxin.mjs');

/** Runs `lianxin …` against the test's database, as an operator would from the project root. */
async function lianxin(
  env: TestEnv,
  ...rest: [Record<string, string>, ...string[]] | string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  // An optional first argument adds to the environment (a locale), the rest are the command's.
  const [first, ...others] = rest;
  const extra = typeof first === 'object' ? first : {};
  const args = (typeof first === 'object' ? others : rest) as string[];
  const childEnv = { ...env.cliEnv(), ...extra };
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: childEnv });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describeEachDialect('the lianxin command', (env) => {
  it('refuses an unknown county code and bad user input with a message and a non-zero exit', {
    timeout: 120_000,
  }, async () => {
    const unknown = await lianxin(env, 'regions', 'import', '999999');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('区划数据中没有县级代码 999999');
    const weak = await lianxin(env, 'users', 'create', 'cli_weak', '--name', '弱密码', '--password', 'weak');
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain('password');
  });

  // Each step starts the CLI as a child process (a cold TypeScript start): slow on a busy machine.
  it('migrates, imports regions idempotently and manages users', { timeout: 120_000 }, async () => {
    expect((await lianxin(env, 'migrate')).stdout).toContain('Nothing to migrate');
    const again = await lianxin(env, 'regions', 'import', '230108');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 created, 0 renamed, 67 unchanged');
    const created = await lianxin(
      env,
      'users',
      'create',
      'cli_worker',
      '--name',
      '网格员',
      '--role',
      'grid_worker',
      '--region',
      '230108001002',
    );
    expect(created.code).toBe(0);
    const password = created.stdout.trim().split('\t')[1]!;
    expect(password.length).toBeGreaterThanOrEqual(10);
    expect(await env.login('cli_worker', password)).toMatch(/^lianxin_session=/);
    const list = await lianxin(env, 'users', 'list');
    expect(list.stdout).toMatch(/cli_worker\t网格员\t正常\tgrid_worker@230108001002/);
    // English where the locale asks for it.
    const english = await lianxin(env, { LANG: 'en_US.UTF-8' }, 'users', 'list');
    expect(english.stdout).toMatch(/cli_worker\t网格员\tactive\tgrid_worker@230108001002/);
  });

  it('exports the audit head on verify and names a cut tail against it', { timeout: 120_000 }, async () => {
    const db = env.database.db;
    await env.loginAdmin();
    await env.loginAdmin();
    const intact = await lianxin(env, 'audit', 'verify');
    expect(intact.code).toBe(0);
    const total = Number(/审计链完整：共 (\d+) 行/.exec(intact.stdout)![1]);
    // A new database: every row is in the district's chain.
    expect(JSON.parse(fs.readFileSync(env.file('audit-head.json'), 'utf8')).districts['230108'].seq).toBe(
      total,
    );
    // Someone with write access to the database removes the last two links and moves the head back.
    const ofDistrict = db.selectFrom('audit_log').where('district_code', '=', '230108');
    const tail = await ofDistrict
      .selectAll()
      .where('link', '>', total - 2)
      .execute();
    const head = await db.selectFrom('audit_chain_heads').selectAll().executeTakeFirstOrThrow();
    const newLast = await ofDistrict
      .select(['hash', 'mac'])
      .where('link', '=', total - 2)
      .executeTakeFirstOrThrow();
    await db
      .deleteFrom('audit_log')
      .where('link', '>', total - 2)
      .execute();
    await db
      .updateTable('audit_chain_heads')
      .set({ link: total - 2, hash: newLast.hash!, mac: newLast.mac })
      .execute();
    const cut = await lianxin(env, 'audit', 'verify');
    expect(cut.code).toBe(1);
    expect(cut.stdout).toContain(`审计链（230108）在第 ${total - 1} 环断开（cut）`);
    expect(cut.stdout).toContain(`记录到第 ${total} 环`);
    const inEnglish = await lianxin(env, { LANG: 'en_US.UTF-8' }, 'audit', 'verify');
    expect(inEnglish.stdout).toContain(`(230108) BROKEN at link ${total - 1} (cut)`);
    // Put the log back for the next test.
    for (const row of tail) await db.insertInto('audit_log').values(row).execute();
    await db.updateTable('audit_chain_heads').set(head).execute();
  });

  it('verifies the audit chain and exits non-zero at a tampered row', async () => {
    const intact = await lianxin(env, 'audit', 'verify');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/审计链完整：共 \d+ 行/);
    await env.database.db.updateTable('audit_log').set({ action: 'forged' }).where('link', '=', 2).execute();
    const broken = await lianxin(env, 'audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('审计链（230108）在第 2 环断开（altered）');
  });
});
