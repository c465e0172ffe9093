import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { loadDataKey } from '../crypto/data-key.js';
import { openDatabase } from '../db/database.js';
import { DomainError } from '../http/errors.js';
import {
  AUDIT_HEAD_FILE,
  type AuditAnchor,
  deriveAuditKey,
  writeExportedHeads,
} from '../modules/audit/index.js';
import {
  type BackupManifest,
  extractPayload,
  manifestHeads,
  readBackupManifest,
  temporaryPathNear,
} from './backup-format.js';
import { dataKeyFingerprint } from './key-fingerprint.js';
import { postgresIsEmpty, restorePostgres } from './postgres-backup.js';
import { codeMigrations } from './schema-state.js';
import { restoreSqlite, sqliteIsEmpty } from './sqlite-backup.js';

const SQLITE_FILE = 'lianxin.db';

/** The audit anchor of a configuration, for commands that run without a service context. */
export function anchorOf(config: Pick<Config, 'dataDir' | 'dataKey'>): AuditAnchor {
  return {
    key: deriveAuditKey(loadDataKey({ dataDir: config.dataDir, dataKey: config.dataKey })),
    headFile: path.join(config.dataDir, AUDIT_HEAD_FILE),
  };
}

/**
 * Everything that makes a restore refuse, checked before anything is touched: a file that is not
 * a whole backup, another database kind, a schema newer than this code, another data key.
 */
export async function checkRestorable(
  config: Config,
  file: string,
): Promise<{ manifest: BackupManifest; payloadOffset: number }> {
  const found = readBackupManifest(file);
  const { manifest } = found;
  const dialect = config.databaseUrl ? 'postgres' : 'sqlite';
  if (manifest.dialect !== dialect)
    throw new DomainError('backup.wrong_dialect', 400, { backup: manifest.dialect, target: dialect });
  const known = new Set(await codeMigrations(dialect));
  const unknown = manifest.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0)
    throw new DomainError('backup.newer_schema', 400, { migrations: unknown.join(', ') });
  if (manifest.keyFingerprint !== dataKeyFingerprint(config)) throw new DomainError('backup.other_key', 400);
  return found;
}

async function targetIsEmpty(config: Config): Promise<boolean> {
  if (!config.databaseUrl) return sqliteIsEmpty(path.join(config.dataDir, SQLITE_FILE));
  const database = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: 1 });
  try {
    return await postgresIsEmpty(database);
  } finally {
    await database.close();
  }
}

/**
 * Replaces the configured database with the backup's. Refuses a database that holds anything
 * unless `force`. The server must be stopped first. Afterwards the exported audit head is the
 * backup's: the log is back where the backup left it, on purpose.
 */
export async function restoreBackup(
  config: Config,
  file: string,
  options: { force: boolean; now: Date },
): Promise<BackupManifest> {
  const { manifest, payloadOffset } = await checkRestorable(config, file);
  if (!options.force && !(await targetIsEmpty(config))) throw new DomainError('backup.target_not_empty', 409);
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const sqliteFile = path.join(config.dataDir, SQLITE_FILE);
  // Beside the database file, so that putting it in place is one rename.
  const payload = temporaryPathNear(sqliteFile, 'restore');
  try {
    await extractPayload(file, payloadOffset, manifest, payload);
    if (config.databaseUrl) await restorePostgres(payload, config.databaseUrl);
    else restoreSqlite(payload, sqliteFile);
  } finally {
    fs.rmSync(payload, { force: true });
  }
  writeExportedHeads(anchorOf(config), manifestHeads(manifest), options.now, { force: true });
  return manifest;
}
