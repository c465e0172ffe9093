import type { Executor } from '../../db/database.js';
import { auditHead, auditRowsInOrder } from './audit.repository.js';
import { GENESIS_HASH, linkHash } from './audit-chain.js';

export type AuditVerification =
  | { ok: true; rows: number }
  | {
      ok: false;
      rows: number;
      brokenAtSeq: number;
      reason: 'altered' | 'missing' | 'relinked' | 'head_mismatch';
    };

/**
 * Walks the chain from the genesis link. A changed row no longer hashes to its stored hash; a
 * removed row leaves a gap in the sequence; a removed tail no longer meets the head record.
 */
export async function verifyAuditChain(db: Executor): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for await (const row of auditRowsInOrder(db)) {
    if (row.seq !== expectedSeq) return { ok: false, rows, brokenAtSeq: expectedSeq, reason: 'missing' };
    if (row.prev_hash !== prevHash) return { ok: false, rows, brokenAtSeq: row.seq, reason: 'relinked' };
    const { hash, ...rest } = row;
    if (linkHash(prevHash, rest) !== hash)
      return { ok: false, rows, brokenAtSeq: row.seq, reason: 'altered' };
    prevHash = hash;
    expectedSeq += 1;
    rows += 1;
  }
  const head = await auditHead(db);
  if (head.seq !== rows || head.hash !== prevHash) {
    return { ok: false, rows, brokenAtSeq: rows + 1, reason: 'head_mismatch' };
  }
  return { ok: true, rows };
}
