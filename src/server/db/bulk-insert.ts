import type SqliteDatabase from 'better-sqlite3';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from './tables.js';

/** Rows per INSERT: few statements, and well under both dialects' limits on bound parameters. */
const BATCH = 400;

/**
 * Inserts many rows inside a long transaction (`withLongTransaction`). On SQLite the rows go
 * through cached prepared statements on the transaction's own connection: building a 400-row
 * INSERT through Kysely and preparing it anew costs more than the insert. On PostgreSQL they go
 * as multi-row INSERTs of 400.
 */
export class BulkInserter {
  private readonly statements = new Map<string, SqliteDatabase.Statement>();

  constructor(
    private readonly trx: Transaction<DB>,
    private readonly sqlite: SqliteDatabase.Database | undefined,
  ) {}

  async insert<T extends keyof DB>(table: T, rows: readonly Insertable<DB[T]>[]): Promise<void> {
    if (rows.length === 0) return;
    if (!this.sqlite) {
      for (let i = 0; i < rows.length; i += BATCH) {
        // Kysely cannot type a generic table's insert; the rows are typed by the caller.
        await (this.trx as unknown as Kysely<Record<string, unknown>>)
          .insertInto(table)
          .values(rows.slice(i, i + BATCH) as Record<string, unknown>[])
          .execute();
      }
      return;
    }
    const columns = Object.keys(rows[0]!);
    const key = `${table}:${columns.join(',')}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.sqlite.prepare(
        `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      this.statements.set(key, statement);
    }
    // Positional values bind faster than named ones.
    for (const row of rows) {
      const record = row as Record<string, unknown>;
      statement.run(columns.map((c) => record[c]));
    }
  }
}
