import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { WorkOrderAttachmentTable } from '../../db/tables.js';

/** Only this file touches work_order_attachments. */
export const attachmentsRepository = {
  insert: async (db: Executor, row: Insertable<WorkOrderAttachmentTable>): Promise<void> => {
    await db.insertInto('work_order_attachments').values(row).execute();
  },

  /** Unscoped: the service then checks that the caller may see the attachment's order (404). */
  findUnscoped: (db: Executor, id: string) =>
    db.selectFrom('work_order_attachments').selectAll().where('id', '=', id).executeTakeFirst(),

  ofOrder: (db: Executor, orderId: string) =>
    db
      .selectFrom('work_order_attachments')
      .selectAll()
      .where('work_order_id', '=', orderId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),

  /** Ties uploaded, not yet used attachments of this order to the step they belong to; returns how many. */
  attachToEvent: async (
    db: Executor,
    orderId: string,
    ids: readonly string[],
    eventId: string,
  ): Promise<number> => {
    const result = await db
      .updateTable('work_order_attachments')
      .set({ event_id: eventId })
      .where('work_order_id', '=', orderId)
      .where('id', 'in', [...new Set(ids)])
      .where('event_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },
};
