import type { Executor } from '../../db/database.js';
import { auditHead, auditLastSeqBelow, auditLinkAt, auditRowsInOrder } from './audit.repository.js';
import { type AuditAnchor, linkMac } from './audit-anchor.js';
import { GENESIS_HASH, linkHash } from './audit-chain.js';
import { type ChainLink, readExportedHead, writeExportedHead } from './audit-head-file.js';

export type AuditBreak =
  /** A row no longer hashes to its stored hash. */
  | 'altered'
  /** A gap in the sequence: a row was removed. */
  | 'missing'
  /** A row points to another link than the one before it. */
  | 'relinked'
  /** The head record in the database does not meet the last row. */
  | 'head_mismatch'
  /** The row's MAC does not match: rewritten (and rehashed) without the key. */
  | 'forged'
  /** A row without a MAC after signed rows: a MAC was stripped, or the row was added without the key. */
  | 'unsigned'
  /** The log ends before the head exported outside the database: its tail was cut. */
  | 'cut'
  /** The row at the exported head is not the one that was exported: the chain was rewritten. */
  | 'diverged'
  /** The exported head file was edited or belongs to another data key. */
  | 'anchor_invalid';

export type AuditVerification =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAtSeq: number; reason: AuditBreak; exportedSeq?: number };

type Walk = { ok: true; last: ChainLink; rows: number } | Extract<AuditVerification, { ok: false }>;

const GENESIS: ChainLink = { seq: 0, hash: GENESIS_HASH, mac: null };

/**
 * Walks the links after `from`, checking sequence, linkage, hashes and (with a key) MACs, and that
 * the row at `checkpoint.seq`, if passed, is the exported one. Unsigned rows are accepted only
 * while no signed row has been seen: they are the rows written before migration 0008.
 */
async function walk(
  db: Executor,
  from: ChainLink,
  anchor: AuditAnchor | undefined,
  checkpoint: ChainLink | undefined,
): Promise<Walk> {
  let last = from;
  let signed = from.mac !== null;
  // Rows verified so far: the chain is numbered from 1 without gaps, so everything up to `from`.
  let rows = from.seq;
  for await (const row of auditRowsInOrder(db, 2000, from.seq)) {
    const seq = last.seq + 1;
    const fail = (reason: AuditBreak, at = row.seq) => ({
      ok: false as const,
      rows,
      brokenAtSeq: at,
      reason,
    });
    if (row.seq !== seq) return fail('missing', seq);
    if (row.prev_hash !== last.hash) return fail('relinked');
    const { hash, mac: stored, ...rest } = row;
    // A database restored from before migration 0008 has no such column until migrated.
    const mac = stored ?? null;
    if (linkHash(last.hash, rest) !== hash) return fail('altered');
    if (anchor) {
      if (mac === null) {
        if (signed) return fail('unsigned');
      } else if (mac !== linkMac(anchor.key, row.seq, hash)) {
        return fail('forged');
      } else {
        signed = true;
      }
    }
    if (checkpoint && row.seq === checkpoint.seq && (hash !== checkpoint.hash || mac !== checkpoint.mac))
      return fail('diverged');
    last = { seq: row.seq, hash, mac };
    rows += 1;
  }
  return { ok: true, last, rows };
}

/**
 * Walks the chain from the genesis link. Without an anchor it checks only that the log agrees
 * with itself, which anyone who can write the database can arrange; with one it also checks every
 * MAC and that the log still reaches, unchanged, the head exported outside the database.
 */
export async function verifyAuditChain(db: Executor, anchor?: AuditAnchor): Promise<AuditVerification> {
  const exported = anchor ? readExportedHead(anchor) : null;
  if (exported === 'invalid') return { ok: false, rows: 0, brokenAtSeq: 0, reason: 'anchor_invalid' };
  const checkpoint = exported ?? undefined;
  let result = await walk(db, GENESIS, anchor, checkpoint);
  for (;;) {
    if (!result.ok) return result;
    const { last, rows } = result;
    const head = await auditHead(db);
    // A running server appends while the walk reads: links that came meanwhile are walked too.
    if (head.seq > last.seq) {
      const more = await walk(db, last, anchor, checkpoint);
      if (!more.ok || more.last.seq > last.seq) {
        result = more;
        continue;
      }
    }
    if (exported && exported.seq > last.seq)
      return { ok: false, rows, brokenAtSeq: last.seq + 1, reason: 'cut', exportedSeq: exported.seq };
    if (head.seq !== last.seq || head.hash !== last.hash)
      return { ok: false, rows, brokenAtSeq: last.seq + 1, reason: 'head_mismatch' };
    return { ok: true, rows };
  }
}

/** Verifies the whole chain and, when it holds, exports its head: what `lianxin audit verify` does. */
export async function verifyAndExportAuditHead(
  db: Executor,
  anchor: AuditAnchor,
  now: Date,
): Promise<AuditVerification> {
  const result = await verifyAuditChain(db, anchor);
  if (result.ok) writeExportedHead(anchor, await linkAt(db, result.rows), now);
  return result;
}

/**
 * Moves the exported head forward, checking only the links written since the last export (the
 * scheduler's periodic job): the exported row must still be there unchanged, and every later link
 * must hang off it and carry a valid MAC. Never moves the anchor when something is wrong.
 * `rows` is the length of the chain up to the new head.
 */
export async function exportAuditHead(
  db: Executor,
  anchor: AuditAnchor,
  now: Date = new Date(),
): Promise<AuditVerification> {
  const exported = readExportedHead(anchor);
  if (exported === 'invalid') return { ok: false, rows: 0, brokenAtSeq: 0, reason: 'anchor_invalid' };
  const from = exported ?? GENESIS;
  if (from.seq > 0) {
    const row = await auditLinkAt(db, from.seq);
    if (!row) {
      const end = await auditLastSeqBelow(db, from.seq);
      return { ok: false, rows: end, brokenAtSeq: end + 1, reason: 'cut', exportedSeq: from.seq };
    }
    if (row.hash !== from.hash || row.mac !== from.mac)
      return { ok: false, rows: from.seq - 1, brokenAtSeq: from.seq, reason: 'diverged' };
  }
  const result = await walk(db, from, anchor, undefined);
  if (!result.ok) return result;
  writeExportedHead(anchor, result.last, now);
  return { ok: true, rows: result.last.seq };
}

async function linkAt(db: Executor, seq: number): Promise<ChainLink> {
  if (seq === 0) return GENESIS;
  const row = await auditLinkAt(db, seq);
  if (!row) throw new Error(`audit_log has no row ${seq}`);
  return { seq, hash: row.hash, mac: row.mac };
}
