/** One in-app message (GET /api/me/notifications): an order given to me, urged, reopened… */
export interface InboxItem {
  id: string;
  template: string;
  /** Rendered in the template's words. */
  text: string;
  workOrderId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Inbox {
  items: InboxItem[];
  unread: number;
}
