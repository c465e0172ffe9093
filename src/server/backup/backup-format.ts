import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Dialect } from '../db/database.js';
import { DomainError } from '../http/errors.js';
import type { ChainHeads, ChainLink } from '../modules/audit/index.js';

/**
 * A backup is one file: a magic line, one line of JSON describing the backup, then the payload
 * (the SQLite database as the online backup API copied it, or a pg_dump archive in custom format).
 * The description is readable without the payload, so restore can refuse a backup before touching
 * anything; the payload's SHA-256 catches a truncated or damaged copy.
 */
const MAGIC = 'LIANXIN-BACKUP 1\n';
/** The description is small; a longer header is not ours. */
const MAX_HEADER_BYTES = 1024 * 1024;

export interface BackupManifest {
  dialect: Dialect;
  createdAt: string;
  /** The migrations applied to the backed-up database, in order: its schema version. */
  migrations: string[];
  /** The newest link of each audit chain inside the backup (the legacy chain's and each district's). */
  auditHeads: ChainHeads;
  /** Backups taken before migration 0023: the head of the one chain there was, now the legacy chain. */
  auditHead?: ChainLink;
  /** Which data key the personal data in the backup is encrypted with (not the key itself). */
  keyFingerprint: string;
  payloadBytes: number;
  payloadSha256: string;
}

export function temporaryPathNear(file: string, label: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${label}-${randomBytes(6).toString('hex')}`);
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * Writes the backup next to its final name and renames it into place: a backup that failed half
 * way never looks like a finished one. Mode 0600: it holds the register.
 */
export async function writeBackupFile(
  file: string,
  payload: string,
  manifest: Omit<BackupManifest, 'payloadBytes' | 'payloadSha256'>,
): Promise<BackupManifest> {
  const full: BackupManifest = {
    ...manifest,
    payloadBytes: fs.statSync(payload).size,
    payloadSha256: await sha256Of(payload),
  };
  const temporary = temporaryPathNear(file, 'partial');
  try {
    const out = fs.createWriteStream(temporary, { mode: 0o600 });
    out.write(MAGIC);
    out.write(`${JSON.stringify(full)}\n`);
    await pipeline(fs.createReadStream(payload), out);
    const handle = fs.openSync(temporary, 'r');
    try {
      fs.fsyncSync(handle);
    } finally {
      fs.closeSync(handle);
    }
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  return full;
}

const notABackup = (file: string) => new DomainError('backup.not_a_backup', 400, { file });

/** The description and where the payload starts; refuses a file that is not a backup of ours. */
export function readBackupManifest(file: string): { manifest: BackupManifest; payloadOffset: number } {
  let handle: number;
  try {
    handle = fs.openSync(file, 'r');
  } catch {
    throw new DomainError('backup.unreadable', 400, { file });
  }
  try {
    const head = Buffer.alloc(MAX_HEADER_BYTES);
    const read = fs.readSync(handle, head, 0, head.length, 0);
    const text = head.subarray(0, read);
    if (!text.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC))) throw notABackup(file);
    const end = text.indexOf(0x0a, MAGIC.length);
    if (end < 0) throw notABackup(file);
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse(text.subarray(MAGIC.length, end).toString('utf8')) as BackupManifest;
    } catch {
      throw notABackup(file);
    }
    if (
      (manifest.dialect !== 'sqlite' && manifest.dialect !== 'postgres') ||
      !Array.isArray(manifest.migrations) ||
      (!manifest.auditHeads && !manifest.auditHead) ||
      typeof manifest.payloadSha256 !== 'string'
    )
      throw notABackup(file);
    return { manifest, payloadOffset: end + 1 };
  } finally {
    fs.closeSync(handle);
  }
}

/** Copies the payload out to `target` and checks it is whole before anyone restores from it. */
export async function extractPayload(
  file: string,
  payloadOffset: number,
  manifest: BackupManifest,
  target: string,
): Promise<void> {
  await pipeline(
    fs.createReadStream(file, { start: payloadOffset }),
    fs.createWriteStream(target, { mode: 0o600 }),
  );
  const size = fs.statSync(target).size;
  if (size !== manifest.payloadBytes || (await sha256Of(target)) !== manifest.payloadSha256)
    throw new DomainError('backup.damaged', 400, { file });
}

/** The chain heads a manifest records, whatever version of the code wrote it. */
export function manifestHeads(manifest: BackupManifest): ChainHeads {
  return manifest.auditHeads ?? { legacy: manifest.auditHead!, districts: {} };
}
