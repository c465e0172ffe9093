import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, type Transaction } from 'kysely';
import type { Database } from './database.js';
import type { DB } from './tables.js';

/**
 * One transaction for a long piece of work (a large import), all-or-nothing: if the process dies
 * midway, nothing of it was committed.
 *
 * On SQLite it runs on a connection of its own, so the server's connection keeps answering reads
 * meanwhile (WAL); other writes wait for it. On PostgreSQL it takes one connection of the pool.
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
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: connection }) });
  try {
    // The raw connection is handed over too: hot loops may run cached prepared statements on it,
    // inside the same transaction (the connection is this work's alone).
    return await db.transaction().execute((trx) => work(trx, connection));
  } finally {
    await db.destroy();
  }
}
