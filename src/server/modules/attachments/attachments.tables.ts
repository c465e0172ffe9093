/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

export interface WorkOrderAttachmentTable {
  id: string;
  district_code: string;
  work_order_id: string;
  event_id: string | null;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  has_thumbnail: number;
  created_by: string | null;
  created_at: string;
}

/** The tables of this module, by name. */
export interface AttachmentsTables {
  work_order_attachments: WorkOrderAttachmentTable;
}
