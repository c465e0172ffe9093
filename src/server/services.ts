import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { AuditRepository } from './modules/audit/audit.repository.js';

/** What every service is built from: the database, the audit chain, the clock and the config. */
export interface ServiceContext {
  readonly config: Config;
  readonly database: Database;
  readonly audit: AuditRepository;
  readonly now: () => Date;
}

export function createServiceContext(config: Config, database: Database, now: () => Date): ServiceContext {
  return { config, database, audit: new AuditRepository(database.dialect, now), now };
}
