import { createHmac, createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import path from 'node:path';
import type { ServiceContext } from '../../services.js';

/** Where the exported head of the audit chain lives, in the data directory. */
export const AUDIT_HEAD_FILE = 'audit-head.json';

/**
 * What anchors the audit chain outside the database: the MAC key, derived from the data key and
 * kept the same way (someone who can only write the database cannot sign a link), and the file
 * the latest verified head is exported to (someone who cuts the tail cannot move it back).
 */
export interface AuditAnchor {
  key: KeyObject;
  headFile: string;
}

/** Its own HKDF label: the audit key is not the encryption key nor the blind-index key. */
export function deriveAuditKey(masterKey: Buffer): KeyObject {
  return createSecretKey(
    Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'lianxin/audit-mac', 32)),
  );
}

export function auditAnchor(ctx: Pick<ServiceContext, 'audit' | 'config'>): AuditAnchor {
  return { key: ctx.audit.macKey, headFile: path.join(ctx.config.dataDir, AUDIT_HEAD_FILE) };
}

/** The MAC of one link of the legacy chain; its hash already covers every field and the link before it. */
export function linkMac(key: KeyObject, seq: number, hash: string): string {
  return createHmac('sha256', key).update(`audit-link\n${seq}\n${hash}`).digest('hex');
}

/** The MAC of a link of a district's chain: bound to the district, so no link moves to another chain. */
export function districtLinkMac(key: KeyObject, district: string, link: number, hash: string): string {
  return createHmac('sha256', key).update(`audit-link\n${district}\n${link}\n${hash}`).digest('hex');
}
