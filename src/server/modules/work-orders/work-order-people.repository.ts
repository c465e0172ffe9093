import { pathOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { HANDLING_ROLES } from './handling-roles.js';

/*
 * The people around an order, read from other modules' tables (staff and their roles, members,
 * persons): who hears about an order, who it can be dispatched to, who is calling. Kept apart from
 * work-orders.repository.ts, which reads and writes the orders themselves.
 */

/** Active staff whose role at exactly this unit handles orders: who hears about an order held there. */
export async function handlerRecipients(db: Executor, regionCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select('role_assignments.user_id')
    .distinct()
    .where('role_assignments.region_code', '=', regionCode)
    .where('role_assignments.role', 'in', HANDLING_ROLES)
    .where('users.status', '=', 'active')
    .limit(20)
    .execute();
  return rows.map((row) => row.user_id);
}

/** Who an order held at `handlerCode` for a place at `placeCode` can be dispatched to. */
export const dispatchCandidates = {
  /** The units between the holder and the place (street, community, grid, building), top down. */
  units: (db: Executor, handlerCode: string, placeCode: string) => {
    const codes = pathOf(placeCode).filter((code) => code.length > handlerCode.length);
    if (codes.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('regions')
      .select(['code', 'name', 'kind'])
      .where('code', 'in', codes)
      .orderBy('code')
      .execute();
  },

  /**
   * Staff with a handling role inside the holder's unit whose work covers the place, and whose
   * role lies in the caller's dispatch scope: a staff list is shown only to whom may dispatch.
   */
  users: async (db: Executor, scope: Scope, handlerCode: string, placeCode: string) => {
    const rows = await db
      .selectFrom('role_assignments')
      .innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select(['users.id', 'users.display_name', 'role_assignments.role', 'role_assignments.region_code'])
      .where('role_assignments.role', 'in', HANDLING_ROLES)
      .where(scope.covers('role_assignments.region_code'))
      .where('users.status', '=', 'active')
      .where('role_assignments.region_code', 'like', `${handlerCode}%`)
      .orderBy('role_assignments.region_code', 'desc')
      .limit(500)
      .execute();
    return rows.filter((row) => placeCode.startsWith(row.region_code));
  },

  /** Members with an account, inside the holder's unit and the caller's scope. */
  members: (db: Executor, scope: Scope, handlerCode: string) =>
    db
      .selectFrom('members')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .select(['members.id', 'persons.name', 'members.region_code'])
      .where('members.user_id', 'is not', null)
      .where(scope.covers('members.region_code'))
      .where('members.region_code', 'like', `${handlerCode}%`)
      .orderBy('members.region_code')
      .orderBy('persons.name')
      .limit(200)
      .execute(),
};

/** Look-ups about people that the work-order services need: callers and possible assignees. */
export const callerLookups = {
  /** Active residents in scope with this phone's blind index (the operator console's caller). */
  personsByPhone: (db: Executor, scope: Scope, phoneIndex: string) =>
    db
      .selectFrom('persons')
      // Joined within the district too: Citus then joins on each shard (docs/architecture.md).
      .leftJoin('households', (join) =>
        join
          .onRef('households.id', '=', 'persons.household_id')
          .onRef('households.district_code', '=', 'persons.district_code'),
      )
      .select([
        'persons.id',
        'persons.name',
        'persons.gender',
        'persons.birth_date',
        'persons.region_code',
        'persons.household_id',
        'households.address',
      ])
      .where('persons.phone_bidx', '=', phoneIndex)
      .where('persons.status', '=', 'active')
      .where(scope.covers('persons.region_code'))
      .limit(10)
      .execute(),

  /** Regions where a user holds a role that handles orders. */
  handlerRegionsOf: async (db: Executor, userId: string): Promise<string[]> => {
    const rows = await db
      .selectFrom('role_assignments')
      .innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select('role_assignments.region_code')
      .where('role_assignments.user_id', '=', userId)
      .where('users.status', '=', 'active')
      .where('role_assignments.role', 'in', HANDLING_ROLES)
      .execute();
    return rows.map((row) => row.region_code);
  },
};
