import { type MigrationResultSet, Migrator } from 'kysely';
import type { Database } from './database.js';
import { StaticMigrationProvider } from './migrations/index.js';

function migratorFor(database: Database): Migrator {
  return new Migrator({ db: database.db, provider: new StaticMigrationProvider(database.dialect) });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).map((r) => `${r.direction} ${r.migrationName}`);
}

/** Applies every pending migration; returns what it did. Safe to run on every start. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  return unwrap(await migratorFor(database).migrateToLatest());
}

export async function migrateDown(database: Database): Promise<string[]> {
  return unwrap(await migratorFor(database).migrateDown());
}
