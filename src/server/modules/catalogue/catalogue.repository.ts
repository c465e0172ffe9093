import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  CalendarDayTable,
  DistrictCalendarDayTable,
  Hotline,
  HotlineTable,
  ServiceCategory,
  ServiceCategoryTable,
} from '../../db/tables.js';

/**
 * Only this file touches service_categories, calendar_days, the district overlays of both
 * (district_calendar_days, district_category_settings) and hotlines.
 */
export const catalogueRepository = {
  categories: (db: Executor): Promise<ServiceCategory[]> =>
    db.selectFrom('service_categories').selectAll().orderBy('sort').orderBy('code').execute(),

  category: (db: Executor, code: string): Promise<ServiceCategory | undefined> =>
    db.selectFrom('service_categories').selectAll().where('code', '=', code).executeTakeFirst(),

  insertCategory: async (db: Executor, row: Insertable<ServiceCategoryTable>): Promise<void> => {
    await db.insertInto('service_categories').values(row).execute();
  },

  updateCategory: async (
    db: Executor,
    code: string,
    changes: Updateable<ServiceCategoryTable>,
  ): Promise<void> => {
    await db.updateTable('service_categories').set(changes).where('code', '=', code).execute();
  },

  calendarDays: (db: Executor, from?: string, to?: string) => {
    let query = db.selectFrom('calendar_days').selectAll();
    if (from) query = query.where('date', '>=', from);
    if (to) query = query.where('date', '<=', to);
    return query.orderBy('date').execute();
  },

  upsertCalendarDay: async (db: Executor, row: Insertable<CalendarDayTable>): Promise<void> => {
    await db
      .insertInto('calendar_days')
      .values(row)
      .onConflict((oc) =>
        oc.column('date').doUpdateSet({ kind: row.kind, name: row.name, updated_at: row.updated_at }),
      )
      .execute();
  },

  deleteCalendarDay: async (db: Executor, date: string): Promise<number> => {
    const result = await db.deleteFrom('calendar_days').where('date', '=', date).executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  /** Every district's own calendar exceptions (or those of the given districts), by date. */
  districtCalendarDays: (
    db: Executor,
    districts?: readonly string[],
    from?: string,
    to?: string,
  ): Promise<Selectable<DistrictCalendarDayTable>[]> => {
    if (districts?.length === 0) return Promise.resolve([]);
    let query = db.selectFrom('district_calendar_days').selectAll();
    if (districts) query = query.where('district_code', 'in', districts);
    if (from) query = query.where('date', '>=', from);
    if (to) query = query.where('date', '<=', to);
    return query.orderBy('date').orderBy('district_code').execute();
  },

  upsertDistrictCalendarDay: async (
    db: Executor,
    row: Insertable<DistrictCalendarDayTable>,
  ): Promise<void> => {
    await db
      .insertInto('district_calendar_days')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['district_code', 'date'])
          .doUpdateSet({ kind: row.kind, name: row.name, updated_at: row.updated_at }),
      )
      .execute();
  },

  deleteDistrictCalendarDay: async (db: Executor, district: string, date: string): Promise<number> => {
    const result = await db
      .deleteFrom('district_calendar_days')
      .where('district_code', '=', district)
      .where('date', '=', date)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  /** Districts' switches of shared categories (all, or those of the given districts). */
  categorySettings: (db: Executor, districts?: readonly string[]) => {
    if (districts?.length === 0) return Promise.resolve([]);
    let query = db.selectFrom('district_category_settings').selectAll();
    if (districts) query = query.where('district_code', 'in', districts);
    return query.orderBy('district_code').orderBy('category_code').execute();
  },

  setCategorySetting: async (
    db: Executor,
    row: { district_code: string; category_code: string; active: number; updated_at: string },
  ): Promise<void> => {
    await db
      .insertInto('district_category_settings')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['district_code', 'category_code'])
          .doUpdateSet({ active: row.active, updated_at: row.updated_at }),
      )
      .execute();
  },

  hotlinesOfDistricts: (db: Executor, districtCodes: readonly string[]): Promise<Hotline[]> =>
    districtCodes.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('hotlines')
          .selectAll()
          .where('district_code', 'in', districtCodes)
          .orderBy('number')
          .execute(),

  hotline: (db: Executor, id: string): Promise<Hotline | undefined> =>
    db.selectFrom('hotlines').selectAll().where('id', '=', id).executeTakeFirst(),

  updateHotline: async (db: Executor, id: string, changes: Updateable<HotlineTable>): Promise<void> => {
    await db.updateTable('hotlines').set(changes).where('id', '=', id).execute();
  },

  insertHotline: async (db: Executor, row: Insertable<HotlineTable>): Promise<void> => {
    await db.insertInto('hotlines').values(row).execute();
  },
};
