import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { workOrderSchema } from '../shared/api/work-orders.js';

/** Wrong passwords that lock an account (auth.service.ts). */
const MAX_FAILED_LOGINS = 5;

import { issueKey } from './modules/open311/testing.js';
import { freePort, ServerProcess } from './testing/server-process.js';
import { describeEachDialect, QINGNIAN } from './testing/test-env.js';

const WRONG = 'Wrong-pass-2026';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(
  server: ServerProcess,
  method: 'GET' | 'POST',
  url: string,
  options: { cookie?: string; json?: unknown; form?: string } = {},
): Promise<{ status: number; code: string | undefined; cookie: string | undefined }> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  if (options.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(`${server.baseUrl}${url}`, {
    method,
    headers,
    ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
    ...(options.form !== undefined ? { body: options.form } : {}),
  });
  const text = await response.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { code?: string }).code;
  } catch {
    code = undefined;
  }
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('lianxin_session=') || c.startsWith('lianxin_resident='))
    ?.split(';')[0];
  return { status: response.status, code, cookie };
}

/**
 * Two real server processes on one PostgreSQL database, as `lianxin start --workers 2` runs them
 * (each worker is such a process; here each has its own port so the test can choose which one
 * answers): what one process does, the other sees, and the background jobs act once between them.
 */
describeEachDialect('two server processes on one database', (env) => {
  if (env.dialect === 'sqlite') {
    it.skip('needs PostgreSQL: SQLite has one writing process, and `lianxin start` refuses --workers > 1 on it (start-command.test.ts)', () =>
      undefined);
    return;
  }
  let a: ServerProcess;
  let b: ServerProcess;
  let overdueOrder = '';
  let handlerId = '';

  beforeAll(async () => {
    // An order whose deadline passed while no server ran: both processes start and sweep at once.
    const operator = await env.loginAs({ role: 'hotline_operator', regionCode: '230108' });
    // Its one handler is told of the escalation: once, whichever process sweeps.
    const handler = await env.createUser({ role: 'grid_worker', regionCode: QINGNIAN });
    const taken = await env.inject('POST', '/api/work-orders', {
      cookie: operator.cookie,
      body: {
        categoryCode: 'livelihood.elderly_care',
        description: '两个进程：楼道灯不亮',
        channel: 'hotline',
        regionCode: QINGNIAN,
        contactName: '李大姐',
        contactPhone: '13845671234',
      },
    });
    expect(taken.status).toBe(201);
    overdueOrder = taken.body(workOrderSchema).id;
    handlerId = handler.id;
    await env.database.db
      .updateTable('work_orders')
      .set({
        due_at: new Date(Date.now() - 3_600_000).toISOString(),
        overdue: 0,
        assignee_user_id: handler.id,
      })
      .where('id', '=', overdueOrder)
      .execute();
    const processEnv = {
      ...env.cliEnv(),
      LIANXIN_DEMO: '0',
      LOG_LEVEL: 'warn',
      LIANXIN_SCHEDULER: '1',
      // The lockout is what the login test counts; the per-address limit is Open311's test's.
      LIANXIN_LOGIN_RATE_LIMIT: '10000',
    };
    a = new ServerProcess(processEnv, await freePort());
    b = new ServerProcess(processEnv, await freePort());
    await Promise.all([a.start(), b.start()]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
  });

  it('keeps a session made on A valid on B, and a sign-out on B ends it on A', async () => {
    const user = await env.createUser();
    const login = await call(a, 'POST', '/api/auth/login', {
      json: { username: user.username, password: user.password },
    });
    expect(login.status).toBe(200);
    const cookie = login.cookie!;
    expect((await call(b, 'GET', '/api/auth/me', { cookie })).status).toBe(200);
    expect((await call(b, 'POST', '/api/auth/logout', { cookie })).status).toBeLessThan(300);
    const after = await call(a, 'GET', '/api/auth/me', { cookie });
    expect(after.status).toBe(401);
  });

  it('counts wrong passwords on both processes toward one lock, also when they come at once', async () => {
    const user = await env.createUser();
    const servers = [a, b];
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) {
      const answer = await call(servers[i % 2]!, 'POST', '/api/auth/login', {
        json: { username: user.username, password: WRONG },
      });
      expect(answer.code).toBe('auth.invalid_credentials');
    }
    const fifth = await call(b, 'POST', '/api/auth/login', {
      json: { username: user.username, password: WRONG },
    });
    expect(fifth.code).toBe('auth.locked');
    const right = await call(a, 'POST', '/api/auth/login', {
      json: { username: user.username, password: user.password },
    });
    expect(right.code).toBe('auth.locked');

    // 30 wrong passwords at once, half on each process: at most the cap is ever checked.
    const other = await env.createUser();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(servers[i % 2]!, 'POST', '/api/auth/login', {
          json: { username: other.username, password: WRONG },
        }),
      ),
    );
    expect(answers.every((x) => x.status === 401)).toBe(true);
    expect(answers.filter((x) => x.code === 'auth.invalid_credentials').length).toBeLessThanOrEqual(
      MAX_FAILED_LOGINS - 1,
    );
    const evaluated = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', other.id)
      .where('action', 'in', ['auth.login_failed', 'auth.locked'])
      .execute();
    expect(evaluated.length).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(evaluated.filter((r) => r.action === 'auth.locked').length).toBe(1);
  });

  it('holds the portal’s code limits across processes', async () => {
    const phone = '13912345671';
    expect((await call(a, 'POST', '/api/portal/otp', { json: { phone } })).status).toBe(202);
    const again = await call(b, 'POST', '/api/portal/otp', { json: { phone } });
    expect(again.status).toBe(429);
    expect(again.code).toBe('portal.code_too_soon');
    // Both at once for a new phone: one code is sent, the other request is refused.
    const other = '13912345672';
    const both = await Promise.all(
      [a, b].map((s) => call(s, 'POST', '/api/portal/otp', { json: { phone: other } })),
    );
    expect(both.map((x) => x.status).sort()).toEqual([202, 429]);
  });

  it('honours an Open311 key on both processes, its revocation on the other, and one POST allowance per key', async () => {
    const admin = await env.loginAdmin();
    const issued = await issueKey(env, admin, QINGNIAN);
    // Without a service code the request is refused after the key was accepted: 400, not 403.
    const accepted = await call(b, 'POST', '/open311/v2/requests.json', { form: `api_key=${issued.key}` });
    expect(accepted.status).toBe(400);
    const adminOnA = await call(a, 'POST', '/api/auth/login', {
      json: { username: 'admin', password: 'Admin-Pass-2026' },
    });
    expect(
      (await call(a, 'POST', `/api/open311/keys/${issued.id}/revoke`, { cookie: adminOnA.cookie! })).status,
    ).toBe(200);
    expect(
      (await call(b, 'POST', '/open311/v2/requests.json', { form: `api_key=${issued.key}` })).status,
    ).toBe(403);

    // 60 POSTs a minute per key: 30 on each process use the allowance up; the next is refused on either.
    const flood = 'api_key=lx311_two_processes';
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++)
      statuses.push((await call(i % 2 ? a : b, 'POST', '/open311/v2/requests.json', { form: flood })).status);
    expect(statuses.every((s) => s === 403)).toBe(true);
    expect((await call(a, 'POST', '/open311/v2/requests.json', { form: flood })).status).toBe(429);
    expect((await call(b, 'POST', '/open311/v2/requests.json', { form: flood })).status).toBe(429);
  });

  it('escalates a lapsed order once and sends each text message once, though both processes run the jobs', {
    timeout: 60_000,
  }, async () => {
    const { db } = env.database;
    let overdue = 0;
    for (let i = 0; i < 150 && overdue !== 1; i++) {
      if (i > 0) await sleep(100);
      overdue = Number(
        (
          await db
            .selectFrom('work_orders')
            .select('overdue')
            .where('id', '=', overdueOrder)
            .executeTakeFirstOrThrow()
        ).overdue,
      );
    }
    expect(overdue).toBe(1);
    // Every sign-in code asked for above is sent, by one process or the other.
    let pending = 1;
    for (let i = 0; i < 150 && pending > 0; i++) {
      if (i > 0) await sleep(100);
      pending = Number(
        (
          await db
            .selectFrom('notifications')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('status', '=', 'pending')
            .where('template', '=', 'otp')
            .executeTakeFirstOrThrow()
        ).n,
      );
    }
    expect(pending).toBe(0);
    // Both processes have had their turns (the sweeper's at start, the outbox's every 2 s) by now.
    await sleep(3_000);
    const events = await db
      .selectFrom('work_order_events')
      .select('action')
      .where('work_order_id', '=', overdueOrder)
      .where('action', '=', 'overdue')
      .execute();
    expect(events).toHaveLength(1);
    const told = await db
      .selectFrom('notifications')
      .select(['recipient_user_id', sql<number>`count(*)`.as('n')])
      .where('template', '=', 'order_overdue')
      .groupBy('recipient_user_id')
      .execute();
    expect(told.map((row) => [row.recipient_user_id, Number(row.n)])).toEqual([[handlerId, 1]]);
    const otp = await db
      .selectFrom('notifications')
      .select(['status', 'attempts'])
      .where('template', '=', 'otp')
      .execute();
    expect(otp).toHaveLength(2);
    expect(otp.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
    // The console provider printed each code once, in one process or the other.
    const printed = (a.output + b.output).match(/登录验证码 sign-in code/g) ?? [];
    expect(printed).toHaveLength(2);
    const sweeps = await db
      .selectFrom('job_leases')
      .select(['job', 'last_succeeded_at'])
      .where('job', '=', 'sla sweeper')
      .execute();
    expect(sweeps[0]?.last_succeeded_at).not.toBeNull();
  });
});
