import { Scope } from '../server/auth/scope.js';
import { type Config, ConfigError, loadConfig } from '../server/config.js';
import { type Database, openDatabase } from '../server/db/database.js';
import type { AuditActor } from '../server/modules/audit/index.js';
import { createServiceContext, type ServiceContext } from '../server/services.js';

/** The CLI acts as an operator on the server's machine; its audit rows say so. */
export const CLI_ACTOR: AuditActor = { id: null, name: 'cli', ip: null, requestId: null };

export function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/** Opens the same database the server uses (LIANXIN_DATA_DIR / DATABASE_URL), runs work, closes it. */
export async function withDatabase<T>(
  work: (ctx: ServiceContext, database: Database) => Promise<T>,
): Promise<T> {
  const config = readConfig();
  const database = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: 2 });
  try {
    return await work(
      createServiceContext(config, database, () => new Date()),
      database,
    );
  } finally {
    await database.close();
  }
}

/** The operator at the server's console acts in every district the database holds. */
export async function systemScope(database: Database): Promise<Scope> {
  const roots = await database.db
    .selectFrom('regions')
    .select('code')
    .where('parent_code', 'is', null)
    .execute();
  return new Scope(
    roots.map((r) => r.code),
    database.dialect,
  );
}
