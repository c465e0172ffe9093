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
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  if (database.dialect === 'postgres') return database.db.transaction().execute(work);
  const connection = new SqliteDatabase(database.sqliteFile!);
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 30000');
  // The import's own writes need not reach the disk one by one; the commit does.
  connection.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: connection }) });
  try {
    return await db.transaction().execute(work);
  } finally {
    await db.destroy();
  }
}
