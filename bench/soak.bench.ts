import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Scope } from '../src/server/auth/scope.js';
import { SYSTEM_ACTOR } from '../src/server/bootstrap.js';
import { openDatabase } from '../src/server/db/database.js';
import { residentRows, writeResidentXlsx } from '../src/server/fixtures/resident-rows.js';
import { verifyAuditChain } from '../src/server/modules/audit/audit-verify.js';
import { importResidents } from '../src/server/modules/register/import/resident-import.js';
import { UsersService } from '../src/server/modules/users/users.service.js';
import { BENCH_OPERATOR, createBenchOperator, elderlyCareIntake } from './intake-support.js';
import { soakClient, startSoakServer } from './soak-client.js';
import { type Kind, LABELS, type Label, requestMix } from './soak-mix.js';
import { benchDatabase, gridWithBuildings, median, printResult, round, scratchDir } from './support.js';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    minutes: { type: 'string', default: '10' },
    'warmup-seconds': { type: 'string', default: '30' },
    'probe-seconds': { type: 'string', default: '5' },
    residents: { type: 'string', default: '2000' },
    // A fixed offered rate instead of half the measured maximum: runs compared on a shared
    // machine then carry the same load, whatever the probe happened to measure.
    rate: { type: 'string' },
    // Leaves the database behind (its place is printed) to look at its query plans afterwards.
    'keep-database': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
const minutes = Number(values.minutes);
const warmupSeconds = Number(values['warmup-seconds']);
const probeSeconds = Number(values['probe-seconds']);
const residentCount = Number(values.residents);
const TARGET_RATIO = 0.95;
const TARGET_P99_DRIFT = 1.5;
const TARGET_MEMORY_GROWTH_MB = 50;
const REQUEST_TIMEOUT_MS = 10_000;
/** Requests in flight at most; beyond it the offered load is not sent (and the ratio shows it). */
const MAX_IN_FLIGHT = 256;
const MB = 1024 * 1024;

// ---- The district: a grid with residents, and the staff who work on its orders. ----
const { handle, ctx } = await benchDatabase(dialect);
const { grid, names } = await gridWithBuildings(ctx, 4);
const xlsx = path.join(scratchDir(), 'residents.xlsx');
await writeResidentXlsx(
  xlsx,
  residentRows({ count: residentCount, gridCode: grid, buildings: names, seed: 2026 }),
);
const district = new Scope(['230108'], dialect);
await importResidents(ctx, xlsx, 'xlsx', { scope: district, actor: SYSTEM_ACTOR, skipInvalid: false });
await createBenchOperator(ctx);
const staff = {
  secretary: {
    username: 'soak_secretary',
    password: 'Quiet-Minutes-2026',
    role: 'secretary',
    region: '230108001002',
  },
  worker: { username: 'soak_worker', password: 'Long-Night-Shift-2026', role: 'grid_worker', region: grid },
} as const;
const users = new UsersService(ctx);
const workerId = await (async () => {
  let id = '';
  for (const [key, s] of Object.entries(staff)) {
    const created = await users.create(
      district,
      {
        username: s.username,
        password: s.password,
        displayName: key,
        regionCode: s.region,
        mustChangePassword: false,
      },
      SYSTEM_ACTOR,
    );
    await users.assignRole(district, created.user.id, { role: s.role, regionCode: s.region }, SYSTEM_ACTOR);
    if (key === 'worker') id = created.user.id;
  }
  return id;
})();
const personIds = (await handle.database.db.selectFrom('persons').select('id').execute()).map((p) => p.id);
const surnames = [...'王李张刘陈杨赵黄周吴'];
await handle.database.close();

// ---- The server, in its own process. ----
const { server, port } = await startSoakServer(handle.dataDir, handle.databaseUrl);
const base = `http://127.0.0.1:${port}`;
const { send, login, agent } = soakClient(base, REQUEST_TIMEOUT_MS);
const cookies = {
  admin: await login('admin', 'Bench-Admin-2026'),
  operator: await login(BENCH_OPERATOR.username, BENCH_OPERATOR.password),
  secretary: await login(staff.secretary.username, staff.secretary.password),
  worker: await login(staff.worker.username, staff.worker.password),
};
const intakeBody = elderlyCareIntake(grid);

// ---- 1. The maximum intake rate, measured briefly. ----
const probe = async (duration: number) => {
  const result = await autocannon({
    url: `${base}/api/work-orders`,
    method: 'POST',
    headers: { cookie: cookies.operator, 'content-type': 'application/json' },
    body: JSON.stringify(intakeBody),
    connections: 50,
    duration,
  });
  if (result.errors > 0 || result.non2xx > 0 || result.timeouts > 0)
    throw new Error(
      `intake probe: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
    );
  return { rate: result.requests.total / duration, p99: result.latency.p99 };
};
process.stdout.write(`measuring the maximum intake rate (${dialect}, 50 connections, ${probeSeconds} s)…\n`);
await probe(2);
const max = await probe(probeSeconds);
const offeredRate = values.rate ? Number(values.rate) : max.rate / 2;
process.stdout.write(
  `  maximum intake ${Math.round(max.rate)} orders/s (p99 ${max.p99} ms); soak at ${Math.round(offeredRate)} requests/s\n`,
);

// ---- 2. The soak: an open-loop mix at half that rate. ----
const nextRequest = requestMix({ send, cookies, grid, personIds, surnames, workerId, intakeBody });

interface Minute {
  latencies: number[];
  errors: number;
  requests: number;
  byKind: Record<Kind, number>;
  byLabel: Map<Label, number[]>;
}
const minutesStats: Minute[] = Array.from({ length: minutes }, () => ({
  latencies: [],
  errors: 0,
  requests: 0,
  byKind: { read: 0, search: 0, intake: 0, action: 0 },
  byLabel: new Map(),
}));
/** Latencies by kind over the whole measured period: which part of the mix makes the tail. */
const kindLatencies: Record<Kind, number[]> = { read: [], search: [], intake: [], action: [] };
const memory: { t: number; rss: number; heap: number }[] = [];
const errorSamples = new Map<string, number>();
let warmupErrors = 0;
let notSent = 0;
let inFlight = 0;

const totalMs = (warmupSeconds + minutes * 60) * 1000;
const started = performance.now();
const measuringFrom = warmupSeconds * 1000;
const secondsIn = () => (performance.now() - started) / 1000;

function fire(): void {
  const request = nextRequest();
  const begun = performance.now();
  inFlight += 1;
  const record = (ok: boolean, what: string) => {
    inFlight -= 1;
    const at = begun - started;
    if (!ok)
      errorSamples.set(`${request.kind} ${what}`, (errorSamples.get(`${request.kind} ${what}`) ?? 0) + 1);
    if (at < measuringFrom) {
      if (!ok) warmupErrors += 1;
      return;
    }
    const minute = minutesStats[Math.floor((at - measuringFrom) / 60_000)];
    if (!minute) return;
    minute.requests += 1;
    minute.byKind[request.kind] += 1;
    minute.latencies.push(performance.now() - begun);
    const ofLabel = minute.byLabel.get(request.label) ?? [];
    ofLabel.push(performance.now() - begun);
    minute.byLabel.set(request.label, ofLabel);
    kindLatencies[request.kind].push(performance.now() - begun);
    if (!ok) minute.errors += 1;
  };
  request.run().then(
    (answer) => {
      const ok = answer.status >= 200 && answer.status < 300;
      if (ok) request.done?.(answer);
      record(ok, ok ? '' : `${answer.status} ${answer.body.slice(0, 120)}`);
    },
    (error: unknown) => record(false, error instanceof Error ? error.message : String(error)),
  );
}

async function sampleMemory(): Promise<void> {
  const answer = await send('GET', '/metrics', '');
  const gauge = (name: string) =>
    Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(answer.body)?.[1] ?? Number.NaN);
  memory.push({
    t: secondsIn(),
    rss: gauge('process_resident_memory_bytes'),
    heap: gauge('nodejs_heap_used_bytes'),
  });
}

process.stdout.write(
  `soaking: ${warmupSeconds} s warm-up, then ${minutes} min at ${Math.round(offeredRate)} requests/s…\n`,
);
let issued = 0;
let nextMemoryAt = 0;
let reportedMinute = 0;
while (performance.now() - started < totalMs) {
  const elapsed = secondsIn();
  const due = Math.floor(elapsed * offeredRate) - issued;
  for (let i = 0; i < due; i++) {
    issued += 1;
    if (inFlight >= MAX_IN_FLIGHT) notSent += 1;
    else fire();
  }
  if (elapsed >= nextMemoryAt) {
    nextMemoryAt += 5;
    void sampleMemory().catch(() => undefined);
  }
  const finished = Math.floor((elapsed * 1000 - measuringFrom) / 60_000);
  if (finished > reportedMinute && finished <= minutes) {
    const m = minutesStats[reportedMinute]!;
    process.stdout.write(
      `  minute ${reportedMinute + 1}: ${m.requests} requests, ${m.errors} errors, p99 ${percentile(m.latencies, 99).toFixed(1)} ms\n`,
    );
    reportedMinute = finished;
  }
  await new Promise((resolve) => setTimeout(resolve, 5));
}
// Let the last requests finish, then one more memory reading.
while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
await sampleMemory();

const lastRequests = await send('GET', '/metrics', '');
const server5xx = [
  ...lastRequests.body.matchAll(/^lianxin_http_requests_total\{[^}]*status="5xx"[^}]*\} (\S+)$/gm),
].reduce((sum, match) => sum + Number(match[1]), 0);
agent.destroy();
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));

// What the load left behind must still hold together.
const reopened = openDatabase({ dataDir: handle.dataDir, databaseUrl: handle.databaseUrl });
const chain = await verifyAuditChain(reopened.db);
await reopened.close();
if (!chain.ok)
  throw new Error(`audit chain broken at ${chain.brokenAt} of chain ${chain.chain}: ${chain.reason}`);
if (values['keep-database'])
  process.stdout.write(`database kept: ${handle.databaseUrl ?? path.join(handle.dataDir, 'lianxin.db')}\n`);
else await handle.drop();

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// ---- 3. The figures. ----
const measuredSeconds = minutes * 60;
const completed = minutesStats.reduce((sum, m) => sum + m.requests, 0);
// Failed answers only; requests the generator could not send (the server had MAX_IN_FLIGHT
// unanswered) are saturation, not errors: they show in the ratio and in `notSent`.
const errors = minutesStats.reduce((sum, m) => sum + m.errors, 0) + warmupErrors;
const achievedRate = completed / measuredSeconds;
const ratio = achievedRate / offeredRate;
const p99s = minutesStats.map((m) => percentile(m.latencies, 99));
const p99DriftRatio = p99s[0]! > 0 ? p99s.at(-1)! / p99s[0]! : 0;
const inMinute = (index: number) =>
  memory.filter(
    (s) =>
      s.t >= warmupSeconds + index * 60 && s.t < warmupSeconds + (index + 1) * 60 && Number.isFinite(s.rss),
  );
const firstMemory = inMinute(0);
const lastMemory = inMinute(minutes - 1);
const medianMb = (samples: typeof memory, key: 'rss' | 'heap') =>
  samples.length > 0 ? median(samples.map((s) => s[key])) / MB : Number.NaN;
const rssFirst = medianMb(firstMemory, 'rss');
const rssLast = medianMb(lastMemory, 'rss');
const heapFirst = medianMb(firstMemory, 'heap');
const heapLast = medianMb(lastMemory, 'heap');
const kinds = minutesStats.reduce(
  (sum, m) => {
    for (const kind of Object.keys(sum) as Kind[]) sum[kind] += m.byKind[kind];
    return sum;
  },
  { read: 0, search: 0, intake: 0, action: 0 },
);

process.stdout.write(`per minute after warm-up:\n`);
minutesStats.forEach((m, i) => {
  process.stdout.write(
    `  ${i + 1}: ${(m.requests / 60).toFixed(1)} requests/s, p50 ${percentile(m.latencies, 50).toFixed(1)} ms, p99 ${p99s[i]!.toFixed(1)} ms, ${m.errors} errors\n`,
  );
});
// Per request label and minute, p50/p99 (ms): a query whose cost grows with its table rises
// minute by minute while the others only carry the queueing.
process.stdout.write(`p50/p99 ms by request and minute:\n`);
for (const label of LABELS) {
  const cells = minutesStats.map((m) => {
    const values = m.byLabel.get(label) ?? [];
    return values.length === 0
      ? '—'
      : `${percentile(values, 50).toFixed(0)}/${percentile(values, 99).toFixed(0)}`;
  });
  process.stdout.write(`  ${label.padEnd(13)} ${cells.map((c) => c.padStart(11)).join(' ')}\n`);
}
process.stdout.write(
  `mix: ${Object.entries(kinds)
    .map(([kind, n]) => `${kind} ${((n / Math.max(1, completed)) * 100).toFixed(0)}%`)
    .join(
      ', ',
    )}; ${errors} errors (${warmupErrors} in warm-up), server 5xx ${server5xx}; ${notSent} not sent (${MAX_IN_FLIGHT} unanswered)\n`,
);
process.stdout.write(
  `p99 by kind: ${(Object.keys(kindLatencies) as Kind[]).map((kind) => `${kind} ${percentile(kindLatencies[kind], 99).toFixed(1)} ms`).join(', ')}\n`,
);
for (const [what, n] of [...errorSamples].slice(0, 5)) process.stdout.write(`  error ×${n}: ${what}\n`);
process.stdout.write(
  `memory (medians of the first and last minute): RSS ${rssFirst.toFixed(1)} → ${rssLast.toFixed(1)} MB, heap ${heapFirst.toFixed(1)} → ${heapLast.toFixed(1)} MB; audit chain of ${chain.rows} verified\n`,
);
printResult({
  bench: 'soak',
  dialect,
  minutes,
  warmupSeconds,
  ratio: round(ratio, 3),
  target: TARGET_RATIO,
  maxIntakeRate: Math.round(max.rate),
  offeredRate: round(offeredRate, 1),
  achievedRate: round(achievedRate, 1),
  requests: completed,
  errors,
  notSent,
  server5xx,
  p99FirstMinuteMs: round(p99s[0]!, 1),
  p99LastMinuteMs: round(p99s.at(-1)!, 1),
  p99DriftRatio: round(p99DriftRatio, 2),
  p99ByKindMs: Object.fromEntries(
    (Object.keys(kindLatencies) as Kind[]).map((kind) => [
      kind,
      round(percentile(kindLatencies[kind], 99), 1),
    ]),
  ),
  targetP99DriftRatio: TARGET_P99_DRIFT,
  rssFirstMB: round(rssFirst, 1),
  rssLastMB: round(rssLast, 1),
  memoryGrowthMB: round(rssLast - rssFirst, 1),
  heapGrowthMB: round(heapLast - heapFirst, 1),
  targetMemoryGrowthMB: TARGET_MEMORY_GROWTH_MB,
  met:
    errors === 0 &&
    ratio >= TARGET_RATIO &&
    p99DriftRatio <= TARGET_P99_DRIFT &&
    rssLast - rssFirst < TARGET_MEMORY_GROWTH_MB,
});
