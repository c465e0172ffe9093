import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importJobSchema } from '../shared/api/register.js';
import { workOrderSchema } from '../shared/api/work-orders.js';
import { residentRows, writeResidentXlsx } from './fixtures/resident-rows.js';
import { multipartFile } from './testing/multipart.js';
import { freePort, ServerProcess } from './testing/server-process.js';
import { describeEachDialect, QINGNIAN, type TestEnv } from './testing/test-env.js';

const bin = path.resolve(import.meta.dirname, '../../bin/lianxin.mjs');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Signs in over real HTTP and returns the session cookie. */
async function signIn(server: ServerProcess, username: string, password: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .find((c) => c.startsWith('lianxin_session='))!
    .split(';')[0]!;
}

/** `lianxin audit verify` as an operator runs it after an incident. */
async function auditVerify(env: TestEnv): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'audit', 'verify'], {
      env: env.cliEnv(),
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

/**
 * What a power cut or an OOM kill does to a running server: kill -9 in the middle of work, then
 * start again. Nothing the server acknowledged may be lost, nothing may be left half-written,
 * the audit chain must verify, and background work must pick up where it was.
 */
describeEachDialect('crash safety: kill -9 during work, then restart', (env) => {
  let server: ServerProcess;
  let grid = '';
  let operator = { username: '', password: '' };
  let secretary = { username: '', password: '' };

  beforeAll(async () => {
    grid = await env.createRegion(QINGNIAN, 'grid', '断电网格');
    await env.createRegion(grid, 'building', '1号楼');
    operator = await env.createUser({ role: 'hotline_operator', regionCode: '230108' });
    secretary = await env.createUser({ role: 'secretary', regionCode: QINGNIAN });
    server = new ServerProcess(
      { ...env.cliEnv(), LIANXIN_DEMO: '0', LIANXIN_LOGIN_RATE_LIMIT: '10000', LOG_LEVEL: 'warn' },
      await freePort(),
    );
    await server.start();
  }, 120_000);

  afterAll(() => server.kill());

  it('keeps every acknowledged intake and leaves no order without its intake event', {
    timeout: 180_000,
  }, async () => {
    const cookie = await signIn(server, operator.username, operator.password);
    const acknowledged: string[] = [];
    const serverErrors: string[] = [];
    let stop = false;
    const worker = async (n: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const response = await fetch(`${server.baseUrl}/api/work-orders`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json' },
            body: JSON.stringify({
              categoryCode: 'livelihood.elderly_care',
              description: `断电测试 ${n}-${i}：楼道灯不亮`,
              channel: 'hotline',
              regionCode: grid,
              contactName: '李大姐',
              contactPhone: '13845671234',
            }),
          });
          if (response.status === 201) acknowledged.push(workOrderSchema.parse(await response.json()).id);
          else if (response.status >= 500) serverErrors.push(`${response.status} ${await response.text()}`);
        } catch {
          // The connection was cut by the kill: this request was never acknowledged.
        }
      }
    };
    const workers = Array.from({ length: 12 }, (_, n) => worker(n));
    while (acknowledged.length < 150) await sleep(10);
    await server.kill();
    stop = true;
    await Promise.all(workers);
    expect(serverErrors).toEqual([]);

    await server.start();
    const { db } = env.database;
    const stored = new Set(
      (await db.selectFrom('work_orders').select('id').where('region_code', '=', grid).execute()).map(
        (r) => r.id,
      ),
    );
    const lost = acknowledged.filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
    // An order and its intake event are written in one transaction: never one without the other.
    const withoutIntake = await db
      .selectFrom('work_orders')
      .select('id')
      .where('region_code', '=', grid)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('work_order_events')
              .select(sql`1`.as('one'))
              .whereRef('work_order_events.work_order_id', '=', 'work_orders.id')
              .where('work_order_events.to_status', '=', 'received'),
          ),
        ),
      )
      .execute();
    expect(withoutIntake).toEqual([]);
    const verified = await auditVerify(env);
    expect(verified.stdout).toContain('审计链完整');
    expect(verified.code).toBe(0);
    // The restarted server takes orders again.
    const again = await fetch(`${server.baseUrl}/api/work-orders/${acknowledged[0]}`, {
      headers: { cookie: await signIn(server, operator.username, operator.password) },
    });
    expect(again.status).toBe(200);
  });

  it('rolls an import killed halfway back whole, marks its job failed, and resumes the SLA sweeper', {
    timeout: 240_000,
  }, async () => {
    const { db } = env.database;
    const personsBefore = await env.countRows('persons');
    const file = env.file('crash-import.xlsx');
    await writeResidentXlsx(file, [
      ...residentRows({ count: 40_000, gridCode: grid, buildings: ['1号楼'], seed: 77 }),
    ]);
    const cookie = await signIn(server, secretary.username, secretary.password);
    const upload = multipartFile(file);
    const started = await fetch(`${server.baseUrl}/api/imports`, {
      method: 'POST',
      headers: { cookie, ...upload.headers },
      body: upload.payload,
    });
    expect(started.status).toBe(202);
    const job = importJobSchema.parse(await started.json());
    // Kill once the import is well under way (rows read and being written).
    for (;;) {
      const status = importJobSchema.parse(
        await (await fetch(`${server.baseUrl}/api/imports/${job.id}`, { headers: { cookie } })).json(),
      );
      expect(status.status).toBe('running');
      if (status.progress >= 0.3) break;
      await sleep(50);
    }
    // An order whose deadline passes while the server is down: the sweeper must catch it at start.
    const [order] = await db
      .selectFrom('work_orders')
      .select('id')
      .where('region_code', '=', grid)
      .limit(1)
      .execute();
    await server.kill();
    await db
      .updateTable('work_orders')
      .set({ due_at: new Date(Date.now() - 3_600_000).toISOString(), status: 'dispatched', overdue: 0 })
      .where('id', '=', order!.id)
      .execute();

    await server.start();
    expect(await env.countRows('persons')).toBe(personsBefore);
    const after = await fetch(`${server.baseUrl}/api/imports/${job.id}`, {
      headers: { cookie: await signIn(server, secretary.username, secretary.password) },
    });
    expect(importJobSchema.parse(await after.json()).status).toBe('failed');
    let overdue = 0;
    for (let i = 0; i < 150 && overdue !== 1; i++) {
      await sleep(100);
      overdue = Number(
        (
          await db
            .selectFrom('work_orders')
            .select('overdue')
            .where('id', '=', order!.id)
            .executeTakeFirstOrThrow()
        ).overdue,
      );
    }
    expect(overdue).toBe(1);
    const verified = await auditVerify(env);
    expect(verified.code).toBe(0);
  });
});
