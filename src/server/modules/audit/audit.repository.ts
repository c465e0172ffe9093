import { v7 as uuidv7 } from 'uuid';
import type { Dialect, Executor } from '../../db/database.js';
import type { AuditRow } from '../../db/tables.js';
import { linkHash } from './audit-chain.js';

/** Who is acting, as far as the audit log is concerned. Never carries secrets. */
export interface AuditActor {
  id: string | null;
  name: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  regionCode: string;
  /** Before/after or other context; must not contain passwords, tokens or clear personal data. */
  summary?: Record<string, unknown>;
}

/**
 * Appends links to the hash chain. Always called with the transaction of the change it records,
 * so a change and its audit row commit or roll back together.
 */
export class AuditRepository {
  constructor(
    private readonly dialect: Dialect,
    private readonly now: () => Date,
  ) {}

  async append(trx: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
    // The head row serializes appends: on PostgreSQL a row lock, on SQLite the write transaction.
    const headQuery = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
    const head = await (this.dialect === 'postgres'
      ? headQuery.forUpdate()
      : headQuery
    ).executeTakeFirstOrThrow();
    const row: Omit<AuditRow, 'hash'> = {
      seq: Number(head.seq) + 1,
      id: uuidv7(),
      at: this.now().toISOString(),
      actor_id: actor.id,
      actor_name: actor.name,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      region_code: entry.regionCode,
      district_code: entry.regionCode.slice(0, 6),
      summary: JSON.stringify(entry.summary ?? {}),
      ip: actor.ip,
      request_id: actor.requestId,
      prev_hash: head.hash,
    };
    const hash = linkHash(head.hash, row);
    await trx
      .insertInto('audit_log')
      .values({ ...row, hash })
      .execute();
    await trx.updateTable('audit_head').set({ seq: row.seq, hash }).where('id', '=', 1).execute();
  }
}

/** Rows in chain order, a page at a time, for verification without loading the whole log. */
export async function* auditRowsInOrder(db: Executor, pageSize = 2000): AsyncGenerator<AuditRow> {
  let after = 0;
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
