import type { Scope } from '../auth/scope.js';
import type { Executor } from '../db/database.js';
import type { DB } from '../db/tables.js';

/** The few reads and writes the demo needs beyond the services it drives. */
export const demoRepository = {
  /** Real data: any resident, organization, or account besides the first administrator. */
  async holdsRealData(db: Executor): Promise<boolean> {
    const person = await db.selectFrom('persons').select('id').limit(1).executeTakeFirst();
    const organization = await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
    const users = await db.selectFrom('users').select('id').limit(2).execute();
    return Boolean(person ?? organization) || users.length > 1;
  },

  communities(db: Executor, districtCode: string) {
    return db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('district_code', '=', districtCode)
      .where('kind', 'in', ['community', 'village'])
      .orderBy('code')
      .execute();
  },

  /** Adults living in a building, in a stable order. */
  adultsAt(db: Executor, buildingCode: string, minimumAge: number, today: Date) {
    const bornBefore = `${today.getUTCFullYear() - minimumAge}-${String(today.getUTCMonth() + 1).padStart(2, '0')}-${String(today.getUTCDate()).padStart(2, '0')}`;
    return db
      .selectFrom('persons')
      .select(['id'])
      .where('region_code', '=', buildingCode)
      .where('status', '=', 'active')
      .where('birth_date', '<=', bornBefore)
      .orderBy('id')
      .execute();
  },

  async unitsOf(db: Executor, buildingCode: string): Promise<string[]> {
    const rows = await db
      .selectFrom('households')
      .select('unit')
      .distinct()
      .where('region_code', '=', buildingCode)
      .orderBy('unit')
      .execute();
    return rows.map((r) => r.unit).filter(Boolean);
  },

  async count(db: Executor, table: keyof DB): Promise<number> {
    const row = await (db as Executor)
      .selectFrom(table as 'households')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async firstMemberUnder(db: Executor, scope: Scope): Promise<string | undefined> {
    const row = await db
      .selectFrom('members')
      .select('id')
      .where(scope.covers('members.region_code'))
      .where('status', '=', 'in_service')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row?.id;
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
};
