import type { Scope } from '../../auth/scope.js';
import type { Dialect, Executor } from '../../db/database.js';
import { selectOneLocked } from '../../db/lock-row.js';
import type { Member, Organization, Region } from '../../db/tables.js';

/** A member with what the workflows show of them: the person's name and home, the organization's name. */
export type MemberView = Member & {
  name: string;
  person_region_code: string;
  organization_name: string;
};

const memberViewQuery = (db: Executor) =>
  db
    .selectFrom('members')
    .innerJoin('persons', 'persons.id', 'members.person_id')
    .innerJoin('organizations', 'organizations.id', 'members.organization_id')
    .selectAll('members')
    .select([
      'persons.name as name',
      'persons.region_code as person_region_code',
      'organizations.name as organization_name',
    ]);

/**
 * Reads of members, organizations and regions the workflows need. Writes to members happen only
 * through a completed transfer (transfers.repository.ts).
 */
export const workflowLookups = {
  memberInScope: (db: Executor, scope: Scope, id: string): Promise<MemberView | undefined> =>
    memberViewQuery(db)
      .where('members.id', '=', id)
      .where(scope.covers('members.region_code'))
      .executeTakeFirst(),

  /** The member an account belongs to (members.user_id). */
  memberOfUser: (db: Executor, userId: string): Promise<MemberView | undefined> =>
    memberViewQuery(db).where('members.user_id', '=', userId).executeTakeFirst(),

  /**
   * Locks a member row for the rest of the transaction on PostgreSQL; SQLite serializes write
   * transactions anyway. Two concurrent transfers of one member cannot both pass their checks.
   */
  lockMember: async (db: Executor, dialect: Dialect, id: string): Promise<Member | undefined> => {
    const query = db.selectFrom('members').selectAll().where('id', '=', id);
    return selectOneLocked(query, dialect === 'postgres');
  },

  /** Unscoped: a receiving organization may lie in another district of the deployment. */
  organizationUnscoped: (db: Executor, id: string): Promise<Organization | undefined> =>
    db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst(),

  organizationInScope: (db: Executor, scope: Scope, id: string): Promise<Organization | undefined> =>
    db
      .selectFrom('organizations')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('organizations.region_code'))
      .executeTakeFirst(),

  region: (db: Executor, code: string): Promise<Region | undefined> =>
    db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst(),
};
