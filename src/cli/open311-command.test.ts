import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { postForm } from '../server/modules/open311/testing.js';
import { DISTRICT, describeEachDialect, QINGNIAN, type TestEnv } from '../server/testing/test-env.js';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/lianxin.mjs');

async function lianxin(env: TestEnv, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: env.cliEnv() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1)!;
/** Each command starts a process that compiles the CLI through tsx: seconds each on a busy machine. */
const SLOW = 180_000;

describeEachDialect('lianxin open311 keys', (env) => {
  const postWith = (key: string) =>
    postForm(
      env,
      '/open311/v2/requests.json',
      new URLSearchParams({
        api_key: key,
        service_code: 'livelihood.repair',
        lat: '45.6',
        long: '126.6',
      }).toString(),
    );

  it(
    'refuses a missing name and an unknown region, with a message and a non-zero exit',
    async () => {
      const unnamed = await lianxin(env, 'open311', 'keys', 'create');
      expect(unnamed.code).not.toBe(0);
      expect(unnamed.stderr).toContain('--name');
      const nowhere = await lianxin(env, 'open311', 'keys', 'create', '--name', 'x', '--region', '230108999');
      expect(nowhere.code).not.toBe(0);
      expect(nowhere.stderr).toContain('regionCode');
      expect(await env.countRows('open311_keys')).toBe(0);
      const unknown = await lianxin(env, 'open311', 'keys', 'revoke', 'lx311_nothing');
      expect(unknown.code).not.toBe(0);
    },
    SLOW,
  );

  it(
    'creates a key (alone on the last line), lists it and revokes it',
    async () => {
      const created = await lianxin(
        env,
        'open311',
        'keys',
        'create',
        '--name',
        '12345 热线对接',
        '--region',
        QINGNIAN,
      );
      expect(created.code).toBe(0);
      const key = lastLine(created.stdout);
      expect(key).toMatch(/^lx311_[A-Za-z0-9_-]{32}$/);
      expect((await postWith(key)).status).toBe(200);

      const byDefault = await lianxin(env, 'open311', 'keys', 'create', '--name', '全区');
      expect(byDefault.code).toBe(0);
      const districtKey = lastLine(byDefault.stdout);
      expect(byDefault.stdout).toContain(`\t${DISTRICT} `);

      const list = await lianxin(env, 'open311', 'keys', 'list');
      expect(list.code).toBe(0);
      expect(list.stdout).not.toContain(key);
      const line = list.stdout.split('\n').find((l) => l.includes('12345 热线对接'))!;
      expect(line).toContain(`${key.slice(0, 12)}…`);
      expect(line).toContain(`${QINGNIAN} 青年社区`);
      expect(line.endsWith('\tactive')).toBe(true);

      const id = line.split('\t')[0]!;
      const revoked = await lianxin(env, 'open311', 'keys', 'revoke', id);
      expect(revoked.code).toBe(0);
      expect(revoked.stdout).toContain('revoked');
      expect((await postWith(key)).status).toBe(403);
      const again = await lianxin(env, 'open311', 'keys', 'revoke', id);
      expect(again.code).not.toBe(0);
      expect(again.stderr).toContain('已吊销');
      const after = await lianxin(env, 'open311', 'keys', 'list');
      expect(after.stdout.split('\n').find((l) => l.startsWith(id))).toMatch(/\trevoked \d{4}-/);

      // By prefix, as the list shows it.
      const prefixed = await lianxin(env, 'open311', 'keys', 'revoke', `${districtKey.slice(0, 12)}…`);
      expect(prefixed.code).toBe(0);
      expect((await postWith(districtKey)).status).toBe(403);
    },
    SLOW,
  );
});
