import { type ExpressionBuilder, sql } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/tables.js';
import type { BulletinTargetTable } from './bulletins.tables.js';

type Target = Pick<
  BulletinTargetTable,
  'target_kind' | 'organization_id' | 'region_code' | 'include_descendants'
>;

/** The caller's member record with what targeting needs: the organization's path and region. */
export type MemberSelf = {
  id: string;
  district_code: string;
  region_code: string;
  organization_id: string;
  organization_path: string;
};

/**
 * Who a post or course reaches, read from the organizations module's tables (organizations,
 * members, persons, regions): the targets' names and places, a member's own record, and the
 * members a set of targets covers. Only this file reads those tables for bulletins.
 */
export const audienceRepository = {
  /** The member linked to an account, with their organization's path. */
  memberOfUser: (db: Executor, userId: string): Promise<MemberSelf | undefined> =>
    db
      .selectFrom('members')
      .innerJoin('organizations', 'organizations.id', 'members.organization_id')
      .select([
        'members.id',
        'members.district_code',
        'members.region_code',
        'members.organization_id',
        'organizations.path as organization_path',
      ])
      .where('members.user_id', '=', userId)
      .executeTakeFirst(),

  organizationInScope: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('organizations')
      .select(['id', 'name', 'region_code', 'district_code', 'status'])
      .where('id', '=', id)
      .where(scope.covers('organizations.region_code'))
      .executeTakeFirst(),

  regionInScope: (db: Executor, scope: Scope, code: string) =>
    db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('code', '=', code)
      .where(scope.covers('regions.code'))
      .executeTakeFirst(),

  /** Names of targets already stored (organizations by id, regions by code). */
  names: async (db: Executor, organizationIds: readonly string[], regionCodes: readonly string[]) => {
    const names = new Map<string, string>();
    if (organizationIds.length > 0)
      for (const row of await db
        .selectFrom('organizations')
        .select(['id', 'name'])
        .where('id', 'in', [...organizationIds])
        .execute())
        names.set(row.id, row.name);
    if (regionCodes.length > 0)
      for (const row of await db
        .selectFrom('regions')
        .select(['code', 'name'])
        .where('code', 'in', [...regionCodes])
        .execute())
        names.set(row.code, row.name);
    return names;
  },

  /** How many members the targets reach inside `scope`. */
  count: async (db: Executor, scope: Scope, targets: readonly Target[]): Promise<number> => {
    if (targets.length === 0) return 0;
    const row = await db
      .selectFrom('members')
      .innerJoin('organizations', 'organizations.id', 'members.organization_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => reaches(eb, targets))
      .where(scope.covers('members.region_code'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** The members the targets reach inside `scope` who have no receipt of the post, by name. */
  unread: async (db: Executor, scope: Scope, postId: string, targets: readonly Target[]) => {
    if (targets.length === 0) return [];
    return db
      .selectFrom('members')
      .innerJoin('organizations', 'organizations.id', 'members.organization_id')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .select(['members.id', 'persons.name', 'organizations.name as organization_name'])
      .where((eb) => reaches(eb, targets))
      .where(scope.covers('members.region_code'))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('bulletin_receipts')
              .select('bulletin_receipts.member_id')
              .whereRef('bulletin_receipts.member_id', '=', 'members.id')
              .whereRef('bulletin_receipts.district_code', '=', 'members.district_code')
              .where('bulletin_receipts.post_id', '=', postId),
          ),
        ),
      )
      .orderBy('persons.name')
      .orderBy('members.id')
      .limit(1_000)
      .execute();
  },
};

/** A condition on `members` joined with `organizations`: the member is reached by one of the targets. */
function reaches(eb: ExpressionBuilder<DB, 'members' | 'organizations'>, targets: readonly Target[]) {
  return eb.or(
    targets.map((t) => {
      if (t.target_kind === 'region') return eb('members.region_code', 'like', `${t.region_code ?? '-'}%`);
      const id = t.organization_id ?? '';
      return t.include_descendants === 1
        ? eb('organizations.path', 'like', `%/${id}/%`)
        : eb('members.organization_id', '=', id);
    }),
  );
}

/**
 * A condition on a subject (post or course) id column: one of its targets reaches the member —
 * their own organization, an ancestor's target that includes descendants, or a region on the path
 * of their organization's region.
 */
export function reachesMember(
  subjectColumn: 'bulletin_posts.id' | 'study_courses.id',
  member: MemberSelf,
  regionPath: readonly string[],
) {
  const ancestors = member.organization_path.split('/').filter((id) => id !== '');
  return sql<boolean>`exists (select 1 from bulletin_targets t where t.subject_id = ${sql.ref(subjectColumn)} and (
    (t.target_kind = 'organization' and t.organization_id = ${member.organization_id})
    or (t.target_kind = 'organization' and t.include_descendants = 1 and t.organization_id in (${sql.join(
      ancestors.length > 0 ? ancestors : ['-'],
    )}))
    or (t.target_kind = 'region' and t.region_code in (${sql.join(regionPath.length > 0 ? regionPath : ['-'])}))))`;
}
