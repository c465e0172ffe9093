import type { Executor } from '../../db/database.js';

/** Only this file touches the sessions and login_throttle tables. */
export const sessionsRepository = {
  insert: async (db: Executor, id: string, userId: string, at: string): Promise<void> => {
    await db
      .insertInto('sessions')
      .values({ id, user_id: userId, created_at: at, last_seen_at: at })
      .execute();
  },
  find: (db: Executor, id: string) =>
    db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst(),
  touch: async (db: Executor, id: string, at: string): Promise<void> => {
    await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
  },
  delete: async (db: Executor, id: string): Promise<void> => {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  },
  deleteAllOfUser: async (db: Executor, userId: string): Promise<number> => {
    const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
  countOfUser: async (db: Executor, userId: string): Promise<number> => {
    const row = await db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  throttleOf: (db: Executor, username: string) =>
    db.selectFrom('login_throttle').selectAll().where('username', '=', username).executeTakeFirst(),
  saveThrottle: async (
    db: Executor,
    username: string,
    failedCount: number,
    lockedUntil: string | null,
    at: string,
  ) => {
    await db
      .insertInto('login_throttle')
      .values({ username, failed_count: failedCount, locked_until: lockedUntil, updated_at: at })
      .onConflict((oc) =>
        oc
          .column('username')
          .doUpdateSet({ failed_count: failedCount, locked_until: lockedUntil, updated_at: at }),
      )
      .execute();
  },
  clearThrottle: async (db: Executor, username: string): Promise<void> => {
    await db.deleteFrom('login_throttle').where('username', '=', username).execute();
  },
};
