import type { Executor } from '../../db/database.js';

/**
 * What the demo's ledgers are built from: a district's base organizations (one party organization per
 * community or village, the first made there), whether their place is a village, and members of
 * each. Read only; the demo then writes through the ledger's own services.
 */
export const demoSourcesRepository = {
  baseOrganizations: (db: Executor, district: string) =>
    db
      .selectFrom('organizations')
      .innerJoin('regions', 'regions.code', 'organizations.region_code')
      .select([
        'organizations.id',
        'organizations.name',
        'organizations.region_code',
        'organizations.leader_member_id',
        'regions.kind as region_kind',
      ])
      .where('organizations.district_code', '=', district)
      .where('organizations.kind', 'in', ['committee', 'general_branch', 'branch'])
      .where('regions.kind', 'in', ['community', 'village'])
      .where('organizations.status', '=', 'active')
      .orderBy('organizations.region_code')
      .orderBy('organizations.created_at')
      .orderBy('organizations.id')
      .execute(),

  /** Members belonging to organizations of a community or village (by the members' region). */
  membersIn: (db: Executor, regionCode: string, limit: number) =>
    db
      .selectFrom('members')
      .select('id')
      .where('region_code', 'like', `${regionCode}%`)
      .orderBy('id')
      .limit(limit)
      .execute(),

  userId: async (db: Executor, username: string): Promise<string | null> =>
    (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst())?.id ??
    null,
};
