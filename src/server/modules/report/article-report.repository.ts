import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { OrganizationKind } from '../../db/tables.js';

const count = (row: { n: number | string | bigint } | undefined) => Number(row?.n ?? 0);

/** The counts the article report puts next to the article's figures, for one district. */
export const articleReportRepository = {
  async organizations(db: Executor, districtCode: string, kind: OrganizationKind): Promise<number> {
    return count(
      await db
        .selectFrom('organizations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('district_code', '=', districtCode)
        .where('kind', '=', kind)
        .where('status', '=', 'active')
        .executeTakeFirst(),
    );
  },

  async confirmedRegistrations(db: Executor, districtCode: string): Promise<number> {
    return count(
      await db
        .selectFrom('community_registrations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('district_code', '=', districtCode)
        .where('status', '=', 'confirmed')
        .executeTakeFirst(),
    );
  },

  async activeHotlines(db: Executor, districtCode: string): Promise<number> {
    return count(
      await db
        .selectFrom('hotlines')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('district_code', '=', districtCode)
        .where('active', '=', 1)
        .executeTakeFirst(),
    );
  },

  async rows(
    db: Executor,
    districtCode: string,
    table: 'health_records' | 'deeds' | 'persons' | 'households' | 'work_orders',
  ): Promise<number> {
    return count(
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('district_code', '=', districtCode)
        .executeTakeFirst(),
    );
  },

  async commendations(db: Executor, districtCode: string, title: string): Promise<number> {
    return count(
      await db
        .selectFrom('commendations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('district_code', '=', districtCode)
        .where('title', '=', title)
        .executeTakeFirst(),
    );
  },

  async villages(db: Executor, districtCode: string): Promise<number> {
    return count(
      await db
        .selectFrom('regions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('district_code', '=', districtCode)
        .where('kind', '=', 'village')
        .executeTakeFirst(),
    );
  },

  /** Per district: callbacks and how many of them were 满意 (the last callback of each order). */
  satisfactionByDistrict(db: Executor) {
    return db
      .selectFrom('work_orders')
      .select([
        'district_code',
        (eb) => eb.fn.countAll<number>().as('callbacks'),
        sql<number>`sum(case when satisfaction = 'satisfied' then 1 else 0 end)`.as('satisfied'),
      ])
      .where('satisfaction', 'is not', null)
      .groupBy('district_code')
      .execute();
  },

  async districtName(db: Executor, districtCode: string): Promise<string | undefined> {
    return (await db.selectFrom('regions').select('name').where('code', '=', districtCode).executeTakeFirst())
      ?.name;
  },
};
