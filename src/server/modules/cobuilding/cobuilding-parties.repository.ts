import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';

/**
 * What the co-building records link to, read from other modules' tables in the caller's scope (as
 * if absent outside it): regions, enterprises, organizations, members and volunteering activities.
 */
export const cobuildingPartiesRepository = {
  region: (db: Executor, scope: Scope, code: string) =>
    db
      .selectFrom('regions')
      .select(['code', 'name', 'kind'])
      .where('code', '=', code)
      .where(scope.covers('regions.code'))
      .executeTakeFirst(),

  enterprise: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('enterprises')
      .select(['id', 'name', 'region_code', 'district_code'])
      .where('id', '=', id)
      .where(scope.covers('enterprises.region_code'))
      .executeTakeFirst(),

  organization: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('organizations')
      .select(['id', 'name', 'kind', 'region_code', 'district_code', 'status'])
      .where('id', '=', id)
      .where(scope.covers('organizations.region_code'))
      .executeTakeFirst(),

  member: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('members')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .select([
        'members.id',
        'members.organization_id',
        'members.region_code',
        'members.district_code',
        'members.status',
        'persons.name',
      ])
      .where('members.id', '=', id)
      .where(scope.covers('members.region_code'))
      .executeTakeFirst(),

  volunteerActivity: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('volunteer_activities')
      .select(['id', 'district_code', 'area'])
      .where('id', '=', id)
      .where(scope.covers('volunteer_activities.region_code'))
      .executeTakeFirst(),

  regionNames: async (db: Executor, codes: readonly string[]): Promise<Map<string, string>> => {
    if (codes.length === 0) return new Map();
    const rows = await db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('code', 'in', [...new Set(codes)])
      .execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  },
};
