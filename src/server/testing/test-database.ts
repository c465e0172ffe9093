import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, type Dialect, openDatabase } from '../db/database.js';
import {
  type CitusSetupOptions,
  citusAdminUrl,
  createCitusDatabase,
  dropCitusDatabase,
  migrateAndDistribute,
} from './citus-database.js';
import { postgresAdminUrl, postgresUrlFor } from './postgres-url.js';

export interface TestDatabaseHandle {
  database: Database;
  dataDir: string;
  /** The connection string for child processes (CLI tests); undefined on SQLite. */
  databaseUrl: string | undefined;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * pg's pool resolves `end()` a moment before its sockets are really gone; dropping WITH (FORCE)
 * then kills connections that are still closing and they report errors. Wait for them instead.
 */
async function dropWhenClosed(name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await adminQuery(`drop database if exists ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error; // 55006: database in use
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await adminQuery(`drop database if exists ${name} with (force)`);
}

/** A brand-new, empty database of the given dialect; nothing is shared between test files. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabaseHandle> {
  const citus = citusAdminUrl();
  if (dialect === 'postgres' && citus) return createCitusTestDatabase(citus);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-test-'));
  if (dialect === 'sqlite') {
    const database = openDatabase({ dataDir, databaseUrl: undefined });
    return {
      database,
      dataDir,
      databaseUrl: undefined,
      drop: async () => {
        await database.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `lianxin_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const databaseUrl = postgresUrlFor(name);
  const database = openDatabase({ dataDir, databaseUrl, poolSize: 5 });
  return {
    database,
    dataDir,
    databaseUrl,
    drop: async () => {
      await database.close();
      await dropWhenClosed(name);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * With LIANXIN_CITUS_URL set, the postgres suites run on a Citus cluster: each test database is
 * made on every node, migrated and distributed before the app sees it (see citus-database.ts).
 * The benchmarks' `--dialect citus` calls it directly, with production's shard count.
 */
export async function createCitusTestDatabase(
  adminUrl: string,
  options: CitusSetupOptions = {},
): Promise<TestDatabaseHandle> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-test-'));
  const name = `lianxin_test_${randomBytes(6).toString('hex')}`;
  const databaseUrl = await createCitusDatabase(adminUrl, name);
  // Distributed on connections of their own: the database settings it adds apply to new sessions.
  const setup = openDatabase({ dataDir, databaseUrl, poolSize: 1 });
  try {
    await migrateAndDistribute(setup, options);
  } finally {
    await setup.close();
  }
  const database = openDatabase({ dataDir, databaseUrl, poolSize: 5 });
  return {
    database,
    dataDir,
    databaseUrl,
    drop: async () => {
      await database.close();
      await dropCitusDatabase(adminUrl, name);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
