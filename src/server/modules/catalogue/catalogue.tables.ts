import type { HandlerKind } from '../../../shared/work-orders.js';

/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

export interface ServiceCategoryTable {
  code: string;
  parent_code: string | null;
  name: string;
  name_en: string;
  description: string;
  handler_kind: HandlerKind;
  sign_hours: number;
  resolve_days: number;
  proxy: number;
  /** JSON array of CategoryAttribute. */
  attributes: string;
  keywords: string;
  active: number;
  sort: number;
  created_at: string;
  updated_at: string;
  /** The district whose own category this is; null: shared by the whole installation. */
  district_code: string | null;
}

export interface CalendarDayTable {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  updated_at: string;
}

/** A district's own calendar exception: overlays the shared `calendar_days` for its orders. */
export interface DistrictCalendarDayTable {
  district_code: string;
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  updated_at: string;
}

/** A district switching a shared category off (active 0) or back on (1) for itself. */
export interface DistrictCategorySettingTable {
  district_code: string;
  category_code: string;
  active: number;
  updated_at: string;
}

export interface HotlineTable {
  id: string;
  district_code: string;
  region_code: string;
  number: string;
  name: string;
  active: number;
  created_at: string;
}

/** The tables of this module, by name. */
export interface CatalogueTables {
  service_categories: ServiceCategoryTable;
  calendar_days: CalendarDayTable;
  district_calendar_days: DistrictCalendarDayTable;
  district_category_settings: DistrictCategorySettingTable;
  hotlines: HotlineTable;
}
