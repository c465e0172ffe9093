import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type SqliteStatement,
} from 'kysely';
import { GroupCommitSqliteDriver } from './sqlite-group-commit.js';

/** How many prepared statements the connection keeps: far more than the app's distinct queries. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite connection prepares every statement anew, which costs as much as running it:
 * this hands it the statement prepared last time for the same SQL text (least recently used ones
 * are dropped past `capacity`). Kysely still decides `all` (statement.reader) or `run` and reads
 * changes and lastInsertRowid as before; only the preparing is saved. A statement still iterating
 * (an open stream) cannot run twice at once, so a second use of its text gets a fresh one.
 * SQLite re-prepares a cached statement by itself when the schema changed under it.
 */
export class CachedStatements implements SqliteDatabase {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(
    private readonly database: BetterSqlite3.Database,
    private readonly capacity = STATEMENT_CACHE_SIZE,
  ) {}

  prepare(sql: string): SqliteStatement {
    const cached = this.statements.get(sql);
    if (cached) {
      if (cached.busy) return this.database.prepare(sql);
      // Map order is insertion order: moving the hit to the end keeps the oldest first.
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    const statement = this.database.prepare(sql);
    this.statements.set(sql, statement);
    if (this.statements.size > this.capacity) {
      const oldest = this.statements.keys().next();
      if (!oldest.done) this.statements.delete(oldest.value);
    }
    return statement;
  }

  /** How many statements are kept now (for tests). */
  get size(): number {
    return this.statements.size;
  }

  close(): void {
    this.statements.clear();
    this.database.close();
  }
}

/**
 * Kysely's SQLite driver starts transactions with a plain (deferred) BEGIN: the write lock is
 * taken at the first write. When another connection wrote in the meantime, WAL mode cannot
 * upgrade the reader and fails at once with "database is locked" (SQLITE_BUSY_SNAPSHOT),
 * whatever busy_timeout says. BEGIN IMMEDIATE takes the write lock at the start, so a second
 * writer waits its turn (busy_timeout) instead of failing. Readers are never blocked in WAL mode.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** BEGIN IMMEDIATE transactions, one at a time: for a connection of one long transaction. */
export class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

/**
 * The server's connection: group-committed BEGIN IMMEDIATE transactions
 * (sqlite-group-commit.ts) over a connection that keeps its prepared statements.
 */
export class GroupCommitSqliteDialect extends SqliteDialect {
  private readonly settings: SqliteDialectConfig;

  private readonly raw: BetterSqlite3.Database;

  constructor(settings: Omit<SqliteDialectConfig, 'database'> & { database: BetterSqlite3.Database }) {
    const config = { ...settings, database: new CachedStatements(settings.database) };
    super(config);
    this.settings = config;
    this.raw = settings.database;
  }

  private driver: GroupCommitSqliteDriver | undefined;

  override createDriver(): Driver {
    this.driver = new GroupCommitSqliteDriver(this.settings, () => this.raw.inTransaction);
    return this.driver;
  }

  /** See `GroupCommitSqliteDriver.stats`; nothing in use before the first query. */
  stats(): { inUse: boolean; waiting: number; awaitingCommit: number } {
    return this.driver?.stats ?? { inUse: false, waiting: 0, awaitingCommit: 0 };
  }

  /** See `GroupCommitSqliteDriver.writeElsewhere`. */
  writeElsewhere<T>(work: () => Promise<T>): Promise<T> {
    return this.driver ? this.driver.writeElsewhere(work) : work();
  }
}
