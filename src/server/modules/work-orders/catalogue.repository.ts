import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  CalendarDayTable,
  Hotline,
  HotlineTable,
  ServiceCategory,
  ServiceCategoryTable,
} from '../../db/tables.js';

/** Only this file touches service_categories, calendar_days and hotlines. */
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
