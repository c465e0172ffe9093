import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Scope } from '../src/server/auth/scope.js';
import { SYSTEM_ACTOR } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/database.js';
import { importResidents } from '../src/server/modules/register/import/resident-import.js';
import { readSpreadsheet } from '../src/server/modules/register/import/row-source.js';
import { createServiceContext } from '../src/server/services.js';

const [mode, file, dataDir, databaseUrl] = process.argv.slice(2) as [
  string,
  string,
  string,
  string | undefined,
];
const COLUMNS = 14;

async function baseline(): Promise<number> {
  const insertSql = `insert into bench_raw values (${Array.from({ length: COLUMNS }, (_, i) => (databaseUrl ? `$${i + 1}` : '?')).join(', ')})`;
  const createSql = `create table bench_raw (${Array.from({ length: COLUMNS }, (_, i) => `c${i} text`).join(', ')})`;
  let rows = 0;
  const values = (cells: string[]) => Array.from({ length: COLUMNS }, (_, i) => cells[i] ?? '');
  if (!databaseUrl) {
    const db = new SqliteDatabase(path.join(dataDir, 'lianxin.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(createSql);
    const insert = db.prepare(insertSql);
    db.exec('begin');
    let header = true;
    for await (const row of readSpreadsheet(file, 'xlsx')) {
      if (header) {
        header = false;
        continue;
      }
      insert.run(values(row.cells));
      rows += 1;
    }
    db.exec('commit');
    db.close();
    return rows;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(createSql);
  await client.query('begin');
  let header = true;
  for await (const row of readSpreadsheet(file, 'xlsx')) {
    if (header) {
      header = false;
      continue;
    }
    await client.query({ name: 'bench_insert', text: insertSql, values: values(row.cells) });
    rows += 1;
  }
  await client.query('commit');
  await client.end();
  return rows;
}

async function realImport(): Promise<{ rows: number; created: number; invalid: number }> {
  const config = loadConfig({
    LIANXIN_DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const database = openDatabase({ dataDir, databaseUrl, poolSize: 2 });
  const ctx = createServiceContext(config, database, () => new Date());
  const outcome = await importResidents(ctx, file, 'xlsx', {
    scope: new Scope(['230108'], database.dialect),
    actor: SYSTEM_ACTOR,
    skipInvalid: false,
  });
  await database.close();
  if (outcome.status !== 'succeeded') {
    throw new Error(
      `the benchmark file was rejected: ${[...outcome.problems.values()].slice(0, 3).join(' | ')}`,
    );
  }
  return { rows: outcome.totalRows, created: outcome.created, invalid: outcome.invalid };
}

const started = performance.now();
const result = mode === 'baseline' ? { rows: await baseline() } : await realImport();
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({ mode, ...result, seconds, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
