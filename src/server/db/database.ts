import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { startCheckpointer } from './sqlite-checkpointer.js';
import { GroupCommitSqliteDialect } from './sqlite-dialect.js';
import type { DB } from './tables.js';

export type Dialect = 'sqlite' | 'postgres';
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  readonly db: Kysely<DB>;
  readonly dialect: Dialect;
  /** Where the SQLite file lives; undefined on PostgreSQL. */
  readonly sqliteFile: string | undefined;
  /**
   * SQLite: runs `work`, a transaction on another connection of this process, while this
   * connection's writers wait for it (see withLongTransaction and sqlite-group-commit.ts).
   */
  readonly writeElsewhere?: <T>(work: () => Promise<T>) => Promise<T>;
  /**
   * PostgreSQL: a second, small pool for single statements that must commit on their own while
   * the caller's transaction is still open (a work-order number, taken without holding its counter
   * until the intake commits). Never used for a transaction, so a caller that holds a connection of
   * the main pool and waits for one here cannot deadlock the pools. Absent on SQLite, whose one
   * connection serializes every write anyway.
   */
  readonly autonomous?: Kysely<DB>;
  /** How busy the connections are, for /metrics (see PoolStats). */
  poolStats(): PoolStats;
  close(): Promise<void>;
}

/**
 * PostgreSQL: the pg Pool's connections (open, idle, callers waiting for one). SQLite: one
 * connection shared by group commit; `waiting` are callers queued for it, `awaitingCommit` the
 * finished transactions of the open group.
 */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
  awaitingCommit?: number;
}

export interface DatabaseOptions {
  dataDir: string;
  databaseUrl: string | undefined;
  poolSize?: number;
  /** Where a failing background checkpoint is reported (SQLite); stderr by default. */
  onCheckpointError?: (message: string) => void;
}

const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;

/** PostgreSQL values come back in the same shapes SQLite gives, so one mapper serves both. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMPTZ_OID) return (value: string) => new Date(value).toISOString();
    if (oid === INT8_OID) return (value: string) => Number.parseInt(value, 10);
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
} as unknown as pg.CustomTypesConfig;

export function openDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      types: pgTypes,
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    // pg connects lazily: a process that never takes a number never opens these. Their commits do
    // not wait for the WAL flush: what they write (a counter) becomes durable with the flush of the
    // transaction that uses it, whose commit record comes later in the same log; if that one never
    // commits, a counter step lost in a crash leaves nothing that used it.
    const autonomousPool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 2,
      types: pgTypes,
      options: '-c synchronous_commit=off',
    });
    const autonomous = new Kysely<DB>({ dialect: new PostgresDialect({ pool: autonomousPool }) });
    const max = options.poolSize ?? 10;
    return {
      db,
      dialect: 'postgres',
      sqliteFile: undefined,
      autonomous,
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
      close: async () => {
        await autonomous.destroy();
        await db.destroy();
      },
    };
  }
  // The register holds personal data: the data folder and the database are the owner's alone.
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(options.dataDir, 'lianxin.db');
  const sqlite = new SqliteDatabase(file);
  fs.chmodSync(file, 0o600);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Transactions are savepoints of a group (sqlite-group-commit.ts): their undo pages stay in memory.
  sqlite.pragma('temp_store = MEMORY');
  // Checkpoints run in a worker thread (see sqlite-checkpointer.ts); this connection's own
  // automatic checkpoint stays as the way the log restarts and as a bound should the worker lag.
  sqlite.pragma('wal_autocheckpoint = 4000');
  const checkpointer = startCheckpointer(file, {
    onError:
      options.onCheckpointError ?? ((message) => process.stderr.write(`background checkpoint: ${message}\n`)),
  });
  const dialect = new GroupCommitSqliteDialect({ database: sqlite });
  const db = new Kysely<DB>({ dialect });
  return {
    db,
    dialect: 'sqlite',
    sqliteFile: file,
    writeElsewhere: (work) => dialect.writeElsewhere(work),
    poolStats: () => {
      const stats = dialect.stats();
      return {
        total: 1,
        idle: stats.inUse ? 0 : 1,
        waiting: stats.waiting,
        max: 1,
        awaitingCommit: stats.awaitingCommit,
      };
    },
    close: async () => {
      await db.destroy();
      await checkpointer.stop();
    },
  };
}
