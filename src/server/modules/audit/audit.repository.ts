import type { KeyObject } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { AuditAction } from '../../../shared/audit-actions.js';
import { districtOf } from '../../../shared/region-code.js';
import type { Dialect, Executor } from '../../db/database.js';
import type { AuditRow } from '../../db/tables.js';
import { linkMac } from './audit-anchor.js';
import { linkHash } from './audit-chain.js';

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
 * Appends links to the hash chain. Always called with the transaction of the change it records,
 * so a change and its audit row commit or roll back together.
 *
 * The head row serializes appends: on PostgreSQL its row lock, on SQLite the write transaction.
 * Most appends come from this process one after another, so the head is usually the one this
 * repository wrote last: the append first tries to move the head from that guess to the new link
 * with one conditional UPDATE (which takes the same lock as reading it FOR UPDATE), and only when
 * no row matched — another process or connection appended, or the guessed link was rolled back —
 * reads the head as before. Either way the new link hangs off the head as it is in the database.
 */
export class AuditRepository {
  /** The head as this repository last wrote it; a guess, checked by the database every time. */
  private lastHead: { seq: number; hash: string } | null = null;

  constructor(
    private readonly dialect: Dialect,
    private readonly now: () => Date,
    /** Signs every link (see audit-anchor.ts); derived from the data key. */
    readonly macKey: KeyObject,
  ) {}

  private link(head: { seq: number; hash: string }, actor: AuditActor, entry: AuditEntry): AuditRow {
    const row: Omit<AuditRow, 'hash' | 'mac'> = {
      seq: head.seq + 1,
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
      prev_hash: head.hash,
    };
    const hash = linkHash(head.hash, row);
    return { ...row, hash, mac: linkMac(this.macKey, row.seq, hash) };
  }

  async append(trx: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
    const guess = this.lastHead;
    if (guess) {
      const link = this.link(guess, actor, entry);
      const moved = await trx
        .updateTable('audit_head')
        .set({ seq: link.seq, hash: link.hash })
        .where('id', '=', 1)
        .where('seq', '=', guess.seq)
        .where('hash', '=', guess.hash)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 1) {
        await trx.insertInto('audit_log').values(link).execute();
        this.lastHead = { seq: link.seq, hash: link.hash };
        return;
      }
    }
    const headQuery = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
    const head = await (this.dialect === 'postgres'
      ? headQuery.forUpdate()
      : headQuery
    ).executeTakeFirstOrThrow();
    const link = this.link({ seq: Number(head.seq), hash: head.hash }, actor, entry);
    await trx.insertInto('audit_log').values(link).execute();
    await trx.updateTable('audit_head').set({ seq: link.seq, hash: link.hash }).where('id', '=', 1).execute();
    this.lastHead = { seq: link.seq, hash: link.hash };
  }
}

/** Rows in chain order, a page at a time, for verification without loading the whole log. */
export async function* auditRowsInOrder(
  db: Executor,
  pageSize = 2000,
  afterSeq = 0,
): AsyncGenerator<AuditRow> {
  let after = afterSeq;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of page) yield { ...row, seq: Number(row.seq) };
    if (page.length < pageSize) return;
    after = Number(page[page.length - 1]!.seq);
  }
}

export async function auditHead(db: Executor): Promise<{ seq: number; hash: string }> {
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

/** The hash and MAC of the link at `seq`, if the row is there. */
export function auditLinkAt(db: Executor, seq: number) {
  return db.selectFrom('audit_log').select(['hash', 'mac']).where('seq', '=', seq).executeTakeFirst();
}

/** The highest sequence number below `below` (0 for none): where a cut chain ends. */
export async function auditLastSeqBelow(db: Executor, below: number): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('seq', '<', below)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/**
 * The head record and the row it names, as they are (either may be missing: a database before
 * the audit chain, or an empty log): what a backup records of the chain.
 */
export async function auditHeadWithRow(db: Executor) {
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const row = head
    ? await db.selectFrom('audit_log').selectAll().where('seq', '=', head.seq).executeTakeFirst()
    : undefined;
  return { head, row };
}
