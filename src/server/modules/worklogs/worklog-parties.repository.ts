import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';

/** Organizations that keep no work log of their own (not party organizations). */
const NOT_LOGGING = ['warm_group', 'volunteer_team'] as const;

/*
 * What work logs and contact points read of other modules' tables: the organization (and its
 * secretary's name), the records a log may link to (work orders, visits, volunteer activities),
 * and a leader's account. Kept apart from the repositories of this module's own tables.
 */
export const worklogPartiesRepository = {
  organizationInScope: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('organizations')
      .select(['id', 'name', 'kind', 'region_code', 'district_code', 'status'])
      .where('id', '=', id)
      .where(scope.covers('organizations.region_code'))
      .executeTakeFirst(),

  /** A linked record exists and lies inside the scope (else the link is refused as unknown). */
  linkInScope: async (
    db: Executor,
    scope: Scope,
    table: 'work_orders' | 'visits' | 'volunteer_activities',
    id: string,
  ): Promise<boolean> => {
    const row = await db
      .selectFrom(table)
      .select('id')
      .where('id', '=', id)
      .where(scope.covers(`${table}.region_code`))
      .executeTakeFirst();
    return row !== undefined;
  },

  /**
   * Unscoped: a leader named for a contact point. Leaders sit above the organizations they are
   * assigned to by design (a district's leader at a community), so the service checks only that
   * the account is active and of the organization's district.
   */
  userUnscoped: (db: Executor, id: string) =>
    db
      .selectFrom('users')
      .select(['id', 'display_name', 'district_code', 'status'])
      .where('id', '=', id)
      .executeTakeFirst(),

  /** Active party organizations in scope, by place, with their secretary's name (the monthly count). */
  loggingOrganizations: (db: Executor, scope: Scope, limit: number) =>
    db
      .selectFrom('organizations')
      .leftJoin('members', 'members.id', 'organizations.leader_member_id')
      .leftJoin('persons', (join) =>
        join
          .onRef('persons.id', '=', 'members.person_id')
          .onRef('persons.district_code', '=', 'members.district_code'),
      )
      .select([
        'organizations.id',
        'organizations.name',
        'organizations.kind',
        'organizations.region_code',
        'persons.name as secretary_name',
      ])
      .where(scope.covers('organizations.region_code'))
      .where('organizations.status', '=', 'active')
      .where('organizations.kind', 'not in', [...NOT_LOGGING])
      .orderBy('organizations.region_code')
      .orderBy('organizations.name')
      .orderBy('organizations.id')
      .limit(limit)
      .execute(),
};

export const NOT_LOGGING_KINDS: readonly string[] = NOT_LOGGING;
