import { type Insertable, sql } from 'kysely';
import type { Dialect, Executor } from '../../db/database.js';
import type { Notification, NotificationTable } from '../../db/tables.js';

/** The outbox's writes and the dispatcher's claims on `notifications` (the inbox reads its own). */
export const outboxRepository = {
  /** In the caller's transaction: the message exists if and only if its change committed. */
  insert: async (trx: Executor, row: Insertable<NotificationTable>): Promise<void> => {
    await trx.insertInto('notifications').values(row).execute();
  },

  /**
   * Pending text messages due by `nowIso`, oldest first. On PostgreSQL the rows are locked with
   * `SKIP LOCKED`, so a second process claiming at the same time takes other rows.
   */
  due: (trx: Executor, dialect: Dialect, nowIso: string, limit: number): Promise<Notification[]> => {
    const query = trx
      .selectFrom('notifications')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', nowIso)
      .orderBy('next_attempt_at')
      .limit(limit);
    return (dialect === 'postgres' ? query.forUpdate().skipLocked() : query).execute();
  },

  /** Reserves claimed rows until `untilIso` (the lease), so no other run sends them meanwhile. */
  lease: async (trx: Executor, ids: readonly string[], untilIso: string): Promise<void> => {
    if (ids.length === 0) return;
    await trx
      .updateTable('notifications')
      .set({ next_attempt_at: untilIso })
      .where('id', 'in', ids)
      .execute();
  },

  markSent: async (db: Executor, id: string, sentAtIso: string): Promise<void> => {
    await db
      .updateTable('notifications')
      .set({ status: 'sent', sent_at: sentAtIso, attempts: sql`attempts + 1`, last_error: null })
      .where('id', '=', id)
      .execute();
  },

  /** A failed attempt: counted, with the next try after the backoff and the provider's error. */
  markFailed: async (
    db: Executor,
    id: string,
    failure: { attempts: number; nextAttemptAt: string; error: string },
  ): Promise<void> => {
    await db
      .updateTable('notifications')
      .set({ attempts: failure.attempts, next_attempt_at: failure.nextAttemptAt, last_error: failure.error })
      .where('id', '=', id)
      .execute();
  },
};
