import { type Insertable, sql } from 'kysely';
import type { Dialect, Executor } from '../../db/database.js';
import type { Notification, NotificationTable } from '../../db/tables.js';

/** A message as its outcome is recorded: its key on every dialect, (district_code, id) on Citus. */
type OutboxRow = Pick<Notification, 'district_code' | 'id'>;

/** The outbox's writes and the dispatcher's claims on `notifications` (the inbox reads its own). */
export const outboxRepository = {
  /** In the caller's transaction: the message exists if and only if its change committed. */
  insert: async (trx: Executor, row: Insertable<NotificationTable>): Promise<void> => {
    await trx.insertInto('notifications').values(row).execute();
  },

  /**
   * The districts with pending messages due by `nowIso`, served by notifications_due. The
   * dispatcher claims district by district: on Citus, distributed by district_code, a locking
   * read must name one district (a router query), and a busy district cannot crowd out the others.
   */
  async districtsDue(db: Executor, nowIso: string): Promise<string[]> {
    const rows = await db
      .selectFrom('notifications')
      .select('district_code')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', nowIso)
      .distinct()
      .orderBy('district_code')
      .execute();
    return rows.map((row) => row.district_code);
  },

  /**
   * A district's pending text messages due by `nowIso`, oldest first. On PostgreSQL the rows are
   * locked with `SKIP LOCKED`, so a second process claiming at the same time takes other rows.
   */
  due: (
    trx: Executor,
    dialect: Dialect,
    district: string,
    nowIso: string,
    limit: number,
  ): Promise<Notification[]> => {
    const query = trx
      .selectFrom('notifications')
      .selectAll()
      .where('district_code', '=', district)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', nowIso)
      .orderBy('next_attempt_at')
      .limit(limit);
    return (dialect === 'postgres' ? query.forUpdate().skipLocked() : query).execute();
  },

  /** Reserves claimed rows until `untilIso` (the lease), so no other run sends them meanwhile. */
  lease: async (trx: Executor, district: string, ids: readonly string[], untilIso: string): Promise<void> => {
    if (ids.length === 0) return;
    await trx
      .updateTable('notifications')
      .set({ next_attempt_at: untilIso })
      .where('district_code', '=', district)
      .where('id', 'in', ids)
      .execute();
  },

  // The outcomes name the row's district too: on Citus one shard, not every shard, is written.
  markSent: async (db: Executor, row: OutboxRow, sentAtIso: string): Promise<void> => {
    await db
      .updateTable('notifications')
      .set({ status: 'sent', sent_at: sentAtIso, attempts: sql`attempts + 1`, last_error: null })
      .where('district_code', '=', row.district_code)
      .where('id', '=', row.id)
      .execute();
  },

  /** A failed attempt: counted, with the next try after the backoff and the provider's error. */
  markFailed: async (
    db: Executor,
    row: OutboxRow,
    failure: { attempts: number; nextAttemptAt: string; error: string },
  ): Promise<void> => {
    await db
      .updateTable('notifications')
      .set({ attempts: failure.attempts, next_attempt_at: failure.nextAttemptAt, last_error: failure.error })
      .where('district_code', '=', row.district_code)
      .where('id', '=', row.id)
      .execute();
  },
};
