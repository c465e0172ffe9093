import SqliteDatabase from 'better-sqlite3';
import { Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';
import { ImmediateSqliteDialect } from './sqlite-dialect.js';
import type { DB } from './tables.js';

/**
 * One transaction for a long piece of work (a large import), all-or-nothing: if the process dies
 * midway, nothing of it was committed.
 *
 * On SQLite it runs on a connection of its own, so the server's connection keeps answering reads
 * meanwhile (WAL); writes of this process wait for it without blocking the event loop, writes of
 * other processes wait for it up to their busy_timeout (then answer 503 'database.busy'). It
 * begins with BEGIN IMMEDIATE: begun deferred, it failed at its first write whenever the server
 * had committed anything since its first read. On PostgreSQL it takes one connection of the pool.
 */
export async function withLongTransaction<T>(
  database: Database,
  work: (trx: Transaction<DB>, sqlite: SqliteDatabase.Database | undefined) => Promise<T>,
): Promise<T> {
  if (database.dialect === 'postgres')
    return database.db.transaction().execute((trx) => work(trx, undefined));
  const connection = new SqliteDatabase(database.sqliteFile!);
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 30000');
  connection.pragma('synchronous = NORMAL');
  // Large imports update indexes in random order (the ID-number index at least): a bigger page
  // cache (32 MB) keeps most of their B-trees in memory instead of re-reading pages. 64 MB
  // cost more memory than it saved time once the plain indexes are rebuilt at the end instead.
  connection.pragma('cache_size = -32768');
  connection.pragma('temp_store = MEMORY');
  const db = new Kysely<DB>({
    dialect: new ImmediateSqliteDialect({ database: connection }),
  });
  try {
    // The raw connection is handed over too: hot loops may run cached prepared statements on it,
    // inside the same transaction (the connection is this work's alone).
    const run = () => db.transaction().execute((trx) => work(trx, connection));
    // The server's connection of this process lets its writers wait meanwhile (see writeElsewhere).
    return await (database.writeElsewhere ? database.writeElsewhere(run) : run());
  } finally {
    await db.destroy();
  }
}
