import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { IdempotencyKeyTable } from './idempotency.tables.js';

/** Only this file touches idempotency_keys. */
export const idempotencyRepository = {
  find: (db: Executor, userId: string, key: string) =>
    db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('user_id', '=', userId)
      .where('request_key', '=', key)
      .executeTakeFirst(),

  /**
   * Claims a key in the transaction of the change it guards. An expired row of the same key goes
   * first (the sweep may not have come by yet); a live one makes the insert fail on the primary
   * key, which rolls the change back — the twin that got there first has done it.
   */
  claim: async (db: Executor, row: Insertable<IdempotencyKeyTable>): Promise<void> => {
    await db
      .deleteFrom('idempotency_keys')
      .where('user_id', '=', row.user_id)
      .where('request_key', '=', row.request_key)
      .where('expires_at', '<=', row.created_at)
      .execute();
    await db.insertInto('idempotency_keys').values(row).execute();
  },

  /** Forgets keys past their expiry; answers how many. */
  deleteExpired: async (db: Executor, now: string): Promise<number> => {
    const result = await db.deleteFrom('idempotency_keys').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
