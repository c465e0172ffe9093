import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuditAnchor } from './audit-anchor.js';

/** The newest link as last verified, kept outside the database. */
export interface ChainLink {
  seq: number;
  hash: string;
  /** The link's MAC; null for the genesis link and rows from before migration 0008. */
  mac: string | null;
}

export type ExportedHead = ChainLink & { exportedAt: string };

function headTag(anchor: AuditAnchor, head: ChainLink): string {
  return createHmac('sha256', anchor.key)
    .update(`audit-head\n${head.seq}\n${head.hash}\n${head.mac ?? ''}`)
    .digest('hex');
}

/**
 * The exported head, or null when none has been exported yet (a new installation). A file that is
 * unreadable or whose tag does not match the key is `invalid`: it was edited, or belongs to
 * another data key, and either way it anchors nothing.
 */
export function readExportedHead(anchor: AuditAnchor): ExportedHead | null | 'invalid' {
  let text: string;
  try {
    text = fs.readFileSync(anchor.headFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<ExportedHead & { tag: string }>;
    if (
      !Number.isSafeInteger(parsed.seq) ||
      typeof parsed.hash !== 'string' ||
      (parsed.mac !== null && typeof parsed.mac !== 'string') ||
      typeof parsed.tag !== 'string'
    )
      return 'invalid';
    const head: ExportedHead = {
      seq: parsed.seq as number,
      hash: parsed.hash,
      mac: parsed.mac ?? null,
      exportedAt: String(parsed.exportedAt),
    };
    const expected = Buffer.from(headTag(anchor, head), 'hex');
    const given = Buffer.from(parsed.tag, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected) ? head : 'invalid';
  } catch {
    return 'invalid';
  }
}

/**
 * Writes the head atomically (a temporary file renamed over the old one) and only forward: a
 * process that verified less of the chain than another does not move the anchor back.
 * `force` replaces it whatever it held: restore puts back the head of the restored backup.
 */
export function writeExportedHead(
  anchor: AuditAnchor,
  head: ChainLink,
  now: Date,
  options: { force?: boolean } = {},
): void {
  if (!options.force) {
    const current = readExportedHead(anchor);
    if (current && current !== 'invalid' && current.seq > head.seq) return;
  }
  const body = { ...head, exportedAt: now.toISOString(), tag: headTag(anchor, head) };
  fs.mkdirSync(path.dirname(anchor.headFile), { recursive: true, mode: 0o700 });
  const temporary = `${anchor.headFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, anchor.headFile);
}
