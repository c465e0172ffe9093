import { type SqlBool, sql } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { AuditRow } from '../../db/tables.js';

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Keyset cursor: rows older than this sequence number. */
  beforeSeq?: number | undefined;
  limit: number;
}

/** Reads the audit log newest first, inside the caller's scope. */
export function listAudit(db: Executor, scope: Scope, filter: AuditFilter): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').selectAll().where(scope.covers('audit_log.region_code'));
  if (filter.actor) query = query.where('actor_name', '=', filter.actor);
  // A prefix match on the action. Wildcards in what was typed are escaped, not dropped: most
  // actions have an underscore (auth.login_failed), which LIKE would otherwise read as any character.
  if (filter.action) {
    const prefix = `${filter.action.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<SqlBool>`${sql.ref('action')} like ${prefix} escape '\\'`);
  }
  if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
  return query.orderBy('seq', 'desc').limit(filter.limit).execute();
}

/** How many rows of one action an actor has written since a time (served by audit_log_actor). */
export async function countActorActionsSince(
  db: Executor,
  actorId: string,
  action: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('actor_id', '=', actorId)
    .where('at', '>=', since)
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Holds, until the transaction ends, a lock of its own for one actor and one purpose: counting
 * what an account did and then acting on the count is one step at a time per account, and never
 * waits on another account. On PostgreSQL a transaction-scoped advisory lock keyed by the two;
 * on SQLite the write transaction already runs alone.
 */
export async function lockActorFor(
  db: Executor,
  dialect: 'sqlite' | 'postgres',
  actorId: string,
  purpose: string,
): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${`${purpose}:${actorId}`}, 0))`.execute(db);
}
