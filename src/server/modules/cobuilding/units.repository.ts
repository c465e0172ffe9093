import type { Insertable, Selectable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type {
  CobuildingActivityTable,
  CobuildingUnitMemberTable,
  CobuildingUnitTable,
} from './cobuilding.tables.js';

export type UnitRow = Selectable<CobuildingUnitTable> & {
  linked_members: number | string;
  activities: number | string;
  venues: number | string;
};

/** The most units a list answers (a district has a hundred or two). */
export const UNIT_LIST_LIMIT = 1000;

const withCounts = (db: Executor) =>
  db
    .selectFrom('cobuilding_units as u')
    .selectAll('u')
    .select((eb) => [
      eb
        .selectFrom('cobuilding_unit_members as m')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.unit_id', '=', 'u.id')
        .whereRef('m.district_code', '=', 'u.district_code')
        .as('linked_members'),
      eb
        .selectFrom('cobuilding_activities as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.unit_id', '=', 'u.id')
        .whereRef('a.district_code', '=', 'u.district_code')
        .as('activities'),
      eb
        .selectFrom('cobuilding_venues as v')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('v.unit_id', '=', 'u.id')
        .whereRef('v.district_code', '=', 'u.district_code')
        .as('venues'),
    ]);

/** 驻区共建单位, their linked members and joint activities. Only this file touches their tables. */
export const unitsRepository = {
  insert: async (db: Executor, row: Insertable<CobuildingUnitTable>) => {
    await db.insertInto('cobuilding_units').values(row).execute();
  },

  findInScope: (db: Executor, scope: Scope, id: string): Promise<UnitRow | undefined> =>
    withCounts(db).where('u.id', '=', id).where(scope.covers('u.region_code')).executeTakeFirst() as Promise<
      UnitRow | undefined
    >,

  list: (db: Executor, scope: Scope): Promise<UnitRow[]> =>
    withCounts(db)
      .where(scope.covers('u.region_code'))
      .orderBy('u.name')
      .orderBy('u.id')
      .limit(UNIT_LIST_LIMIT)
      .execute() as Promise<UnitRow[]>,

  memberLink: (db: Executor, unitId: string, memberId: string) =>
    db
      .selectFrom('cobuilding_unit_members')
      .select('member_id')
      .where('unit_id', '=', unitId)
      .where('member_id', '=', memberId)
      .executeTakeFirst(),

  addMember: async (db: Executor, row: Insertable<CobuildingUnitMemberTable>) => {
    await db.insertInto('cobuilding_unit_members').values(row).execute();
  },

  members: (db: Executor, unitId: string) =>
    db
      .selectFrom('cobuilding_unit_members as um')
      .innerJoin('members as m', 'm.id', 'um.member_id')
      .innerJoin('persons as p', 'p.id', 'm.person_id')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select(['um.member_id', 'p.name', 'o.name as organization_name', 'm.region_code'])
      .where('um.unit_id', '=', unitId)
      .orderBy('p.name')
      .execute(),

  addActivity: async (db: Executor, row: Insertable<CobuildingActivityTable>) => {
    await db.insertInto('cobuilding_activities').values(row).execute();
  },

  activities: (db: Executor, unitId: string) =>
    db
      .selectFrom('cobuilding_activities')
      .selectAll()
      .where('unit_id', '=', unitId)
      .orderBy('held_on', 'desc')
      .orderBy('id')
      .execute(),
};
