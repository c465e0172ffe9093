/**
 * Where the database time of a work-order intake goes: creates `--orders` orders through the real
 * route (in-process requests, `--concurrency` at a time) and times every statement, by SQL text —
 * on SQLite each prepared statement's run, on PostgreSQL each query from send to answer (the round
 * trip included). A diagnostic for bench/intake, not a benchmark of its own:
 *   npx tsx bench/intake-statements.ts [--dialect sqlite|postgres|citus] [--orders 3000] [--concurrency 1]
 * On Citus (bench/support.ts makes the database on the cluster) each round trip is to the
 * coordinator, which forwards the statement to the worker holding the district's shard.
 * It prints the time per intake of each statement (the commit included) and of the whole request.
 */
import { parseArgs } from 'node:util';
import type BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { CachedStatements } from '../src/server/db/sqlite-dialect.js';
import { BENCH_OPERATOR, createBenchOperator, elderlyCareIntake } from './intake-support.js';
import { benchDatabase, benchDialect, gridWithBuildings } from './support.js';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    orders: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '1' },
  },
});
const dialect = benchDialect(values.dialect);
const orders = Number(values.orders);
const concurrency = Number(values.concurrency);

/** Microseconds and runs per SQL text. */
const spent = new Map<string, { runs: number; micros: number }>();
const timed = new WeakSet<object>();
const prepare = CachedStatements.prototype.prepare;
// Every statement the app prepares is wrapped once: its run/all/get are timed.
CachedStatements.prototype.prepare = function timedPrepare(this: CachedStatements, sql: string) {
  const statement = prepare.call(this, sql) as unknown as BetterSqlite3.Statement;
  if (!timed.has(statement)) {
    timed.add(statement);
    const methods = statement as unknown as Record<'run' | 'all' | 'get', (...args: unknown[]) => unknown>;
    for (const method of ['run', 'all', 'get'] as const) {
      const original = methods[method].bind(statement);
      methods[method] = (...args: unknown[]) => {
        const started = process.hrtime.bigint();
        try {
          return original(...args);
        } finally {
          record(sql, started);
        }
      };
    }
  }
  return statement as unknown as ReturnType<typeof prepare>;
};

/** What one statement took, added to its SQL text's total; nothing once the intakes are done. */
let recording = true;
const record = (sql: string, started: bigint) => {
  if (!recording) return;
  const entry = spent.get(sql) ?? { runs: 0, micros: 0 };
  entry.runs += 1;
  entry.micros += Number(process.hrtime.bigint() - started) / 1000;
  spent.set(sql, entry);
};

// PostgreSQL: every query of every pooled client, from the call until its answer is in.
type Query = (this: pg.ClientBase, ...args: unknown[]) => unknown;
const query = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function timedQuery(
  this: pg.ClientBase,
  ...args
) {
  const text = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string })?.text ?? '');
  const started = process.hrtime.bigint();
  const answer = query.apply(this, args);
  if (answer instanceof Promise) return answer.finally(() => record(text, started));
  return answer;
};

const { handle, ctx, config } = await benchDatabase(dialect);
const { grid } = await gridWithBuildings(ctx, 1);
await createBenchOperator(ctx);
const app = await buildApp({ config, database: handle.database, webRoot: '/nonexistent' });
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: BENCH_OPERATOR,
});
const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
const payload = elderlyCareIntake(grid);
const intake = async () => {
  const response = await app.inject({
    method: 'POST',
    url: '/api/work-orders',
    headers: { cookie },
    payload,
  });
  if (response.statusCode !== 201)
    throw new Error(`intake answered ${response.statusCode}: ${response.body}`);
};

for (let i = 0; i < 500; i++) await intake(); // warm up: JIT, caches, a table that is not empty
spent.clear();
const started = performance.now();
// `concurrency` intakes under way at any time, as many requests of a busy server would be.
await Promise.all(
  Array.from({ length: concurrency }, async (_, lane) => {
    for (let i = lane; i < orders; i += concurrency) await intake();
  }),
);
const perOrder = ((performance.now() - started) * 1000) / orders;
recording = false; // closing and dropping the database (seconds on Citus) is no intake's time
await app.close();
await handle.drop();

let database = 0;
for (const [sql, { runs, micros }] of [...spent].sort((a, b) => b[1].micros - a[1].micros)) {
  database += micros;
  process.stdout.write(
    `${(micros / orders).toFixed(1).padStart(7)} µs  ${String(runs).padStart(6)}×  ${sql.slice(0, 110)}\n`,
  );
}
process.stdout.write(
  `${orders} intakes, ${concurrency} at a time: ${perOrder.toFixed(0)} µs each, of which ${(database / orders).toFixed(0)} µs in ${dialect === 'sqlite' ? 'SQLite statements' : `${dialect === 'citus' ? 'Citus coordinator' : 'PostgreSQL'} round trips`}\n`,
);
