/**
 * bench/import: what validation, protection and de-duplication cost on a resident import.
 * Generates N valid rows (.xlsx), then in the same run measures
 *   baseline — the same streaming reader, rows written unvalidated and unencrypted with one plain
 *              prepared INSERT in one transaction;
 *   import   — the real `lianxin import residents`.
 * ratio = import rows/s ÷ baseline rows/s (target ≥ 0.5 on SQLite); peak memory of the import
 * process (target < 400 MB at 1,000,000 rows).
 *   npm run bench -- import [--rows 200000] [--dialect sqlite|postgres]
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { residentRows, writeResidentXlsx } from '../src/server/fixtures/resident-rows.js';
import { benchDatabase, benchOptions, gridWithBuildings, printResult, round, scratchDir } from './support.js';

const { dialect, rows } = benchOptions(200_000);
const dir = scratchDir();
const { handle, ctx } = await benchDatabase(dialect);
// About 2.5 persons a household and 810 flats a building in the generated layout.
const { grid, names } = await gridWithBuildings(ctx, Math.ceil(rows / 2.5 / 800) + 1);
const file = path.join(dir, 'residents.xlsx');
process.stdout.write(`generating ${rows} rows → ${file}\n`);
await writeResidentXlsx(file, residentRows({ count: rows, gridCode: grid, buildings: names, seed: 2026 }));
await handle.database.close();

const tsx = path.resolve(import.meta.dirname, '../node_modules/tsx/dist/cli.mjs');
const worker = path.resolve(import.meta.dirname, 'import-worker.ts');
const measure = (mode: 'baseline' | 'import') => {
  const output = execFileSync(
    process.execPath,
    [tsx, worker, mode, file, handle.dataDir, handle.databaseUrl ?? ''],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(output.trim().split('\n').at(-1)!) as { rows: number; seconds: number; maxRssMb: number };
};

const base = measure('baseline');
process.stdout.write(
  `baseline: ${base.rows} rows in ${base.seconds.toFixed(1)} s = ${Math.round(base.rows / base.seconds)} rows/s, peak ${base.maxRssMb} MB\n`,
);
const real = measure('import');
process.stdout.write(
  `import:   ${real.rows} rows in ${real.seconds.toFixed(1)} s = ${Math.round(real.rows / real.seconds)} rows/s, peak ${real.maxRssMb} MB\n`,
);
await handle.drop();

const ratio = round(real.rows / real.seconds / (base.rows / base.seconds));
printResult({
  bench: 'import',
  dialect,
  rows,
  ratio,
  target: 0.5,
  rowsPerSecond: Math.round(real.rows / real.seconds),
  baselineRowsPerSecond: Math.round(base.rows / base.seconds),
  peakRssMb: real.maxRssMb,
  baselinePeakRssMb: base.maxRssMb,
  peakRssTargetMb: 400,
});
