import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, ServerProcess } from './testing/server-process.js';
import { describeEachDialect } from './testing/test-env.js';

/** The pids the primary announced as started, in order (`[lianxin primary P] worker W started`). */
function startedWorkers(output: string): number[] {
  return [...output.matchAll(/worker (\d+) started/g)].map((match) => Number(match[1]));
}

/** The pids the primary saw listening (`worker W listening`). */
function listeningWorkers(output: string): number[] {
  return [...output.matchAll(/worker (\d+) listening/g)].map((match) => Number(match[1]));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describeEachDialect('lianxin start --workers 2: the primary keeps its workers', (env) => {
  if (env.dialect === 'sqlite') {
    it.skip('needs PostgreSQL: SQLite refuses --workers > 1 (start-command.test.ts)', () => undefined);
    return;
  }
  let server: ServerProcess;

  beforeAll(async () => {
    server = new ServerProcess({ ...env.cliEnv(), LIANXIN_DEMO: '0', LOG_LEVEL: 'warn' }, await freePort(), [
      '--workers',
      '2',
    ]);
    await server.start();
    await until('both workers to listen', () => listeningWorkers(server.output).length >= 2);
  }, 120_000);

  afterAll(async () => {
    await server?.kill();
    for (const pid of startedWorkers(server?.output ?? '')) if (alive(pid)) process.kill(pid, 'SIGKILL');
  });

  it('starts a new worker when one is killed, and keeps answering meanwhile', {
    timeout: 120_000,
  }, async () => {
    const [victim, survivor] = startedWorkers(server.output) as [number, number];
    process.kill(victim, 'SIGKILL');
    await until('the killed worker to be gone', () => !alive(victim));
    // The other worker serves while the primary replaces the dead one.
    const meanwhile = await fetch(`${server.baseUrl}/api/health/ready`);
    expect(meanwhile.status).toBe(200);
    await until('a replacement worker listening', () => listeningWorkers(server.output).length >= 3);
    expect(server.output).toContain(`worker ${victim} exited (SIGKILL)`);
    const replacement = startedWorkers(server.output)[2] ?? victim;
    expect(replacement).not.toBe(victim);
    expect(alive(survivor)).toBe(true);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => fetch(`${server.baseUrl}/api/health/ready`).then((r) => r.status)),
    );
    expect(answers.every((status) => status === 200)).toBe(true);
  });

  it('stops every worker on SIGTERM', { timeout: 60_000 }, async () => {
    const workers = startedWorkers(server.output).filter(alive);
    expect(workers.length).toBe(2);
    await server.stop();
    await until('the workers to exit', () => workers.every((pid) => !alive(pid)), 30_000);
    expect(server.output).toContain('SIGTERM: stopping 2 workers');
  });
});
