import type { Insertable, Updateable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type {
  Enterprise,
  EnterpriseTable,
  Member,
  MemberTable,
  Organization,
  OrganizationHistoryTable,
  OrganizationTable,
} from '../../db/tables.js';

/** Only this file touches enterprises, organizations, members and their histories. */
export const organizationsRepository = {
  /** Unscoped: only for an organization reached through a record already authorized. */
  findUnscoped(db: Executor, id: string): Promise<Organization | undefined> {
    return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findInScope(db: Executor, scope: Scope, id: string): Promise<Organization | undefined> {
    return db
      .selectFrom('organizations')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('organizations.region_code'))
      .executeTakeFirst();
  },

  list(
    db: Executor,
    scope: Scope,
    filter: { kind?: string | undefined; parentId?: string | null | undefined; limit: number },
  ) {
    let query = db
      .selectFrom('organizations')
      .selectAll()
      .where(scope.covers('organizations.region_code'))
      .where('status', '=', 'active');
    if (filter.kind) query = query.where('kind', '=', filter.kind as Organization['kind']);
    if (filter.parentId === null) {
      // The roots of the caller's tree: no parent, or a parent the caller cannot see.
      query = query.where((eb) =>
        eb.or([
          eb('parent_id', 'is', null),
          eb.not(
            eb.exists(
              eb
                .selectFrom('organizations as parent')
                .select('parent.id')
                .whereRef('parent.id', '=', 'organizations.parent_id')
                .whereRef('parent.district_code', '=', 'organizations.district_code')
                .where(scope.covers('parent.region_code')),
            ),
          ),
        ]),
      );
    } else if (filter.parentId) query = query.where('parent_id', '=', filter.parentId);
    return query.orderBy('region_code').orderBy('name').limit(filter.limit).execute();
  },

  children(db: Executor, parentId: string): Promise<Organization[]> {
    return db
      .selectFrom('organizations')
      .selectAll()
      .where('parent_id', '=', parentId)
      .where('status', '=', 'active')
      .orderBy('name')
      .execute();
  },

  siblingNamed(db: Executor, parentId: string | null, name: string, exceptId?: string) {
    let query = db.selectFrom('organizations').select('id').where('name', '=', name);
    query =
      parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parentId);
    if (exceptId) query = query.where('id', '!=', exceptId);
    return query.executeTakeFirst();
  },

  async insert(db: Executor, row: Insertable<OrganizationTable>): Promise<void> {
    await db.insertInto('organizations').values(row).execute();
  },

  async update(db: Executor, id: string, changes: Updateable<OrganizationTable>): Promise<void> {
    await db.updateTable('organizations').set(changes).where('id', '=', id).execute();
  },

  /** Rewrites the path of a moved organization's whole subtree. */
  async repath(db: Executor, oldPath: string, newPath: string): Promise<void> {
    const subtree = await db
      .selectFrom('organizations')
      .select(['id', 'path'])
      .where('path', 'like', `${oldPath}%`)
      .execute();
    for (const row of subtree) {
      await db
        .updateTable('organizations')
        .set({ path: newPath + row.path.slice(oldPath.length) })
        .where('id', '=', row.id)
        .execute();
    }
  },

  async moveRegionOfMembers(
    db: Executor,
    organizationId: string,
    regionCode: string,
    at: string,
  ): Promise<void> {
    await db
      .updateTable('members')
      .set({ region_code: regionCode, updated_at: at })
      .where('organization_id', '=', organizationId)
      .execute();
    const open = ['requested', 'sender_approved', 'letter_issued'] as const;
    await db
      .updateTable('transfers')
      .set({ region_code: regionCode, updated_at: at })
      .where('from_organization_id', '=', organizationId)
      .where('status', 'in', open)
      .execute();
    await db
      .updateTable('transfers')
      .set({ to_region_code: regionCode, updated_at: at })
      .where('to_organization_id', '=', organizationId)
      .where('status', 'in', open)
      .execute();
  },

  async addHistory(db: Executor, row: Insertable<OrganizationHistoryTable>): Promise<void> {
    await db.insertInto('organization_history').values(row).execute();
  },

  history(db: Executor, organizationId: string) {
    return db
      .selectFrom('organization_history')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('at', 'desc')
      .execute();
  },

  async memberCounts(db: Executor, organizationIds: readonly string[]): Promise<Map<string, number>> {
    if (organizationIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('members')
      .select((eb) => ['organization_id', eb.fn.countAll<number>().as('n')])
      .where('organization_id', 'in', organizationIds)
      .groupBy('organization_id')
      .execute();
    return new Map(rows.map((r) => [r.organization_id, Number(r.n)]));
  },

  findEnterpriseInScope(db: Executor, scope: Scope, id: string): Promise<Enterprise | undefined> {
    return db
      .selectFrom('enterprises')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('enterprises.region_code'))
      .executeTakeFirst();
  },

  enterpriseByCreditCode(db: Executor, creditCode: string) {
    return db.selectFrom('enterprises').select('id').where('credit_code', '=', creditCode).executeTakeFirst();
  },

  async insertEnterprise(db: Executor, row: Insertable<EnterpriseTable>): Promise<void> {
    await db.insertInto('enterprises').values(row).execute();
  },

  listEnterprises(db: Executor, scope: Scope, limit: number): Promise<Enterprise[]> {
    return db
      .selectFrom('enterprises')
      .selectAll()
      .where(scope.covers('enterprises.region_code'))
      .orderBy('name')
      .limit(limit)
      .execute();
  },

  findMemberInScope(db: Executor, scope: Scope, id: string): Promise<Member | undefined> {
    return db
      .selectFrom('members')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('members.region_code'))
      .executeTakeFirst();
  },

  /** Members in scope whose name (or its pinyin or initials) starts with the text, for pickers. */
  searchMembers(db: Executor, scope: Scope, text: string, limit: number) {
    const prefix = `${text.replace(/[%_\\]/g, '')}%`;
    return db
      .selectFrom('members')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .innerJoin('organizations', 'organizations.id', 'members.organization_id')
      .select(['members.id', 'persons.name', 'organizations.name as organization_name', 'members.status'])
      .where(scope.covers('members.region_code'))
      .where((eb) =>
        eb.or([
          eb('persons.name', 'like', prefix),
          eb('persons.name_initials', 'like', prefix),
          eb('persons.name_pinyin', 'like', prefix),
        ]),
      )
      .orderBy('persons.name')
      .limit(limit)
      .execute();
  },

  memberOfPerson(db: Executor, personId: string): Promise<Member | undefined> {
    return db.selectFrom('members').selectAll().where('person_id', '=', personId).executeTakeFirst();
  },

  memberOfUser(db: Executor, userId: string): Promise<Member | undefined> {
    return db.selectFrom('members').selectAll().where('user_id', '=', userId).executeTakeFirst();
  },

  /** A member's name and where they belong, for naming a leader (no other personal data). */
  memberName(db: Executor, id: string) {
    return db
      .selectFrom('members')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .select(['members.id', 'members.region_code', 'persons.name'])
      .where('members.id', '=', id)
      .executeTakeFirst();
  },

  membersOf(db: Executor, organizationId: string) {
    return db
      .selectFrom('members')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .selectAll('members')
      .select([
        'persons.name as person_name',
        'persons.id_number_enc',
        'persons.phone_enc',
        'persons.status as person_status',
        'persons.region_code as home_region_code',
      ])
      .where('members.organization_id', '=', organizationId)
      .orderBy('persons.name')
      .execute();
  },

  async insertMember(db: Executor, row: Insertable<MemberTable>): Promise<void> {
    await db.insertInto('members').values(row).execute();
  },

  async updateMember(db: Executor, id: string, changes: Updateable<MemberTable>): Promise<void> {
    await db.updateTable('members').set(changes).where('id', '=', id).execute();
  },

  async startMemberHistory(
    db: Executor,
    row: {
      id: string;
      districtCode: string;
      memberId: string;
      organizationId: string;
      at: string;
      reason: 'joined' | 'imported' | 'transferred';
    },
  ): Promise<void> {
    await db
      .insertInto('member_history')
      .values({
        id: row.id,
        district_code: row.districtCode,
        member_id: row.memberId,
        organization_id: row.organizationId,
        from_at: row.at,
        to_at: null,
        reason: row.reason,
      })
      .execute();
  },

  memberHistory(db: Executor, memberId: string) {
    return db
      .selectFrom('member_history')
      .innerJoin('organizations', 'organizations.id', 'member_history.organization_id')
      .select([
        'member_history.from_at',
        'member_history.to_at',
        'member_history.reason',
        'organizations.name as organization_name',
      ])
      .where('member_id', '=', memberId)
      .orderBy('from_at', 'desc')
      .execute();
  },
};
