import { createHash, createHmac, type KeyObject } from 'node:crypto';
import type { AuditRow } from '../../db/tables.js';

export const GENESIS_HASH = '0'.repeat(64);

/** What a row says, as written: every field but the chain's and the database's numbering. */
export type AuditContent = Pick<
  AuditRow,
  | 'id'
  | 'at'
  | 'actor_id'
  | 'actor_name'
  | 'action'
  | 'target_type'
  | 'target_id'
  | 'region_code'
  | 'district_code'
  | 'summary'
  | 'ip'
  | 'request_id'
>;

const contentFields = (row: AuditContent) => [
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

/**
 * A legacy link's hash (rows before migration 0023, one chain numbered by `seq`): the fields it
 * covers, in a fixed order; changing any of them breaks the chain.
 */
export function linkHash(prevHash: string, row: AuditContent & { seq: number }): string {
  const covered = [row.seq, ...contentFields(row)];
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(covered)).digest('hex');
}

/**
 * The MAC of a row's content, written with the row: until the sealer links it, this is what shows
 * an edit (the key is outside the database). `seq` is not covered: the database hands it out on
 * insert; the link's hash covers it once sealed.
 */
export function rowMac(key: KeyObject, row: AuditContent): string {
  return createHmac('sha256', key)
    .update('audit-row\n')
    .update(JSON.stringify(contentFields(row)))
    .digest('hex');
}

/** A district chain's link: the district, the position, the row's number and content, and the link before. */
export function districtLinkHash(
  prevHash: string,
  link: number,
  row: AuditContent & { seq: number; row_mac: string | null },
): string {
  const covered = [row.district_code, link, row.seq, row.row_mac, ...contentFields(row)];
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(covered)).digest('hex');
}
