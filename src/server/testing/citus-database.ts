import type { Kysely } from 'kysely';
import pg from 'pg';
import { distributeOnCitus } from '../db/citus/index.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

/**
 * The Citus cluster the postgres suites run on when LIANXIN_CITUS_URL names its coordinator
 * (e.g. postgres://postgres@127.0.0.1:9700/postgres, as `/work/shared/citus/cluster.sh start`
 * makes it); undefined for a plain PostgreSQL.
 */
export const citusAdminUrl = (): string | undefined => process.env.LIANXIN_CITUS_URL || undefined;

/** One shard per worker: a test database holds a handful of rows, and 120 tables × 32 shards is slow to make. */
const TEST_SHARD_COUNT = 2;

function urlFor(base: string, database: string, host?: string, port?: number): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  if (host) url.hostname = host;
  if (port) url.port = String(port);
  return url.toString();
}

async function run(connectionString: string, statements: string[]): Promise<pg.QueryResult[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const results: pg.QueryResult[] = [];
    for (const statement of statements) results.push(await client.query(statement));
    return results;
  } finally {
    await client.end();
  }
}

/**
 * Creates `name` on the coordinator and every worker (Citus propagates CREATE DATABASE when
 * asked), with the extension in each and the workers registered in the new database's own
 * metadata (Citus keeps its node list per database). Returns its URL on the coordinator.
 */
export async function createCitusDatabase(adminUrl: string, name: string): Promise<string> {
  const [, nodes] = await run(adminUrl, [
    'set citus.enable_create_database_propagation to on',
    `select nodename, nodeport from pg_dist_node where groupid <> 0 and isactive order by nodeport`,
  ]);
  await run(adminUrl, ['set citus.enable_create_database_propagation to on', `create database ${name}`]);
  const workers = (nodes?.rows ?? []) as { nodename: string; nodeport: number }[];
  for (const worker of workers) {
    await run(urlFor(adminUrl, name, worker.nodename, worker.nodeport), [
      'create extension if not exists citus',
    ]);
  }
  const coordinator = new URL(adminUrl);
  const url = urlFor(adminUrl, name);
  await run(url, [
    'create extension if not exists citus',
    `select citus_set_coordinator_host('${coordinator.hostname}', ${Number(coordinator.port || 5432)})`,
    ...workers.map((w) => `select citus_add_node('${w.nodename}', ${w.nodeport})`),
  ]);
  return url;
}

/**
 * Drops `name` everywhere: on the coordinator first (which ends its sessions, and with them their
 * connections to the workers), then on each worker, where Citus's own cached connections may
 * still linger; WITH (FORCE) cuts them.
 */
export async function dropCitusDatabase(adminUrl: string, name: string): Promise<void> {
  const [nodes] = await run(adminUrl, [
    `select nodename, nodeport from pg_dist_node where groupid <> 0 order by nodeport`,
  ]);
  await dropForced(adminUrl, name);
  for (const worker of (nodes?.rows ?? []) as { nodename: string; nodeport: number }[]) {
    await dropForced(urlFor(adminUrl, 'postgres', worker.nodename, worker.nodeport), name);
  }
}

/** A node's Citus maintenance daemon may hold the database a moment longer than FORCE reaches: retry. */
async function dropForced(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await run(serverUrl, [`drop database if exists ${name} with (force)`]);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export interface CitusSetupOptions {
  /** Shards per distributed table; the tests' 2 unless given (a benchmark wants production's 32). */
  shardCount?: number;
  /** Runs after the migrations and before distributing: a table made here is distributed too. */
  beforeDistribute?: (database: Database) => Promise<void>;
}

/** Migrates a fresh cluster database and distributes it, as `lianxin citus distribute` does. */
export async function migrateAndDistribute(
  database: Database,
  options: CitusSetupOptions = {},
): Promise<void> {
  await migrateToLatest(database);
  await options.beforeDistribute?.(database);
  await distributeOnCitus(database.db as unknown as Kysely<unknown>, {
    shardCount: options.shardCount ?? TEST_SHARD_COUNT,
  });
}
