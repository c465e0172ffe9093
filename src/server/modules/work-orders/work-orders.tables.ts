import type { Channel, Satisfaction, WorkOrderStatus } from '../../../shared/work-orders.js';

/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

export interface WorkOrderTable {
  id: string;
  district_code: string;
  number: string;
  region_code: string;
  household_id: string | null;
  person_id: string | null;
  category_code: string;
  description: string;
  /** JSON object of attribute code → value. */
  attributes: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  channel: Channel;
  hotline_id: string | null;
  intake_user_id: string | null;
  resident_id: string | null;
  open311_key_id: string | null;
  contact_name: string;
  contact_phone_enc: string | null;
  contact_phone_bidx: string | null;
  status: WorkOrderStatus;
  return_from_status: WorkOrderStatus | null;
  pending_extension: string | null;
  urgent: number;
  handler_region_code: string;
  dispatcher_region_code: string | null;
  assignee_user_id: string | null;
  assignee_member_id: string | null;
  sign_due_at: string | null;
  due_at: string;
  callback_due_at: string | null;
  overdue: number;
  escalated_region_code: string | null;
  urge_count: number;
  supervised: number;
  reopen_count: number;
  satisfaction: Satisfaction | null;
  resolution: string;
  /**
   * What Open311 publishes as the description: staff's public text, or the resident's words
   * screened for personal data when they opted in; null publishes none (see 0009).
   */
  public_description: string | null;
  signed_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  closed_on_time: number | null;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface WorkOrderEventTable {
  id: string;
  district_code: string;
  work_order_id: string;
  action: string;
  from_status: WorkOrderStatus | null;
  to_status: WorkOrderStatus;
  actor_id: string | null;
  actor_name: string;
  note: string;
  data: string;
  at: string;
}

/** The last order number given out per district and Beijing day (see migration 0023). */
export interface WorkOrderNumberTable {
  district_code: string;
  day: string;
  last_number: number;
}

/** The tables of this module, by name. */
export interface WorkOrdersTables {
  work_orders: WorkOrderTable;
  work_order_events: WorkOrderEventTable;
  work_order_numbers: WorkOrderNumberTable;
}
