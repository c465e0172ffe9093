#!/usr/bin/env node
// `npm run bench -- <name> [options]` runs bench/<name>.bench.ts. Each benchmark measures its own
// baseline in the same run and ends with one line of JSON: { "bench": name, "ratio": …, … }.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [name, ...args] = process.argv.slice(2);
const dir = import.meta.dirname;
const available = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace('.bench.ts', ''));
if (!name || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- <${available.join('|')}> [options]\n`);
  process.exit(2);
}
const tsx = path.join(dir, '../node_modules/tsx/dist/cli.mjs');
const result = spawnSync(
  process.execPath,
  ['--expose-gc', tsx, path.join(dir, `${name}.bench.ts`), ...args],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
