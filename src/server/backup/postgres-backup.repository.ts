import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/**
 * The PostgreSQL catalogue queries of a backup: they name the database itself (its snapshot, the
 * migration table, the public schema), not any module's rows.
 */
export const postgresBackupRepository = {
  /** Exports the transaction's snapshot for pg_dump (`--snapshot`): the id to pass. */
  exportSnapshot: async (trx: Executor): Promise<string> => {
    const snapshot = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
    return snapshot.rows[0]!.id;
  },

  appliedMigrations: async (trx: Executor): Promise<string[]> => {
    const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      trx,
    );
    return migrations.rows.map((r) => r.name);
  },

  isEmpty: async (db: Executor): Promise<boolean> => {
    const result = await sql<{ n: number | string }>`
      select count(*) as n from information_schema.tables where table_schema = 'public'
    `.execute(db);
    return Number(result.rows[0]!.n) === 0;
  },
};
