import type { Config } from './config.js';
import { loadDataKey } from './crypto/data-key.js';
import { FieldCrypto } from './crypto/field-crypto.js';
import type { Database } from './db/database.js';
import { AuditRepository, deriveAuditKey } from './modules/audit/index.js';

/** What every service is built from: the database, the audit chain, the clock and the config. */
export interface ServiceContext {
  readonly config: Config;
  readonly database: Database;
  readonly audit: AuditRepository;
  readonly now: () => Date;
  /** Encryption and blind indexes for personal data. */
  readonly crypto: FieldCrypto;
}

export function createServiceContext(config: Config, database: Database, now: () => Date): ServiceContext {
  const masterKey = loadDataKey({ dataDir: config.dataDir, dataKey: config.dataKey });
  const crypto = new FieldCrypto(masterKey);
  const audit = new AuditRepository(now, deriveAuditKey(masterKey));
  return { config, database, audit, now, crypto };
}
