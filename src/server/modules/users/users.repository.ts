import type { Insertable, Updateable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { RoleAssignment, User, UserTable } from '../../db/tables.js';

export interface UserListFilter {
  q?: string;
  status?: 'active' | 'disabled';
  limit: number;
  after?: string;
}

/** Only this file touches the users and role_assignments tables. */
export const usersRepository = {
  findByUsername: (db: Executor, username: string): Promise<User | undefined> =>
    db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst(),

  findInScope: (db: Executor, scope: Scope, id: string): Promise<User | undefined> =>
    db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('users.region_code'))
      .executeTakeFirst(),

  /** Keyset pagination on the time-ordered id. */
  listInScope: (db: Executor, scope: Scope, filter: UserListFilter): Promise<User[]> => {
    let query = db.selectFrom('users').selectAll().where(scope.covers('users.region_code'));
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[%_\\]/g, '')}%`;
      query = query.where((eb) =>
        eb.or([eb('username', 'like', pattern), eb('display_name', 'like', pattern)]),
      );
    }
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.after) query = query.where('id', '>', filter.after);
    return query.orderBy('id').limit(filter.limit).execute();
  },

  insert: async (db: Executor, user: Insertable<UserTable>): Promise<void> => {
    await db.insertInto('users').values(user).execute();
  },

  update: async (db: Executor, id: string, changes: Updateable<UserTable>): Promise<void> => {
    await db.updateTable('users').set(changes).where('id', '=', id).execute();
  },

  countAll: async (db: Executor): Promise<number> => {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  assignmentsOf: (db: Executor, userIds: readonly string[]): Promise<RoleAssignment[]> =>
    userIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('role_assignments')
          .selectAll()
          .where('user_id', 'in', userIds)
          .orderBy('created_at')
          .execute(),

  findAssignment: (db: Executor, userId: string, assignmentId: string): Promise<RoleAssignment | undefined> =>
    db
      .selectFrom('role_assignments')
      .selectAll()
      .where('id', '=', assignmentId)
      .where('user_id', '=', userId)
      .executeTakeFirst(),

  findSameAssignment: (db: Executor, userId: string, role: string, regionCode: string) =>
    db
      .selectFrom('role_assignments')
      .select('id')
      .where('user_id', '=', userId)
      .where('role', '=', role)
      .where('region_code', '=', regionCode)
      .executeTakeFirst(),

  insertAssignment: async (db: Executor, assignment: RoleAssignment): Promise<void> => {
    await db.insertInto('role_assignments').values(assignment).execute();
  },

  deleteAssignment: async (db: Executor, id: string): Promise<void> => {
    await db.deleteFrom('role_assignments').where('id', '=', id).execute();
  },
};
