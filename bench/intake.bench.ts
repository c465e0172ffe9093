/**
 * bench/intake: authenticated creation of work orders over real HTTP (validation, the order, its
 * event, an audit link and an outbox row, in one transaction) against a bare route of the same
 * server that answers the same JSON without touching the database; 50 connections each.
 * Target on SQLite: ratio ≥ 0.3 and p99 < 50 ms.
 *   npm run bench -- intake [--dialect sqlite|postgres] [--seconds 4] [--rounds 3] [--connections 50]
 * The load is generated in a worker thread (autocannon's `workers`), so on a machine of two cores
 * the generator and the server each have one. The two routes take turns for `rounds` rounds of
 * `seconds` each, so a change in the machine's load hits both alike; the medians are reported.
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildApp } from '../src/server/app.js';
import { verifyAuditChain } from '../src/server/modules/audit/audit-verify.js';
import { BENCH_OPERATOR, createBenchOperator, elderlyCareIntake } from './intake-support.js';
import { benchDatabase, gridWithBuildings, median, printResult, round } from './support.js';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    seconds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
  },
  allowPositionals: true,
});
const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
const TARGET_RATIO = 0.3;
const TARGET_P99_MS = 50;

const { handle, ctx, config } = await benchDatabase(dialect);
const { grid } = await gridWithBuildings(ctx, 1);
await createBenchOperator(ctx);

const app = await buildApp({ config, database: handle.database, webRoot: '/nonexistent' });
const body = JSON.stringify(elderlyCareIntake(grid));
// The bare route answers a real create response, captured below before the load starts.
let sample: unknown = null;
app.post('/api/bench/bare', { config: { public: 'benchmark baseline' } }, async (_request, reply) =>
  reply.code(201).send(sample),
);
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

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
const first = await fetch(`${base}/api/work-orders`, { method: 'POST', headers, body });
if (first.status !== 201) throw new Error(`create answered ${first.status}: ${await first.text()}`);
const sampleText = await first.text();
sample = JSON.parse(sampleText);
const bare = await fetch(`${base}/api/bench/bare`, { method: 'POST', headers, body });
const bareText = await bare.text();
if (bare.status !== 201 || bareText.length !== sampleText.length)
  throw new Error(
    `bare route answered ${bare.status} with ${bareText.length} bytes, not ${sampleText.length}`,
  );

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

process.stdout.write(`warming up (${dialect}, ${connections} connections)…\n`);
await load('/api/bench/bare', 3);
await load('/api/work-orders', 3);
const bareRuns: Measured[] = [];
const createRuns: Measured[] = [];
const line = (name: string, m: Measured) =>
  `  ${name}: ${Math.round(m.rate)} requests/s, p50 ${m.p50} ms, p99 ${m.p99} ms\n`;
for (let round = 1; round <= rounds; round++) {
  bareRuns.push(await load('/api/bench/bare', seconds));
  process.stdout.write(line('bare route', bareRuns.at(-1)!));
  createRuns.push(await load('/api/work-orders', seconds));
  process.stdout.write(line('create work order', createRuns.at(-1)!));
}
await app.close();
const medianOf = (runs: Measured[]): Measured => ({
  rate: median(runs.map((r) => r.rate)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  requests: runs.reduce((sum, r) => sum + r.requests, 0),
});
const bareRun = medianOf(bareRuns);
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
const chain = await verifyAuditChain(db);
if (!chain.ok)
  throw new Error(`audit chain broken at ${chain.brokenAt} of chain ${chain.chain}: ${chain.reason}`);
await handle.drop();

const ratio = createRun.rate / bareRun.rate;
process.stdout.write(`medians of ${rounds} rounds of ${seconds} s:\n`);
process.stdout.write(line('bare route', bareRun));
process.stdout.write(line('create work order', createRun));
process.stdout.write(
  `ratio ${ratio.toFixed(3)} (target ≥ ${TARGET_RATIO}), create p99 ${createRun.p99} ms (target < ${TARGET_P99_MS} ms); ${orders} orders, audit chain of ${chain.rows} verified\n`,
);
printResult({
  bench: 'intake',
  dialect,
  connections,
  seconds,
  rounds,
  ratio: round(ratio, 3),
  target: TARGET_RATIO,
  bareRate: Math.round(bareRun.rate),
  createRate: Math.round(createRun.rate),
  bareP99Ms: bareRun.p99,
  createP99Ms: createRun.p99,
  targetP99Ms: TARGET_P99_MS,
  p99Met: createRun.p99 < TARGET_P99_MS,
  orders,
});
