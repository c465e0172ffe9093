import type { Insertable, Selectable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { CommunityRegistrationTable } from '../../db/tables.js';

export type Registration = Selectable<CommunityRegistrationTable>;
export type RegistrationView = Registration & {
  member_name: string;
  organization_name: string;
  community_name: string;
};

const viewQuery = (db: Executor) =>
  db
    .selectFrom('community_registrations as r')
    .innerJoin('members', 'members.id', 'r.member_id')
    .innerJoin('persons', 'persons.id', 'members.person_id')
    .innerJoin('organizations', 'organizations.id', 'members.organization_id')
    .innerJoin('regions', 'regions.code', 'r.region_code')
    .selectAll('r')
    .select([
      'persons.name as member_name',
      'organizations.name as organization_name',
      'regions.name as community_name',
    ]);

/** Only this file touches community_registrations. */
export const registrationsRepository = {
  ofMember: (db: Executor, memberId: string): Promise<Registration | undefined> =>
    db.selectFrom('community_registrations').selectAll().where('member_id', '=', memberId).executeTakeFirst(),

  /** Unscoped: the member's own registration, or one read back after a scoped check or a write. */
  viewUnscoped: (db: Executor, id: string): Promise<RegistrationView | undefined> =>
    viewQuery(db).where('r.id', '=', id).executeTakeFirst(),

  /** Scope over the community the member registered at. */
  viewInScope: (db: Executor, scope: Scope, id: string): Promise<RegistrationView | undefined> =>
    viewQuery(db).where('r.id', '=', id).where(scope.covers('r.region_code')).executeTakeFirst(),

  list: (
    db: Executor,
    scope: Scope,
    filter: { status?: Registration['status'] | undefined; limit: number },
  ): Promise<RegistrationView[]> => {
    let query = viewQuery(db).where(scope.covers('r.region_code'));
    if (filter.status) query = query.where('r.status', '=', filter.status);
    return query.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(filter.limit).execute();
  },

  insert: async (db: Executor, row: Insertable<CommunityRegistrationTable>): Promise<void> => {
    await db.insertInto('community_registrations').values(row).execute();
  },

  /** A rejected registration is submitted again: it becomes pending with the new choices. */
  resubmit: async (
    db: Executor,
    id: string,
    row: Pick<Registration, 'district_code' | 'region_code' | 'service_areas' | 'commitment' | 'updated_at'>,
  ): Promise<number> => {
    const result = await db
      .updateTable('community_registrations')
      .set({ ...row, status: 'pending', decided_by: null, decided_at: null })
      .where('id', '=', id)
      .where('status', '=', 'rejected')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  /** Decides a pending registration; 0 when someone else decided it first. */
  decide: async (
    db: Executor,
    id: string,
    decision: { status: 'confirmed' | 'rejected'; decidedBy: string | null; at: string },
  ): Promise<number> => {
    const result = await db
      .updateTable('community_registrations')
      .set({
        status: decision.status,
        decided_by: decision.decidedBy,
        decided_at: decision.at,
        updated_at: decision.at,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  /** Communities and villages inside the scope, for the summary. */
  communities: (db: Executor, scope: Scope): Promise<{ code: string; name: string }[]> =>
    db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('kind', 'in', ['community', 'village'])
      .where(scope.covers('regions.code'))
      .orderBy('code')
      .execute(),

  countsByCommunity: async (
    db: Executor,
    scope: Scope,
  ): Promise<{ region_code: string; status: Registration['status']; n: number }[]> => {
    const rows = await db
      .selectFrom('community_registrations')
      .select(['region_code', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where(scope.covers('community_registrations.region_code'))
      .groupBy(['region_code', 'status'])
      .execute();
    return rows.map((row) => ({ ...row, n: Number(row.n) }));
  },

  /**
   * In-service members living inside the scope (by their person's region) without a pending or
   * confirmed registration anywhere.
   */
  unregisteredResidents: (
    db: Executor,
    scope: Scope,
  ): Promise<{ member_id: string; name: string; region_code: string; organization_name: string }[]> =>
    db
      .selectFrom('members')
      .innerJoin('persons', (join) =>
        join
          .onRef('persons.id', '=', 'members.person_id')
          .onRef('persons.district_code', '=', 'members.district_code'),
      )
      .innerJoin('organizations', 'organizations.id', 'members.organization_id')
      .select([
        'members.id as member_id',
        'persons.name as name',
        'persons.region_code as region_code',
        'organizations.name as organization_name',
      ])
      .where('members.status', '=', 'in_service')
      .where('persons.status', '=', 'active')
      .where(scope.covers('persons.region_code'))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('community_registrations as r')
              .select('r.id')
              .whereRef('r.member_id', '=', 'members.id')
              .whereRef('r.district_code', '=', 'members.district_code')
              .where('r.status', 'in', ['pending', 'confirmed']),
          ),
        ),
      )
      .orderBy('persons.region_code')
      .orderBy('persons.name_pinyin')
      .execute(),
};
