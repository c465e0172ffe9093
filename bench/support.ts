import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Scope } from '../src/server/auth/scope.js';
import { bootstrap, SYSTEM_ACTOR } from '../src/server/bootstrap.js';
import { type Config, loadConfig } from '../src/server/config.js';
import type { Dialect } from '../src/server/db/database.js';
import { benchBaselineRepository } from '../src/server/http/bench-baseline.repository.js';
import { RegionsService } from '../src/server/modules/regions/regions.service.js';
import { createServiceContext, type ServiceContext } from '../src/server/services.js';
import {
  createCitusTestDatabase,
  createTestDatabase,
  type TestDatabaseHandle,
} from '../src/server/testing/test-database.js';

/**
 * `citus`: a database on the Citus cluster whose coordinator LIANXIN_CITUS_URL names (default the
 * one `../shared/citus/cluster.sh start` runs), made on every node, migrated and distributed as
 * `lianxin citus distribute` does. It is PostgreSQL to the application.
 */
export type BenchDialect = Dialect | 'citus';

export function benchDialect(value: string | undefined): BenchDialect {
  if (value === 'postgres' || value === 'citus') return value;
  return 'sqlite';
}

const CITUS_DEFAULT_URL = 'postgres://postgres@127.0.0.1:9700/postgres';
/** Shards per distributed table: Citus's default and production's, so a create lands as it would there. */
const CITUS_SHARD_COUNT = 32;

/** Options every benchmark understands: `--dialect sqlite|postgres` and `--rows N`. */
export function benchOptions(defaultRows: number): { dialect: Dialect; rows: number } {
  const { values } = parseArgs({
    options: {
      dialect: { type: 'string', default: 'sqlite' },
      rows: { type: 'string', default: String(defaultRows) },
    },
    allowPositionals: true,
  });
  const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
  return { dialect, rows: Number(values.rows) };
}

/** A fresh database of the dialect, bootstrapped with the real region tree and an admin. */
export async function benchDatabase(
  dialect: BenchDialect,
  environment: Record<string, string> = {},
): Promise<{ handle: TestDatabaseHandle; ctx: ServiceContext; config: Config }> {
  const handle =
    dialect === 'citus'
      ? await createCitusTestDatabase(process.env.LIANXIN_CITUS_URL || CITUS_DEFAULT_URL, {
          shardCount: CITUS_SHARD_COUNT,
          // The baseline route's table, made before distributing so that it is distributed by
          // district_code too, co-located with the work orders: on a coordinator-local table the
          // baseline would skip the hop to a worker that every create pays, and flatter the ratio.
          ...(environment.LIANXIN_BENCH_ROUTES === '1'
            ? { beforeDistribute: (database) => benchBaselineRepository.ensureTable(database.db) }
            : {}),
        })
      : await createTestDatabase(dialect);
  const config = loadConfig({
    LIANXIN_DATA_DIR: handle.dataDir,
    LIANXIN_ADMIN_PASSWORD: 'Bench-Admin-2026',
    ...(handle.databaseUrl ? { DATABASE_URL: handle.databaseUrl } : {}),
    ...environment,
  });
  const ctx = createServiceContext(config, handle.database, () => new Date());
  await bootstrap(ctx, handle.database);
  return { handle, ctx, config };
}

/** A grid under 青年社区 with `buildings` buildings named 1号楼, 2号楼, … */
export async function gridWithBuildings(
  ctx: ServiceContext,
  buildings: number,
): Promise<{ grid: string; names: string[] }> {
  const regions = new RegionsService(ctx);
  const scope = new Scope(['230108'], ctx.database.dialect);
  const grid = await regions.createChild(
    scope,
    '230108001002',
    { kind: 'grid', name: '压测网格' },
    SYSTEM_ACTOR,
  );
  const names: string[] = [];
  for (let i = 1; i <= buildings; i++) {
    names.push(`${i}号楼`);
    await regions.createChild(scope, grid.code, { kind: 'building', name: `${i}号楼` }, SYSTEM_ACTOR);
  }
  return { grid: grid.code, names };
}

export function scratchDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-'));
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** The last line of every benchmark. */
export function printResult(
  result: { bench: string; ratio: number; target: number } & Record<string, unknown>,
): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
