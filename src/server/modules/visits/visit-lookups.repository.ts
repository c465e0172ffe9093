import { pathOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';

/**
 * What the visits module reads from other modules' tables: regions and their register counts,
 * accounts that may visit, tags, care pairings. Reads only; the owners write them.
 */
export const visitLookups = {
  /** A region inside the scope (the caller's, or a campaign's narrowed one). */
  regionInScope: (db: Executor, scope: Scope, code: string) =>
    db
      .selectFrom('regions')
      .select(['code', 'name', 'kind'])
      .where('code', '=', code)
      .where(scope.covers('regions.code'))
      .executeTakeFirst(),

  /** A region and its children with the number of households the register holds in each. */
  regionWithChildren: async (db: Executor, code: string) =>
    db
      .selectFrom('regions as r')
      .leftJoin('region_stats as s', 's.region_code', 'r.code')
      .select(['r.code', 'r.name', 'r.parent_code', 's.households'])
      .where((eb) => eb.or([eb('r.code', '=', code), eb('r.parent_code', '=', code)]))
      .orderBy('r.code')
      .execute(),

  tagCodeNamed: async (db: Executor, name: string): Promise<string | undefined> =>
    (await db.selectFrom('tags').select('code').where('name', '=', name).executeTakeFirst())?.code,

  /**
   * An active account that may visit in a region: one with a role assigned inside it or above it
   * (a grid's worker, the community's members and secretaries).
   */
  visitorInScope: (db: Executor, region: Scope, userId: string) =>
    db
      .selectFrom('users as u')
      .innerJoin('role_assignments as ra', 'ra.user_id', 'u.id')
      .select(['u.id', 'u.display_name'])
      .where('u.id', '=', userId)
      .where('u.status', '=', 'active')
      .where((eb) =>
        eb.or([region.covers('ra.region_code'), eb('ra.region_code', 'in', region.roots.flatMap(pathOf))]),
      )
      .executeTakeFirst(),

  userNames: async (db: Executor, ids: readonly string[]): Promise<Map<string, string>> => {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  },

  /** Whether the user is the caring member of the household (党员联户). */
  caresFor: async (db: Executor, userId: string, householdId: string): Promise<boolean> => {
    const row = await db
      .selectFrom('care_pairings as cp')
      .innerJoin('members as m', 'm.id', 'cp.member_id')
      .select('cp.household_id')
      .where('cp.household_id', '=', householdId)
      .where('m.user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Unscoped: a household the caller was given by a campaign or cares for (checked before). */
  householdUnscoped: (db: Executor, id: string) =>
    db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst(),

  personOfHousehold: (db: Executor, householdId: string, personId: string) =>
    db
      .selectFrom('persons')
      .select(['id', 'name', 'status', 'region_code'])
      .where('id', '=', personId)
      .where('household_id', '=', householdId)
      .executeTakeFirst(),
};
