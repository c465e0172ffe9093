import type { Executor } from '../../db/database.js';
import type { RoleAssignment, User } from '../../db/tables.js';

/** A session as authentication needs it: its user (if the account still exists) and their roles. */
export interface SessionWithUser {
  createdAt: string;
  lastSeenAt: string;
  user: User | undefined;
  /** Oldest first. */
  assignments: RoleAssignment[];
}

/** Only this file touches the sessions and login_throttle tables. */
export const sessionsRepository = {
  insert: async (db: Executor, id: string, userId: string, at: string): Promise<void> => {
    await db
      .insertInto('sessions')
      .values({ id, user_id: userId, created_at: at, last_seen_at: at })
      .execute();
  },
  find: (db: Executor, id: string) =>
    db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst(),
  /**
   * The session, its user and the user's role assignments in one statement (one row per
   * assignment): authentication runs on every request, and each statement costs more than the
   * look-up it makes.
   */
  findWithUser: async (db: Executor, id: string): Promise<SessionWithUser | undefined> => {
    const rows = await db
      .selectFrom('sessions')
      .leftJoin('users', 'users.id', 'sessions.user_id')
      .leftJoin('role_assignments', 'role_assignments.user_id', 'users.id')
      .selectAll('users')
      .select([
        'sessions.created_at as session_created_at',
        'sessions.last_seen_at as session_last_seen_at',
        'role_assignments.id as assignment_id',
        'role_assignments.user_id as assignment_user_id',
        'role_assignments.role as assignment_role',
        'role_assignments.region_code as assignment_region_code',
        'role_assignments.district_code as assignment_district_code',
        'role_assignments.created_at as assignment_created_at',
      ])
      .where('sessions.id', '=', id)
      .orderBy('role_assignments.created_at')
      .orderBy('role_assignments.id')
      .execute();
    const first = rows[0];
    if (!first) return undefined;
    const user: User | undefined =
      first.id === null
        ? undefined
        : {
            id: first.id,
            username: first.username!,
            password_hash: first.password_hash!,
            display_name: first.display_name!,
            status: first.status!,
            region_code: first.region_code!,
            district_code: first.district_code!,
            password_changed_at: first.password_changed_at!,
            password_change_required: first.password_change_required === 1 ? 1 : 0,
            created_at: first.created_at!,
            updated_at: first.updated_at!,
          };
    const assignments: RoleAssignment[] = [];
    for (const row of rows) {
      if (row.assignment_id === null) continue;
      assignments.push({
        id: row.assignment_id,
        user_id: row.assignment_user_id!,
        role: row.assignment_role!,
        region_code: row.assignment_region_code!,
        district_code: row.assignment_district_code!,
        created_at: row.assignment_created_at!,
      });
    }
    return {
      createdAt: first.session_created_at,
      lastSeenAt: first.session_last_seen_at,
      user,
      assignments,
    };
  },
  touch: async (db: Executor, id: string, at: string): Promise<void> => {
    await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
  },
  delete: async (db: Executor, id: string): Promise<void> => {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  },
  deleteAllOfUser: async (db: Executor, userId: string): Promise<number> => {
    const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
  countOfUser: async (db: Executor, userId: string): Promise<number> => {
    const row = await db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  throttleOf: (db: Executor, username: string) =>
    db.selectFrom('login_throttle').selectAll().where('username', '=', username).executeTakeFirst(),
  /**
   * Counts one login attempt for the account before its password is checked, in one statement so
   * that concurrent attempts (in this process or another) cannot all read the same count: the
   * attempt that brings the count to `max` also sets the lock, and an attempt while the account is
   * locked changes nothing and gets `undefined`. A lock that has run out starts a fresh count.
   * Returns the attempt's number in the current count. The count stays at `max` while the attempt
   * that set the lock is being checked, and passes it once that attempt failed (`confirmLock`).
   */
  reserveAttempt: async (
    db: Executor,
    username: string,
    at: string,
    max: number,
    lockUntil: string,
  ): Promise<number | undefined> => {
    const row = await db
      .insertInto('login_throttle')
      .values({ username, failed_count: 1, locked_until: max <= 1 ? lockUntil : null, updated_at: at })
      .onConflict((oc) =>
        oc
          .column('username')
          .doUpdateSet((eb) => {
            const count = eb.ref('login_throttle.failed_count');
            const lockedUntil = eb.ref('login_throttle.locked_until');
            // The update runs only when no lock holds (below): a lock still set has run out.
            return {
              failed_count: eb
                .case()
                .when(lockedUntil, 'is not', null)
                .then(1)
                .else(eb(count, '+', 1))
                .end(),
              // The column itself, not a bare NULL, in the other branches: PostgreSQL then types the
              // parameter as the column's timestamp.
              locked_until: eb
                .case()
                .when(eb.and([eb(lockedUntil, 'is', null), eb(eb(count, '+', 1), '>=', max)]))
                .then(lockUntil)
                .when(lockedUntil, 'is', null)
                .then(lockedUntil)
                .else(null)
                .end(),
              updated_at: at,
            };
          })
          .where((eb) =>
            eb.or([
              eb('login_throttle.locked_until', 'is', null),
              eb('login_throttle.locked_until', '<=', at),
            ]),
          ),
      )
      .returning('failed_count')
      .executeTakeFirst();
    return row?.failed_count;
  },
  /** The attempt that set the lock has failed: the lock stands for its whole time. */
  confirmLock: async (db: Executor, username: string, max: number): Promise<void> => {
    await db
      .updateTable('login_throttle')
      .set({ failed_count: max + 1 })
      .where('username', '=', username)
      .where('failed_count', '=', max)
      .where('locked_until', 'is not', null)
      .execute();
  },
  clearThrottle: async (db: Executor, username: string): Promise<void> => {
    await db.deleteFrom('login_throttle').where('username', '=', username).execute();
  },
  /**
   * Sessions past their idle timeout or absolute lifetime: authentication already refuses them,
   * this only stops the table from growing with every login.
   */
  deleteExpired: async (db: Executor, idleBefore: string, createdBefore: string): Promise<number> => {
    const result = await db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('created_at', '<', createdBefore)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
  /**
   * Failure counts not added to since `before` and under no lock in force: an attacker's made-up
   * usernames would otherwise stay forever, and an old near-miss should not count toward today's lock.
   */
  deleteStaleThrottles: async (db: Executor, before: string, now: string): Promise<number> => {
    const result = await db
      .deleteFrom('login_throttle')
      .where('updated_at', '<', before)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
