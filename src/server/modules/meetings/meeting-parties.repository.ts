import type { OrganizationKind } from '../../../shared/organization-rules.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';

/*
 * What meetings read of the organizations module's tables: the organization, its parent, its
 * members with their names, its secretary (leader) and the district's organizations for the
 * compliance sweep. Kept apart from meetings.repository.ts, which reads and writes the meetings.
 */
export const meetingPartiesRepository = {
  organizationInScope: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('organizations')
      .select([
        'id',
        'name',
        'kind',
        'region_code',
        'district_code',
        'parent_id',
        'leader_member_id',
        'status',
      ])
      .where('id', '=', id)
      .where(scope.covers('organizations.region_code'))
      .executeTakeFirst(),

  /**
   * Unscoped: the parent of an organization already found in scope, whose region decides who
   * reviews (the level above lies outside the secretary's own scope by design).
   */
  parentUnscoped: (db: Executor, id: string) =>
    db.selectFrom('organizations').select(['id', 'region_code']).where('id', '=', id).executeTakeFirst(),

  /** The organization's members with their names, by name. */
  membersOf: (db: Executor, organizationId: string) =>
    db
      .selectFrom('members')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .select(['members.id', 'members.user_id', 'persons.name'])
      .where('members.organization_id', '=', organizationId)
      .orderBy('persons.name')
      .orderBy('members.id')
      .execute(),

  /** A member's name and account, for a secretary or a decision's owner (no other personal data). */
  memberUnscoped: (db: Executor, id: string) =>
    db
      .selectFrom('members')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .select(['members.id', 'members.organization_id', 'members.user_id', 'persons.name'])
      .where('members.id', '=', id)
      .executeTakeFirst(),

  /**
   * Active organizations of the kinds a rule applies to, in scope (compliance), by place; `id`
   * narrows to one.
   */
  organizationsInScope: (
    db: Executor,
    scope: Scope,
    kinds: readonly OrganizationKind[],
    limit: number,
    id?: string,
  ) => {
    let query = db
      .selectFrom('organizations')
      .select(['id', 'name', 'kind', 'region_code', 'district_code', 'leader_member_id', 'created_at'])
      .where(scope.covers('organizations.region_code'))
      .where('status', '=', 'active')
      .where('kind', 'in', [...kinds]);
    if (id) query = query.where('id', '=', id);
    return query.orderBy('region_code').orderBy('name').orderBy('id').limit(limit).execute();
  },

  /** A district's active organizations of the kinds a rule applies to (the cockpit's count). */
  organizationsOfDistrict: (db: Executor, district: string, kinds: readonly OrganizationKind[]) =>
    db
      .selectFrom('organizations')
      .select(['id', 'name', 'kind', 'region_code', 'district_code', 'leader_member_id', 'created_at'])
      .where('district_code', '=', district)
      .where('status', '=', 'active')
      .where('kind', 'in', [...kinds])
      .orderBy('id')
      .execute(),

  /** The districts that have an organization at all: the sweep's outer loop. */
  districts: (db: Executor) =>
    db.selectFrom('organizations').select('district_code').distinct().orderBy('district_code').execute(),
};
