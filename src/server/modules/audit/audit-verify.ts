import type { Executor } from '../../db/database.js';
import type { AuditRow } from '../../db/tables.js';
import {
  districtHeads,
  districtLinkAt,
  districtRowsInOrder,
  legacyHead,
  legacyLinkAt,
  legacyRowsInOrder,
  unsealedRows,
} from './audit.repository.js';
import { type AuditAnchor, districtLinkMac, linkMac } from './audit-anchor.js';
import { districtLinkHash, linkHash, rowMac } from './audit-chain.js';
import {
  type ChainHeads,
  type ChainLink,
  GENESIS_LINK,
  readExportedHeads,
  writeExportedHeads,
} from './audit-head-file.js';
import { auditDistrictsSealed, countUnsealed } from './audit-verify.repository.js';

export type AuditBreak =
  /** A row no longer hashes to its stored hash. */
  | 'altered'
  /** A gap in the chain: a row was removed. */
  | 'missing'
  /** A row points to another link than the one before it. */
  | 'relinked'
  /** The head record in the database does not meet the last row. */
  | 'head_mismatch'
  /** The row's MAC (or, in a district chain, its row MAC) does not match: rewritten without the key. */
  | 'forged'
  /** A row without a MAC after signed rows: a MAC was stripped, or the row was added without the key. */
  | 'unsigned'
  /** The chain ends before the head exported outside the database: its tail was cut. */
  | 'cut'
  /** The row at the exported head is not the one that was exported: the chain was rewritten. */
  | 'diverged'
  /** The exported head file was edited or belongs to another data key. */
  | 'anchor_invalid'
  /** A row waiting for the sealer whose content no longer matches its row MAC, or that has none. */
  | 'unsealed_forged';

/**
 * `rows`: the sealed rows verified. `unsealed`: rows written but not linked yet (each checked
 * against its row MAC when there is a key). A break names its chain ('legacy' or a district code,
 * '' for the anchor file) and the position in it: `seq` for the legacy chain, the link for a
 * district's (for an unsealed row, its `seq`).
 */
export type AuditVerification =
  | { ok: true; rows: number; unsealed: number }
  | { ok: false; rows: number; chain: string; brokenAt: number; reason: AuditBreak; exportedLink?: number };

type Failure = Extract<AuditVerification, { ok: false }>;
type Walk = { ok: true; last: ChainLink; rows: number } | Failure;

/** How one chain is stored and linked. */
interface Chain {
  name: string;
  rowsAfter(db: Executor, position: number): AsyncGenerator<AuditRow>;
  positionOf(row: AuditRow): number;
  hashOf(prevHash: string, row: AuditRow): string;
  macOf(anchor: AuditAnchor, row: AuditRow, hash: string): string;
  /** Rows without a MAC are accepted before the first signed one (legacy rows before migration 0008). */
  unsignedAllowed: boolean;
  head(db: Executor): Promise<{ seq: number; hash: string }>;
  linkAt(db: Executor, position: number): Promise<{ hash: string | null; mac: string | null } | undefined>;
}

const LEGACY: Chain = {
  name: 'legacy',
  rowsAfter: (db, seq) => legacyRowsInOrder(db, seq),
  positionOf: (row) => row.seq,
  hashOf: (prev, row) => linkHash(prev, row),
  macOf: (anchor, row, hash) => linkMac(anchor.key, row.seq, hash),
  unsignedAllowed: true,
  head: legacyHead,
  linkAt: legacyLinkAt,
};

const districtChain = (district: string): Chain => ({
  name: district,
  rowsAfter: (db, link) => districtRowsInOrder(db, district, link),
  positionOf: (row) => row.link ?? 0,
  hashOf: (prev, row) => districtLinkHash(prev, row.link ?? 0, row),
  macOf: (anchor, row, hash) =>
    // The row MAC is checked with the link's: a row rewritten and relinked without the key fails here.
    row.row_mac === rowMac(anchor.key, row) ? districtLinkMac(anchor.key, district, row.link ?? 0, hash) : '',
  unsignedAllowed: false,
  head: async (db) => {
    const head = (await districtHeads(db, district))[0];
    return head ? { seq: head.link, hash: head.hash } : { seq: 0, hash: GENESIS_LINK.hash };
  },
  linkAt: (db, link) => districtLinkAt(db, district, link),
});

/**
 * Walks a chain's links after `from`, checking positions, linkage, hashes and (with a key) MACs,
 * and that the row at `checkpoint.seq`, if passed, is the exported one.
 */
async function walk(
  db: Executor,
  chain: Chain,
  from: ChainLink,
  anchor: AuditAnchor | undefined,
  checkpoint: ChainLink | undefined,
): Promise<Walk> {
  let last = from;
  let signed = from.mac !== null || !chain.unsignedAllowed;
  let rows = from.seq;
  for await (const row of chain.rowsAfter(db, from.seq)) {
    const position = chain.positionOf(row);
    const fail = (reason: AuditBreak, at = position): Failure => ({
      ok: false,
      rows,
      chain: chain.name,
      brokenAt: at,
      reason,
    });
    if (position !== last.seq + 1) return fail('missing', last.seq + 1);
    if (row.prev_hash !== last.hash) return fail('relinked');
    const hash = row.hash ?? '';
    const mac = row.mac ?? null;
    if (chain.hashOf(last.hash, row) !== hash) return fail('altered');
    if (anchor) {
      if (mac === null) {
        if (signed) return fail('unsigned');
      } else if (mac !== chain.macOf(anchor, row, hash)) {
        return fail('forged');
      } else {
        signed = true;
      }
    }
    if (checkpoint && position === checkpoint.seq && (hash !== checkpoint.hash || mac !== checkpoint.mac))
      return fail('diverged');
    last = { seq: position, hash, mac };
    rows += 1;
  }
  return { ok: true, last, rows };
}

/** Verifies one chain from its start, up to its head record and (with one) past its exported head. */
async function verifyChain(
  db: Executor,
  chain: Chain,
  anchor: AuditAnchor | undefined,
  exported: ChainLink | undefined,
): Promise<Walk> {
  let result = await walk(db, chain, GENESIS_LINK, anchor, exported);
  for (;;) {
    if (!result.ok) return result;
    const { last, rows } = result;
    const head = await chain.head(db);
    // The sealer links rows while the walk reads: links that came meanwhile are walked too.
    if (head.seq > last.seq) {
      const more = await walk(db, chain, last, anchor, exported);
      if (!more.ok || more.last.seq > last.seq) {
        result = more;
        continue;
      }
    }
    const fail = (reason: AuditBreak): Failure => ({
      ok: false,
      rows,
      chain: chain.name,
      brokenAt: last.seq + 1,
      reason,
    });
    if (exported && exported.seq > last.seq) return { ...fail('cut'), exportedLink: exported.seq };
    if (head.seq !== last.seq || head.hash !== last.hash) return fail('head_mismatch');
    return result;
  }
}

/** The district chains to check: those with a head, with sealed rows, or exported before. */
async function districtsToCheck(db: Executor, exported: ChainHeads | null): Promise<string[]> {
  const names = new Set([
    ...(await districtHeads(db)).map((head) => head.district),
    ...(await auditDistrictsSealed(db)),
    ...Object.keys(exported?.districts ?? {}),
  ]);
  return [...names].sort();
}

/** Rows waiting for the sealer: counted, and with a key each checked against its row MAC. */
async function checkUnsealed(db: Executor, anchor: AuditAnchor | undefined, rows: number) {
  let unsealed = 0;
  for await (const row of unsealedRows(db)) {
    if (anchor && row.row_mac !== rowMac(anchor.key, row))
      return {
        ok: false as const,
        rows,
        chain: row.district_code,
        brokenAt: row.seq,
        reason: 'unsealed_forged' as const,
      };
    unsealed += 1;
  }
  return { ok: true as const, rows, unsealed };
}

/** Every chain walked from its start, and the heads reached when all hold. */
async function verifyAll(
  db: Executor,
  anchor: AuditAnchor | undefined,
): Promise<{ result: AuditVerification; heads: ChainHeads }> {
  const heads: ChainHeads = { legacy: GENESIS_LINK, districts: {} };
  const exported = anchor ? readExportedHeads(anchor) : null;
  if (exported === 'invalid')
    return { result: { ok: false, rows: 0, chain: '', brokenAt: 0, reason: 'anchor_invalid' }, heads };
  let rows = 0;
  const chains = [LEGACY, ...(await districtsToCheck(db, exported)).map(districtChain)];
  for (const chain of chains) {
    const link = chain === LEGACY ? exported?.legacy : exported?.districts[chain.name];
    const result = await verifyChain(db, chain, anchor, link);
    if (!result.ok) return { result: { ...result, rows: rows + result.rows }, heads };
    rows += result.rows;
    if (chain === LEGACY) heads.legacy = result.last;
    else if (result.last.seq > 0) heads.districts[chain.name] = result.last;
  }
  return { result: await checkUnsealed(db, anchor, rows), heads };
}

/**
 * Walks every chain from its start: the legacy chain, then each district's, then the rows not
 * sealed yet. Without an anchor it checks only that the log agrees with itself, which anyone who
 * can write the database can arrange; with one it also checks every MAC and that each chain still
 * reaches, unchanged, the head exported outside the database.
 */
export async function verifyAuditChain(db: Executor, anchor?: AuditAnchor): Promise<AuditVerification> {
  return (await verifyAll(db, anchor)).result;
}

/** Verifies every chain and, when they hold, exports their heads: what `lianxin audit verify` does. */
export async function verifyAndExportAuditHead(
  db: Executor,
  anchor: AuditAnchor,
  now: Date,
): Promise<AuditVerification> {
  const { result, heads } = await verifyAll(db, anchor);
  if (result.ok) writeExportedHeads(anchor, heads, now);
  return result;
}

/**
 * Moves the exported heads forward, checking only the links sealed since the last export (the
 * scheduler's periodic job, and backups): each exported row must still be there unchanged, and
 * every later link must hang off it and carry a valid MAC. Never moves the anchor when something
 * is wrong. `rows` counts the links up to the new heads.
 */
export async function exportAuditHead(
  db: Executor,
  anchor: AuditAnchor,
  now: Date = new Date(),
): Promise<AuditVerification> {
  const exported = readExportedHeads(anchor);
  if (exported === 'invalid') return { ok: false, rows: 0, chain: '', brokenAt: 0, reason: 'anchor_invalid' };
  const next: ChainHeads = { legacy: GENESIS_LINK, districts: {} };
  let rows = 0;
  const chains = [LEGACY, ...(await districtsToCheck(db, exported)).map(districtChain)];
  for (const chain of chains) {
    const from = (chain === LEGACY ? exported?.legacy : exported?.districts[chain.name]) ?? GENESIS_LINK;
    if (from.seq > 0) {
      const row = await chain.linkAt(db, from.seq);
      if (!row)
        return {
          ok: false,
          rows,
          chain: chain.name,
          brokenAt: from.seq,
          reason: 'cut',
          exportedLink: from.seq,
        };
      if (row.hash !== from.hash || row.mac !== from.mac)
        return { ok: false, rows, chain: chain.name, brokenAt: from.seq, reason: 'diverged' };
    }
    const result = await walk(db, chain, from, anchor, undefined);
    if (!result.ok) return { ...result, rows: rows + result.rows };
    rows += result.last.seq;
    if (chain === LEGACY) next.legacy = result.last;
    else if (result.last.seq > 0) next.districts[chain.name] = result.last;
  }
  writeExportedHeads(anchor, next, now);
  return { ok: true, rows, unsealed: await countUnsealed(db) };
}

/**
 * The heads of every chain as the database records them (legacy: the head and the MAC of the row
 * it names): what a backup records of the chains it copied.
 */
export async function auditChainHeads(db: Executor): Promise<ChainHeads> {
  const legacy = await legacyHead(db);
  const legacyRow = legacy.seq > 0 ? await legacyLinkAt(db, legacy.seq) : undefined;
  const districts: Record<string, ChainLink> = {};
  for (const head of await districtHeads(db))
    if (head.link > 0) districts[head.district] = { seq: head.link, hash: head.hash, mac: head.mac };
  return {
    legacy:
      legacy.seq > 0 ? { seq: legacy.seq, hash: legacy.hash, mac: legacyRow?.mac ?? null } : GENESIS_LINK,
    districts,
  };
}
