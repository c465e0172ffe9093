#!/usr/bin/env node
// The documented part of the integration suite on a Citus cluster (issue 19). Builds and installs
// Citus into this machine's PostgreSQL 15 if needed (../shared/citus/build.sh, about 3 minutes),
// starts a coordinator and two workers, runs the files below with LIANXIN_CITUS_URL set (each
// test database is made on every node, migrated and distributed by `lianxin citus distribute`'s
// code, see src/server/testing/citus-database.ts) and stops the cluster. Run as root.
//   node scripts/citus-test.mjs [--keep] [vitest file ...]
// --keep leaves the cluster running (data in /tmp/lianxin-citus, coordinator on 9700).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const citusDir = process.env.LIANXIN_CITUS_SOURCE ?? path.resolve(root, '../shared/citus');
const dataDir = process.env.LIANXIN_CITUS_DATA ?? '/tmp/lianxin-citus';
const port = Number(process.env.LIANXIN_CITUS_PORT ?? 9700);
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const requested = args.filter((a) => a !== '--keep');

/** What runs on the cluster: intake and actions, register search, import, cockpit, transfers, audit. */
export const CITUS_SUITE = [
  'src/server/db/citus/citus-cluster.test.ts',
  'src/server/modules/work-orders/work-orders.lifecycle.test.ts',
  'src/server/modules/work-orders/work-orders.scope.test.ts',
  'src/server/modules/register/persons.test.ts',
  'src/server/modules/register/import-jobs.test.ts',
  'src/server/modules/cockpit/cockpit.test.ts',
  'src/server/modules/cockpit/rollup-deltas.test.ts',
  'src/server/modules/member-workflows/transfers.test.ts',
  'src/server/modules/audit/audit-chain.test.ts',
  'src/server/modules/audit/audit.test.ts',
  'src/server/db/citus/citus-claims.test.ts',
];

function step(title, command, commandArgs, env = process.env) {
  const started = Date.now();
  process.stdout.write(`\n== ${title}\n`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  process.stdout.write(
    `== ${title}: ${result.status === 0 ? 'ok' : `failed (${result.status})`} in ${seconds} s\n`,
  );
  return result.status ?? 1;
}

if (!fs.existsSync(path.join(citusDir, 'build.sh'))) {
  process.stderr.write(`No Citus source at ${citusDir} (set LIANXIN_CITUS_SOURCE).\n`);
  process.exit(2);
}
// Through bash: CI lays ../shared/ without write bits, and the scripts' modes are not ours to rely on.
const citusScript = (name) => path.join(citusDir, name);
if (step('build and install Citus (skipped when installed)', 'bash', [citusScript('build.sh')]) !== 0)
  process.exit(1);
// A cluster left running on these ports by an earlier run would be wiped under its feet: stop it first.
step('stop a cluster left from an earlier run', 'bash', [
  citusScript('cluster.sh'),
  'stop',
  dataDir,
  String(port),
]);
if (step('start the cluster', 'bash', [citusScript('cluster.sh'), 'start', dataDir, String(port)]) !== 0)
  process.exit(1);

let status = 1;
try {
  status = step(
    'integration suite on Citus (postgres variant only)',
    path.join(root, 'node_modules/.bin/vitest'),
    [
      'run',
      // A test database on the cluster is three databases, migrated and distributed: slow to make.
      '--hookTimeout',
      '300000',
      '--testTimeout',
      '120000',
      '-t',
      'postgres|Citus',
      ...(requested.length ? requested : CITUS_SUITE),
    ],
    {
      ...process.env,
      CI: 'true',
      LIANXIN_CITUS_URL: `postgres://postgres@127.0.0.1:${port}/postgres`,
    },
  );
} finally {
  if (!keep) step('stop the cluster', 'bash', [citusScript('cluster.sh'), 'stop', dataDir, String(port)]);
}
process.exit(status);
