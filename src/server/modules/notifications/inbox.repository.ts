import type { Executor } from '../../db/database.js';

/** A user's in-app messages (the outbox's 'inbox' channel). */
export const inboxRepository = {
  recent: (db: Executor, userId: string, limit: number) =>
    db
      .selectFrom('notifications')
      .select(['id', 'template', 'params', 'work_order_id', 'created_at', 'read_at'])
      .where('recipient_user_id', '=', userId)
      .where('channel', '=', 'inbox')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),

  unread: async (db: Executor, userId: string): Promise<number> =>
    Number(
      (
        await db
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('recipient_user_id', '=', userId)
          .where('channel', '=', 'inbox')
          .where('read_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    ),

  owns: async (db: Executor, userId: string, id: string): Promise<boolean> =>
    (await db
      .selectFrom('notifications')
      .select('id')
      .where('id', '=', id)
      .where('recipient_user_id', '=', userId)
      .where('channel', '=', 'inbox')
      .executeTakeFirst()) !== undefined,

  markRead: async (db: Executor, userId: string, id: string, at: string): Promise<boolean> => {
    const result = await db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('id', '=', id)
      .where('recipient_user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
