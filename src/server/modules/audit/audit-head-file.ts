import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuditAnchor } from './audit-anchor.js';
import { GENESIS_HASH } from './audit-chain.js';

/** The newest link of one chain as last verified: `seq` is its position in that chain. */
export interface ChainLink {
  seq: number;
  hash: string;
  /** The link's MAC; null for the genesis link and rows from before migration 0008. */
  mac: string | null;
}

/** The heads of every chain: the closed legacy chain and each district's. */
export interface ChainHeads {
  legacy: ChainLink;
  districts: Record<string, ChainLink>;
}

export type ExportedHeads = ChainHeads & { exportedAt: string };

export const GENESIS_LINK: ChainLink = { seq: 0, hash: GENESIS_HASH, mac: null };

/** The tag of a file written before migration 0023, which held the one chain's head. */
function legacyTag(anchor: AuditAnchor, head: ChainLink): string {
  return createHmac('sha256', anchor.key)
    .update(`audit-head\n${head.seq}\n${head.hash}\n${head.mac ?? ''}`)
    .digest('hex');
}

const linkText = (link: ChainLink) => `${link.seq}\n${link.hash}\n${link.mac ?? ''}`;

function headsTag(anchor: AuditAnchor, heads: ChainHeads): string {
  const mac = createHmac('sha256', anchor.key).update(`audit-heads\nlegacy\n${linkText(heads.legacy)}`);
  for (const district of Object.keys(heads.districts).sort())
    mac.update(`\n${district}\n${linkText(heads.districts[district]!)}`);
  return mac.digest('hex');
}

const isLink = (value: unknown): value is ChainLink => {
  const link = value as Partial<ChainLink> | null;
  return (
    typeof link === 'object' &&
    link !== null &&
    Number.isSafeInteger(link.seq) &&
    typeof link.hash === 'string' &&
    (link.mac === null || typeof link.mac === 'string')
  );
};

const tagMatches = (given: unknown, expected: string) => {
  if (typeof given !== 'string') return false;
  const [a, b] = [Buffer.from(given, 'hex'), Buffer.from(expected, 'hex')];
  return a.length === b.length && timingSafeEqual(a, b);
};

/** A parsed file: the current layout, or one from before migration 0023 (the legacy head alone). */
function headsOf(anchor: AuditAnchor, parsed: Record<string, unknown>): ExportedHeads | 'invalid' {
  const exportedAt = String(parsed.exportedAt);
  if (isLink(parsed)) {
    const legacy = { seq: parsed.seq, hash: parsed.hash, mac: parsed.mac ?? null };
    return tagMatches(parsed.tag, legacyTag(anchor, legacy))
      ? { legacy, districts: {}, exportedAt }
      : 'invalid';
  }
  const districts = parsed.districts as Record<string, unknown> | undefined;
  if (!isLink(parsed.legacy) || typeof districts !== 'object' || districts === null) return 'invalid';
  if (!Object.values(districts).every(isLink)) return 'invalid';
  const heads: ChainHeads = { legacy: parsed.legacy, districts: districts as Record<string, ChainLink> };
  return tagMatches(parsed.tag, headsTag(anchor, heads)) ? { ...heads, exportedAt } : 'invalid';
}

/**
 * The exported heads, or null when none has been exported yet (a new installation). A file that
 * is unreadable or whose tag does not match the key is `invalid`: it was edited, or belongs to
 * another data key, and either way it anchors nothing.
 */
export function readExportedHeads(anchor: AuditAnchor): ExportedHeads | null | 'invalid' {
  let text: string;
  try {
    text = fs.readFileSync(anchor.headFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null
      ? headsOf(anchor, parsed as Record<string, unknown>)
      : 'invalid';
  } catch {
    return 'invalid';
  }
}

/**
 * Writes the heads atomically (a temporary file renamed over the old one) and only forward: a
 * process that verified less of a chain than another does not move that chain's anchor back.
 * `force` replaces the file whatever it held: restore puts back the heads of the restored backup.
 */
export function writeExportedHeads(
  anchor: AuditAnchor,
  heads: ChainHeads,
  now: Date,
  options: { force?: boolean } = {},
): void {
  const merged: ChainHeads = { legacy: heads.legacy, districts: { ...heads.districts } };
  if (!options.force) {
    const current = readExportedHeads(anchor);
    if (current && current !== 'invalid') {
      if (current.legacy.seq > merged.legacy.seq) merged.legacy = current.legacy;
      for (const [district, link] of Object.entries(current.districts)) {
        const mine = merged.districts[district];
        if (!mine || mine.seq < link.seq) merged.districts[district] = link;
      }
    }
  }
  const body = { ...merged, exportedAt: now.toISOString(), tag: headsTag(anchor, merged) };
  fs.mkdirSync(path.dirname(anchor.headFile), { recursive: true, mode: 0o700 });
  const temporary = `${anchor.headFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, anchor.headFile);
}
