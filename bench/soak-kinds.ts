/**
 * What each request of the soak's mix costs the server, against intake's: each one alone, closed
 * loop (20 connections, `seconds` each), on a database a soak left behind
 * (`npm run bench -- soak --keep-database`). Requests a second alone is the inverse of its cost;
 * the mix's sustainable rate is the weighted harmonic mean of them.
 *   tsx bench/soak-kinds.ts <dataDir | postgres url> [seconds=5]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { openDatabase } from '../src/server/db/database.js';
import { BENCH_OPERATOR, elderlyCareIntake } from './intake-support.js';

const [target, secondsText] = process.argv.slice(2) as [string, string | undefined];
const seconds = Number(secondsText ?? '5');
const isPostgres = target.startsWith('postgres');
const dataDir = isPostgres ? '/tmp/lianxin-soak-kinds' : target;
const databaseUrl = isPostgres ? target : '';

const database = openDatabase({ dataDir, databaseUrl: databaseUrl || undefined });
const { db } = database;
const grid = (
  await db.selectFrom('regions').select('code').where('name', '=', '压测网格').executeTakeFirstOrThrow()
).code;
const personIds = (await db.selectFrom('persons').select('id').limit(200).execute()).map((p) => p.id);
const orderIds = (
  await db.selectFrom('work_orders').select('id').orderBy('created_at', 'desc').limit(200).execute()
).map((o) => o.id);
await database.close();

const tsx = path.resolve(import.meta.dirname, '../node_modules/tsx/dist/cli.mjs');
const server: ChildProcess = spawn(
  process.execPath,
  [tsx, path.resolve(import.meta.dirname, 'soak-server.ts'), dataDir, databaseUrl],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const port = await new Promise<number>((resolve, reject) => {
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  createInterface({ input: server.stdout! }).on('line', (line) => {
    const match = /^listening (\d+)$/.exec(line);
    if (match) resolve(Number(match[1]));
  });
});
const base = `http://127.0.0.1:${port}`;

async function login(username: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('lianxin_session='));
  if (!cookie) throw new Error(`login ${username}: ${response.status}`);
  return cookie;
}
const admin = await login('admin', 'Bench-Admin-2026');
const operator = await login(BENCH_OPERATOR.username, BENCH_OPERATOR.password);

const pick = <T>(items: readonly T[], i: number): T => items[i % items.length]!;
const kinds: [string, string, (i: number) => string, string?][] = [
  ['orders-list', admin, () => '/api/work-orders?limit=20'],
  ['order', admin, (i) => `/api/work-orders/${pick(orderIds, i)}`],
  ['persons-list', admin, () => `/api/persons?region=${grid}&limit=20`],
  ['person', admin, (i) => `/api/persons/${pick(personIds, i)}`],
  [
    'search-name',
    admin,
    (i) => `/api/persons?q=${encodeURIComponent(pick([...'王李张刘陈杨赵黄周吴'], i))}&limit=20`,
  ],
  ['search-age', admin, () => `/api/persons?region=${grid}&ageMin=60&ageMax=80&limit=20`],
  ['intake', operator, () => '/api/work-orders', JSON.stringify(elderlyCareIntake(grid))],
];
const rates: Record<string, number> = {};
for (const [label, cookie, url, body] of kinds) {
  let i = 0;
  const result = await autocannon({
    url: base,
    connections: 20,
    duration: seconds,
    requests: [
      {
        method: body ? 'POST' : 'GET',
        headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body } : {}),
        setupRequest: (request) => ({ ...request, path: url(i++) }),
      },
    ],
  });
  const bad = result.errors + result.non2xx + result.timeouts;
  rates[label] = result.requests.total / seconds;
  process.stdout.write(
    `  ${label.padEnd(13)} ${rates[label]!.toFixed(0).padStart(6)} requests/s alone, p50 ${result.latency.p50} ms${bad ? `, ${bad} failed` : ''}\n`,
  );
}
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
