/**
 * bench/intake: authenticated creation of work orders over real HTTP (validation, the order, its
 * event, an audit row and an outbox row, in one transaction; the number taken before it) against
 * the baseline route of the same server (LIANXIN_BENCH_ROUTES=1: the same session, permission and
 * body validation, then one plain INSERT); 50 connections each. The audit sealer and the cockpit's
 * delta folder run during the load as the scheduler runs them in production (every second and two);
 * the other jobs (the SMS outbox among them) are left out, as before these two existed.
 * Targets: ratio ≥ 0.2 and create p99 < 50 ms; on Citus ratio ≥ 0.15 and p99 < 100 ms (a create
 * there crosses from the coordinator to a worker for each of its statements).
 *   npm run bench -- intake [--dialect sqlite|postgres|citus] [--seconds 4] [--rounds 5]
 *                           [--connections 50] [--workers N]
 * `--dialect citus` makes the database on the cluster LIANXIN_CITUS_URL names (default the
 * coordinator of `../shared/citus/cluster.sh`, 127.0.0.1:9700), distributed as `lianxin citus
 * distribute` does with 32 shards, the baseline's table distributed alike (bench/support.ts).
 * With `--workers N` (PostgreSQL or Citus) the server is `lianxin start --workers N` in a child process: N
 * server processes sharing the port, as in production; the sealer and the folder still run here
 * (the workers run no scheduler), so figures with and without the option compare.
 * The load is generated in a worker thread (autocannon's `workers`), so on a machine of two cores
 * the generator and the server each have one. Baseline and intake take turns for `rounds` rounds
 * of `seconds` each, so a change in the machine's load hits both alike; each round gives a ratio,
 * and the median ratio is reported with the lowest and highest (its spread).
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildApp } from '../src/server/app.js';
import { auditAnchor, sealAuditChains, verifyAuditChain } from '../src/server/modules/audit/index.js';
import { foldRollupDeltas } from '../src/server/modules/cockpit/index.js';
import { freePort, ServerProcess } from '../src/server/testing/server-process.js';
import { BENCH_OPERATOR, createBenchOperator, elderlyCareIntake } from './intake-support.js';
import { benchDatabase, benchDialect, gridWithBuildings, median, printResult, round } from './support.js';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    seconds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    workers: { type: 'string' },
  },
  allowPositionals: true,
});
const dialect = benchDialect(values.dialect);
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
const workers = values.workers === undefined ? undefined : Number(values.workers);
if (workers !== undefined && !(Number.isSafeInteger(workers) && workers >= 1))
  throw new Error(`--workers ${values.workers}: a whole number of processes, 1 or more`);
if (workers !== undefined && workers > 1 && dialect === 'sqlite')
  throw new Error(`--workers ${workers}: several server processes need --dialect postgres or citus`);
const TARGET_RATIO = dialect === 'citus' ? 0.15 : 0.2;
const TARGET_P99_MS = dialect === 'citus' ? 100 : 50;

const made = performance.now();
const { handle, ctx, config } = await benchDatabase(dialect, { LIANXIN_BENCH_ROUTES: '1' });
// On Citus this takes minutes (a database on every node, ~120 tables × 32 shards): say so.
process.stdout.write(`database ready in ${((performance.now() - made) / 1000).toFixed(1)} s\n`);
const { grid } = await gridWithBuildings(ctx, 1);
await createBenchOperator(ctx);

// In this process, or `lianxin start --workers N` as a child on the same database.
const app =
  workers === undefined
    ? await buildApp({ config, database: handle.database, webRoot: '/nonexistent' })
    : undefined;
const cluster =
  workers === undefined
    ? undefined
    : new ServerProcess(
        {
          PATH: process.env.PATH,
          LIANXIN_DATA_DIR: handle.dataDir,
          DATABASE_URL: handle.databaseUrl,
          LIANXIN_BENCH_ROUTES: '1',
          LIANXIN_DEMO: '0',
          LIANXIN_SCHEDULER: '0',
          LOG_LEVEL: 'warn',
        },
        await freePort(),
        ['--workers', String(workers)],
      );
// The background work an intake leaves, at the scheduler's pace and, like it, never stacked.
const every = (ms: number, job: () => Promise<unknown>) => {
  let busy = false;
  return setInterval(() => {
    if (busy) return;
    busy = true;
    job()
      .catch((error: unknown) => process.stderr.write(`background job failed: ${String(error)}\n`))
      .finally(() => {
        busy = false;
      });
  }, ms);
};
const background = [every(1_000, () => sealAuditChains(ctx)), every(2_000, () => foldRollupDeltas(ctx))];
const body = JSON.stringify(elderlyCareIntake(grid));
let base: string;
if (app) {
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
} else {
  await cluster!.start();
  base = cluster!.baseUrl;
}

const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(BENCH_OPERATOR),
});
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(';')[0] ?? '')
  .find((c) => c.startsWith('lianxin_session='));
if (!cookie) throw new Error(`login answered ${login.status} without a session cookie`);
const headers = { cookie, 'content-type': 'application/json' };
for (const path of ['/api/work-orders', '/api/bench/baseline']) {
  const first = await fetch(`${base}${path}`, { method: 'POST', headers, body });
  if (first.status !== 201) throw new Error(`${path} answered ${first.status}: ${await first.text()}`);
}

interface Measured {
  rate: number;
  p50: number;
  p99: number;
  requests: number;
}
const load = async (path: string, duration: number): Promise<Measured> => {
  const result = await autocannon({
    url: `${base}${path}`,
    method: 'POST',
    headers,
    body,
    connections,
    duration,
    workers: 1,
  });
  if (result.errors > 0 || result.non2xx > 0 || result.timeouts > 0)
    throw new Error(
      `${path}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`,
    );
  return {
    rate: result.requests.total / duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
  };
};

process.stdout.write(
  `warming up (${dialect}, ${connections} connections${workers ? `, ${workers} server processes` : ''})…\n`,
);
await load('/api/bench/baseline', 3);
await load('/api/work-orders', 3);
const baselineRuns: Measured[] = [];
const createRuns: Measured[] = [];
const line = (name: string, m: Measured) =>
  `  ${name}: ${Math.round(m.rate)} requests/s, p50 ${m.p50} ms, p99 ${m.p99} ms\n`;
for (let round = 1; round <= rounds; round++) {
  baselineRuns.push(await load('/api/bench/baseline', seconds));
  process.stdout.write(line('baseline (one INSERT)', baselineRuns.at(-1)!));
  createRuns.push(await load('/api/work-orders', seconds));
  process.stdout.write(line('create work order', createRuns.at(-1)!));
}
for (const timer of background) clearInterval(timer);
await app?.close();
await cluster?.stop();
const ratios = createRuns.map((run, i) => run.rate / baselineRuns[i]!.rate);
const medianOf = (runs: Measured[]): Measured => ({
  rate: median(runs.map((r) => r.rate)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  requests: runs.reduce((sum, r) => sum + r.requests, 0),
});
const baselineRun = medianOf(baselineRuns);
const createRun = medianOf(createRuns);

// What the created orders left behind must be whole: one event, one audit link, one outbox row each.
// Requests the load generator gave up on at the end may still be finishing: wait until the counts
// stand still, each read in one statement so that it sees whole transactions.
const db = handle.database.db;
const counts = async () => {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('work_orders').select(eb.fn.countAll<number>().as('n')).as('orders'),
      eb.selectFrom('work_order_events').select(eb.fn.countAll<number>().as('n')).as('events'),
      eb.selectFrom('notifications').select(eb.fn.countAll<number>().as('n')).as('outbox'),
    ])
    .executeTakeFirstOrThrow();
  return { orders: Number(row.orders), events: Number(row.events), outbox: Number(row.outbox) };
};
let settled = await counts();
for (;;) {
  await new Promise((resolve) => setTimeout(resolve, 300));
  const again = await counts();
  if (again.orders === settled.orders) break;
  settled = again;
}
const { orders, events, outbox } = settled;
if (orders !== events || orders !== outbox)
  throw new Error(`${orders} orders but ${events} events and ${outbox} outbox rows`);
// What the background jobs had not reached yet, then the chains checked with the key.
await sealAuditChains(ctx, { wait: true });
await foldRollupDeltas(ctx);
const chain = await verifyAuditChain(db, auditAnchor(ctx));
if (!chain.ok)
  throw new Error(`audit chain broken at ${chain.brokenAt} of chain ${chain.chain}: ${chain.reason}`);
await handle.drop();

const ratio = median(ratios);
process.stdout.write(`medians of ${rounds} rounds of ${seconds} s:\n`);
process.stdout.write(line('baseline (one INSERT)', baselineRun));
process.stdout.write(line('create work order', createRun));
process.stdout.write(
  `ratio ${ratio.toFixed(3)} (rounds ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}; target ≥ ${TARGET_RATIO}), create p99 ${createRun.p99} ms (target < ${TARGET_P99_MS} ms); ${orders} orders, ${chain.rows} audit rows verified\n`,
);
printResult({
  bench: 'intake',
  dialect,
  workers: workers ?? 1,
  connections,
  seconds,
  rounds,
  createsPerSecond: Math.round(createRun.rate),
  p99Ms: createRun.p99,
  baselinePerSecond: Math.round(baselineRun.rate),
  baselineP99Ms: baselineRun.p99,
  ratio: round(ratio, 3),
  ratioMin: round(Math.min(...ratios), 3),
  ratioMax: round(Math.max(...ratios), 3),
  target: TARGET_RATIO,
  targetP99Ms: TARGET_P99_MS,
  p99Met: createRun.p99 < TARGET_P99_MS,
  orders,
});
