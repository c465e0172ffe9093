import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';

/*
 * The people around a loan, read from other modules' tables (staff and their roles, households):
 * who hears of a late step, and the grid worker of a borrower's household. Kept apart from
 * loans.repository.ts, which reads and writes the loans themselves.
 */

/** Active staff holding one of `roles` at exactly this region: who a late step is escalated to. */
export async function staffAt(db: Executor, regionCode: string, roles: readonly string[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select('role_assignments.user_id')
    .distinct()
    .where('role_assignments.region_code', '=', regionCode)
    .where('role_assignments.role', 'in', roles as never[])
    .where('users.status', '=', 'active')
    .limit(20)
    .execute();
  return rows.map((row) => row.user_id);
}

/** The household's grid (where its grid worker's role is assigned), if it still exists. */
export const householdGrid = (db: Executor, householdId: string) =>
  db
    .selectFrom('households')
    .select(['id', 'grid_code', 'address'])
    .where('id', '=', householdId)
    .executeTakeFirst();

/** The household and its address in the caller's scope (prefill). */
export const householdInScope = (db: Executor, scope: Scope, householdId: string) =>
  db
    .selectFrom('households')
    .select(['id', 'address', 'grid_code'])
    .where('id', '=', householdId)
    .where(scope.covers('households.region_code'))
    .executeTakeFirst();
