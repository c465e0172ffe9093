/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

export interface NotificationTable {
  id: string;
  district_code: string;
  channel: 'sms' | 'inbox';
  recipient_phone_enc: string | null;
  recipient_user_id: string | null;
  template: string;
  params: string;
  work_order_id: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  sent_at: string | null;
  read_at: string | null;
  created_at: string;
}

/** The tables of this module, by name. */
export interface NotificationsTables {
  notifications: NotificationTable;
}
