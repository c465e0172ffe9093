import type { Inbox } from '../../../shared/api/notifications.js';
import { notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { inboxRepository } from './inbox.repository.js';
import { paramsOf } from './outbox.js';
import { renderTemplate, type TemplateCode } from './templates.js';

/** A user's in-app messages: orders dispatched to them, overdue, urged, reopened. Their own only. */
export class InboxService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The latest messages, newest first, rendered in the template's words, and how many are unread. */
  async recent(userId: string, limit = 50): Promise<Inbox> {
    const { db } = this.ctx.database;
    const [rows, unread] = await Promise.all([
      inboxRepository.recent(db, userId, limit),
      inboxRepository.unread(db, userId),
    ]);
    return {
      items: rows.map((row) => ({
        id: row.id,
        template: row.template,
        text: renderTemplate(row.template as TemplateCode, paramsOf(this.ctx, row.template, row.params)),
        workOrderId: row.work_order_id,
        createdAt: row.created_at,
        readAt: row.read_at,
      })),
      unread,
    };
  }

  /** Marks one of the user's messages read (again is fine); someone else's does not exist. */
  async markRead(userId: string, id: string): Promise<void> {
    const { db } = this.ctx.database;
    // Nothing marked: already read, or not theirs (then it does not exist for them).
    if (await inboxRepository.markRead(db, userId, id, this.ctx.now().toISOString())) return;
    if (!(await inboxRepository.owns(db, userId, id))) throw notFound('notification.not_found');
  }
}
