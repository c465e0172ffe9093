import type { KeyObject } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { AuditAction } from '../../../shared/audit-actions.js';
import { districtOf } from '../../../shared/region-code.js';
import type { Executor } from '../../db/database.js';
import type { AuditRow } from '../../db/tables.js';
import { type AuditContent, rowMac } from './audit-chain.js';

/** Who is acting, as far as the audit log is concerned. Never carries secrets. */
export interface AuditActor {
  id: string | null;
  name: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  /** One of the known actions, each with a label in both languages (shared/audit-actions.ts). */
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  regionCode: string;
  /** Before/after or other context; must not contain passwords, tokens or clear personal data. */
  summary?: Record<string, unknown>;
}

/**
 * Writes audit rows. Always called with the transaction of the change it records, so a change and
 * its audit row commit or roll back together.
 *
 * An append is one INSERT of the row's content and its keyed MAC, and locks nothing another change
 * needs: the sealer (audit-sealer.ts) links committed rows into their district's chain within a
 * second or so. Until then the row MAC is what shows an edit.
 */
export class AuditRepository {
  constructor(
    private readonly now: () => Date,
    /** Signs every row and link (see audit-anchor.ts); derived from the data key. */
    readonly macKey: KeyObject,
  ) {}

  async append(trx: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
    const content: AuditContent = {
      id: uuidv7(),
      at: this.now().toISOString(),
      actor_id: actor.id,
      actor_name: actor.name,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      region_code: entry.regionCode,
      district_code: districtOf(entry.regionCode),
      summary: JSON.stringify(entry.summary ?? {}),
      ip: actor.ip,
      request_id: actor.requestId,
    };
    await trx
      .insertInto('audit_log')
      .values({ ...content, row_mac: rowMac(this.macKey, content) })
      .execute();
  }
}

const asRow = (row: AuditRow): AuditRow => ({
  ...row,
  seq: Number(row.seq),
  link: row.link === null ? null : Number(row.link),
});

/** Rows of the legacy chain (before migration 0023) in chain order, a page at a time. */
export async function* legacyRowsInOrder(
  db: Executor,
  afterSeq = 0,
  pageSize = 2000,
): AsyncGenerator<AuditRow> {
  let after = afterSeq;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .where('link', 'is', null)
      .where('hash', 'is not', null)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of page) yield asRow(row);
    if (page.length < pageSize) return;
    after = Number(page[page.length - 1]!.seq);
  }
}

/** The sealed rows of a district's chain in chain order, from a link on, a page at a time. */
export async function* districtRowsInOrder(
  db: Executor,
  district: string,
  afterLink = 0,
  pageSize = 2000,
): AsyncGenerator<AuditRow> {
  let after = afterLink;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('district_code', '=', district)
      .where('link', '>', after)
      .orderBy('link')
      .limit(pageSize)
      .execute();
    for (const row of page) yield asRow(row);
    if (page.length < pageSize) return;
    after = Number(page[page.length - 1]!.link);
  }
}

/** Rows not sealed yet, oldest first, a page at a time. */
export async function* unsealedRows(db: Executor, pageSize = 2000): AsyncGenerator<AuditRow> {
  let after = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('hash', 'is', null)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of page) yield asRow(row);
    if (page.length < pageSize) return;
    after = Number(page[page.length - 1]!.seq);
  }
}

/** The head of the legacy chain (0 and the genesis hash on a database that began after it). */
export async function legacyHead(db: Executor): Promise<{ seq: number; hash: string }> {
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

/** Every district chain's head, or one district's. */
export async function districtHeads(db: Executor, district?: string) {
  let query = db.selectFrom('audit_chain_heads').select(['district_code', 'link', 'hash', 'mac']);
  if (district) query = query.where('district_code', '=', district);
  const rows = await query.execute();
  return rows.map((row) => ({
    district: row.district_code,
    link: Number(row.link),
    hash: row.hash,
    mac: row.mac,
  }));
}

/** One district chain's head link (0 when nothing of it is sealed yet). */
export async function districtHeadLink(db: Executor, district: string): Promise<number> {
  const row = await db
    .selectFrom('audit_chain_heads')
    .select('link')
    .where('district_code', '=', district)
    .executeTakeFirst();
  return Number(row?.link ?? 0);
}

/** The legacy row at `seq`, if it is there. */
export function legacyLinkAt(db: Executor, seq: number) {
  return db
    .selectFrom('audit_log')
    .select(['hash', 'mac'])
    .where('seq', '=', seq)
    .where('link', 'is', null)
    .executeTakeFirst();
}

/** The district chain's row at `link`, if it is there. */
export function districtLinkAt(db: Executor, district: string, link: number) {
  return db
    .selectFrom('audit_log')
    .select(['hash', 'mac'])
    .where('district_code', '=', district)
    .where('link', '=', link)
    .executeTakeFirst();
}
