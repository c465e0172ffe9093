import { createHash } from 'node:crypto';
import type { AuditRow } from '../../db/tables.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a link's hash covers, in a fixed order: changing any of them breaks the chain. */
export function linkHash(prevHash: string, row: Omit<AuditRow, 'hash' | 'prev_hash' | 'mac'>): string {
  const covered = [
    row.seq,
    row.id,
    row.at,
    row.actor_id,
    row.actor_name,
    row.action,
    row.target_type,
    row.target_id,
    row.region_code,
    row.district_code,
    row.summary,
    row.ip,
    row.request_id,
  ];
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(covered)).digest('hex');
}
