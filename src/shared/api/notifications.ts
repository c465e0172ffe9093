import { z } from 'zod';

/** Response shapes of the signed-in user's inbox (/api/me/notifications). */

/** One in-app message: an order given to me, urged, reopened… */
export const inboxItemSchema = z.object({
  id: z.string(),
  template: z.string(),
  /** Rendered in the template's words. */
  text: z.string(),
  workOrderId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxSchema = z.object({ items: z.array(inboxItemSchema), unread: z.number() });
export type Inbox = z.infer<typeof inboxSchema>;
