import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';

/**
 * Kysely's SQLite driver starts transactions with a plain (deferred) BEGIN: the write lock is
 * taken at the first write. When another process (a CLI import, a second server) wrote in the
 * meantime, WAL mode cannot upgrade the reader and fails at once with "database is locked",
 * whatever busy_timeout says. BEGIN IMMEDIATE takes the write lock at the start, so a second
 * writer waits its turn (busy_timeout) instead of failing. Readers outside transactions are
 * never blocked in WAL mode.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}
