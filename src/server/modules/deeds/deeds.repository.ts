import { type Insertable, sql } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { DeedTable } from '../../db/tables.js';

export interface DeedView {
  id: string;
  member_id: string;
  member_name: string;
  region_code: string;
  work_order_id: string | null;
  title: string;
  description: string;
  done_on: string;
  created_at: string;
}

/** Only this file touches deeds (好事实事). */
const memberQuery = (db: Executor) =>
  db.selectFrom('members').select(['id', 'region_code', 'district_code', 'user_id', 'status']);

export const deedsRepository = {
  /** In the caller's transaction; the cockpit's counters are the caller's (`writeDeedAndCounters`). */
  insert: async (db: Executor, row: Insertable<DeedTable>): Promise<void> => {
    await db.insertInto('deeds').values(row).execute();
  },

  /** The member an account belongs to, if any: resolving an order as a member records a deed. */
  memberOfUser: (db: Executor, userId: string) =>
    db
      .selectFrom('members')
      .select(['id', 'region_code', 'district_code', 'user_id'])
      .where('user_id', '=', userId)
      .executeTakeFirst(),

  /** Unscoped: for an order's assignee, whom a scoped check already let through. */
  memberUnscoped: (db: Executor, id: string) => memberQuery(db).where('id', '=', id).executeTakeFirst(),

  /** A member in scope, or nothing: what a deed may be recorded for. */
  memberInScope: (db: Executor, scope: Scope, id: string) =>
    memberQuery(db).where('id', '=', id).where(scope.covers('members.region_code')).executeTakeFirst(),

  list: (
    db: Executor,
    scope: Scope,
    filter: { memberId?: string | undefined; limit: number },
  ): Promise<DeedView[]> => {
    let query = db
      .selectFrom('deeds')
      .innerJoin('members', 'members.id', 'deeds.member_id')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .where(scope.covers('deeds.region_code'))
      .select([
        'deeds.id',
        'deeds.member_id',
        'persons.name as member_name',
        'deeds.region_code',
        'deeds.work_order_id',
        'deeds.title',
        'deeds.description',
        'deeds.done_on',
        'deeds.created_at',
      ]);
    if (filter.memberId) query = query.where('deeds.member_id', '=', filter.memberId);
    return query.orderBy('deeds.done_on', 'desc').orderBy('deeds.id', 'desc').limit(filter.limit).execute();
  },

  /** Counts per child region of `parentCode` (by code prefix of the given length) and per member. */
  countsByRegion: (db: Executor, scope: Scope, prefixLength: number) =>
    db
      .selectFrom('deeds')
      .where(scope.covers('deeds.region_code'))
      .select([
        sql<string>`substr(deeds.region_code, 1, ${sql.lit(prefixLength)})`.as('region_code'),
        (eb) => eb.fn.countAll<number>().as('deeds'),
      ])
      .groupBy(sql`substr(deeds.region_code, 1, ${sql.lit(prefixLength)})`)
      .execute(),

  countsByMember: (db: Executor, scope: Scope, limit: number) =>
    db
      .selectFrom('deeds')
      .innerJoin('members', 'members.id', 'deeds.member_id')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .where(scope.covers('deeds.region_code'))
      .select([
        'deeds.member_id',
        'persons.name as member_name',
        (eb) => eb.fn.countAll<number>().as('deeds'),
      ])
      .groupBy(['deeds.member_id', 'persons.name'])
      .orderBy('deeds', 'desc')
      .limit(limit)
      .execute(),
};
