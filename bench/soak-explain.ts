/**
 * What each request of the soak's mix costs in the database, statement by statement, on a
 * database a soak left behind (`npm run bench -- soak --keep-database`): its time and its plan
 * (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL). A query whose cost grows with its
 * table shows here as a scan or a temporary sort over the whole table.
 *   tsx bench/soak-explain.ts <sqlite file | postgres url> [repeat=20]
 */
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type LogEvent, PostgresDialect } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import type { Database } from '../src/server/db/database.js';
import { GroupCommitSqliteDialect } from '../src/server/db/sqlite-dialect.js';
import type { DB } from '../src/server/db/tables.js';
import { BENCH_OPERATOR, elderlyCareIntake } from './intake-support.js';

const [target, repeatText] = process.argv.slice(2) as [string, string | undefined];
const repeat = Number(repeatText ?? '20');
const isPostgres = target.startsWith('postgres');

interface Seen {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}
let seen: Seen[] = [];
const log = (event: LogEvent) => {
  seen.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
};

const sqlite = isPostgres ? undefined : new SqliteDatabase(target);
const pool = isPostgres ? new pg.Pool({ connectionString: target, max: 4 }) : undefined;
const db = sqlite
  ? new Kysely<DB>({ dialect: new GroupCommitSqliteDialect({ database: sqlite }), log })
  : new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool! }), log });
const database: Database = {
  db,
  dialect: isPostgres ? 'postgres' : 'sqlite',
  sqliteFile: isPostgres ? undefined : target,
  poolStats: () => ({ total: 1, idle: 1, waiting: 0, max: 1 }),
  close: () => db.destroy(),
};
const config = loadConfig({
  LIANXIN_DATA_DIR: isPostgres ? '/tmp/lianxin-explain' : path.dirname(target),
  LIANXIN_LOGIN_RATE_LIMIT: '10000',
  ...(isPostgres ? { DATABASE_URL: target } : {}),
});
const app = await buildApp({ config, database, webRoot: '/nonexistent' });

async function login(username: string, password: string): Promise<string> {
  const answer = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  const cookie = answer.cookies.find((c) => c.name === 'lianxin_session');
  if (!cookie) throw new Error(`login ${username}: ${answer.statusCode}`);
  return `lianxin_session=${cookie.value}`;
}
const admin = await login('admin', 'Bench-Admin-2026');
const operator = await login(BENCH_OPERATOR.username, BENCH_OPERATOR.password);
const secretary = await login('soak_secretary', 'Quiet-Minutes-2026');
const worker = await login('soak_worker', 'Long-Night-Shift-2026');
const grid = (
  await db.selectFrom('regions').select('code').where('name', '=', '压测网格').executeTakeFirstOrThrow()
).code;
const workerId = (
  await db.selectFrom('users').select('id').where('username', '=', 'soak_worker').executeTakeFirstOrThrow()
).id;
const personId = (await db.selectFrom('persons').select('id').limit(1).executeTakeFirstOrThrow()).id;
const orderCount = await db
  .selectFrom('work_orders')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
process.stdout.write(`${orderCount.n} work orders\n`);

const inject = async (method: 'GET' | 'POST', url: string, cookie: string, payload?: unknown) => {
  const answer = await app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  if (answer.statusCode >= 300) throw new Error(`${method} ${url}: ${answer.statusCode} ${answer.body}`);
  return answer.json<{ id?: string }>();
};

async function plan(statement: Seen): Promise<string> {
  if (sqlite) {
    const values = statement.parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p));
    const rows = sqlite.prepare(`explain query plan ${statement.sql}`).all(...values) as { detail: string }[];
    return rows.map((r) => r.detail).join(' | ');
  }
  if (!/^\s*select/i.test(statement.sql)) return '';
  const result = await pool!.query(`explain analyze ${statement.sql}`, [...statement.parameters]);
  return result.rows.map((r: Record<string, string>) => Object.values(r)[0]).join('\n      ');
}

/** Runs `request` `repeat` times; prints each statement's median time and its plan once. */
async function measure(label: string, request: () => Promise<unknown>) {
  const times = new Map<string, { ms: number[]; first: Seen }>();
  const totals: number[] = [];
  for (let i = 0; i < repeat; i++) {
    seen = [];
    const begun = performance.now();
    await request();
    totals.push(performance.now() - begun);
    for (const s of seen) {
      const entry = times.get(s.sql) ?? { ms: [], first: s };
      entry.ms.push(s.ms);
      times.set(s.sql, entry);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  process.stdout.write(`\n== ${label}: ${median(totals).toFixed(2)} ms a request (median of ${repeat})\n`);
  for (const [sql, entry] of times) {
    process.stdout.write(
      `  ${median(entry.ms).toFixed(3)} ms ×${entry.ms.length / repeat}  ${sql.slice(0, 300)}\n`,
    );
    const explained = await plan(entry.first);
    if (explained) process.stdout.write(`      ${explained}\n`);
  }
}

const intake = elderlyCareIntake(grid);
const ids: string[] = [];
await measure('intake', async () =>
  ids.push((await inject('POST', '/api/work-orders', operator, intake)).id!),
);
await measure('orders-list', () => inject('GET', '/api/work-orders?limit=20', admin));
await measure('order', () => inject('GET', `/api/work-orders/${ids[0]}`, admin));
await measure('persons-list', () => inject('GET', `/api/persons?region=${grid}&limit=20`, admin));
await measure('person', () => inject('GET', `/api/persons/${personId}`, admin));
await measure('search-name', () =>
  inject('GET', `/api/persons?q=${encodeURIComponent('王')}&limit=20`, admin),
);
await measure('search-age', () =>
  inject('GET', `/api/persons?region=${grid}&ageMin=60&ageMax=80&limit=20`, admin),
);
let next = 0;
await measure('dispatch', () =>
  inject('POST', `/api/work-orders/${ids[next++ % ids.length]}/actions`, secretary, {
    action: 'dispatch',
    assigneeUserId: workerId,
  }),
);
next = 0;
await measure('sign', () =>
  inject('POST', `/api/work-orders/${ids[next++ % ids.length]}/actions`, worker, { action: 'sign' }),
);
next = 0;
await measure('resolve', () =>
  inject('POST', `/api/work-orders/${ids[next++ % ids.length]}/actions`, worker, {
    action: 'resolve',
    note: '已上门处理',
  }),
);

await app.close();
await db.destroy();
