import fs from 'node:fs';
import {
  type AuditVerification,
  auditAnchor,
  exportAuditHead,
  sealAuditChains,
} from '../modules/audit/index.js';
import type { ServiceContext } from '../services.js';
import { type BackupManifest, temporaryPathNear, writeBackupFile } from './backup-format.js';
import { dataKeyFingerprint } from './key-fingerprint.js';
import { dumpPostgres } from './postgres-backup.js';
import { dumpSqlite } from './sqlite-backup.js';

export interface BackupReport {
  manifest: BackupManifest;
  /** The chain checked from the last exported head before the copy; a backup is taken either way. */
  chain: AuditVerification;
}

/**
 * Backs up the running database into one file (see backup-format.ts). The audit heads are exported
 * first, so the anchor in the data directory is at least as new as the backup's own heads.
 */
export async function createBackup(ctx: ServiceContext, file: string): Promise<BackupReport> {
  const { database, config } = ctx;
  // The service context has loaded (or created) the key already; this only names it.
  const keyFingerprint = dataKeyFingerprint(config);
  if (!keyFingerprint) throw new Error('The data key is missing');
  // Rows written so far are sealed first, so the backup holds them in their chains.
  await sealAuditChains(ctx, { wait: true });
  const chain = await exportAuditHead(database.db, auditAnchor(ctx), ctx.now());
  const payload = temporaryPathNear(file, 'payload');
  try {
    const state =
      database.dialect === 'sqlite'
        ? await dumpSqlite(database.sqliteFile!, payload)
        : await dumpPostgres(database, config.databaseUrl!, payload);
    const manifest = await writeBackupFile(file, payload, {
      dialect: database.dialect,
      createdAt: ctx.now().toISOString(),
      migrations: state.migrations,
      auditHeads: state.auditHeads,
      keyFingerprint,
    });
    return { manifest, chain };
  } finally {
    fs.rmSync(payload, { force: true });
  }
}
