import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { DB } from '../db/tables.js';

/** The few reads and writes the demo needs beyond the services it drives. */
export const demoRepository = {
  /** Real data: any resident, organization, work order or hotline, or an account besides the first administrator. */
  async holdsRealData(db: Executor): Promise<boolean> {
    const person = await db.selectFrom('persons').select('id').limit(1).executeTakeFirst();
    const organization = await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
    const order = await db.selectFrom('work_orders').select('id').limit(1).executeTakeFirst();
    const hotline = await db.selectFrom('hotlines').select('id').limit(1).executeTakeFirst();
    const users = await db.selectFrom('users').select('id').limit(2).execute();
    return Boolean(person ?? organization ?? order ?? hotline) || users.length > 1;
  },

  async regionExists(db: Executor, code: string): Promise<boolean> {
    return Boolean(await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst());
  },

  /** The first in-service member who lives in a community and belongs to one of its organizations. */
  async firstMemberLivingIn(db: Executor, communityCode: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('members')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .select('members.id')
      .where('members.status', '=', 'in_service')
      .where('members.region_code', 'like', `${communityCode}%`)
      .where('persons.region_code', 'like', `${communityCode}%`)
      .orderBy('members.id')
      .limit(1)
      .executeTakeFirst();
    return row?.id;
  },

  /**
   * Fresh planner statistics after the bulk load. Without them PostgreSQL plans every list of a
   * city for empty tables (a bitmap scan of a whole district and a sort, where an index in the
   * list's order answers at once), until autovacuum's analyze comes round — never, where it is off.
   */
  async analyze(db: Executor): Promise<void> {
    await sql`analyze`.execute(db);
  },

  async count(db: Executor, table: keyof DB): Promise<number> {
    const row = await (db as Executor)
      .selectFrom(table as 'households')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** The district's residents, which the article's per-population figures are scaled to. */
  async districtPersons(db: Executor, district: string): Promise<number> {
    const row = await db
      .selectFrom('persons')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('district_code', '=', district)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async userId(db: Executor, username: string): Promise<string | undefined> {
    return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst())
      ?.id;
  },

  async linkMember(db: Executor, memberId: string, userId: string, at: string): Promise<void> {
    await db
      .updateTable('members')
      .set({ user_id: userId, updated_at: at })
      .where('id', '=', memberId)
      .execute();
  },

  /** Adults of working age living in a region, in a household, for the demo's loan applicants. */
  async workingAgeResidents(
    db: Executor,
    regionCode: string,
    born: { after: string; before: string },
    limit: number,
  ): Promise<string[]> {
    const rows = await db
      .selectFrom('persons')
      .select('id')
      .where('region_code', 'like', `${regionCode}%`)
      .where('status', '=', 'active')
      .where('household_id', 'is not', null)
      .where('birth_date', '>', born.after)
      .where('birth_date', '<', born.before)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  },
};
