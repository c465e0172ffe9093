import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import { difficultyHouseholdIds } from './pairing-parties.repository.js';
import type { PairingContactTable, PairingTable } from './pairings.tables.js';

const inChunks = async <T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
};

/**
 * The demo's reads and bulk writes for pairings (no audit, no counters: the demo recounts
 * everything after): the parties to pair, difficulty tags for households that need one.
 */
export const demoPairingsRepository = {
  /** Households of the district with their head. */
  households: (db: Executor, district: string) =>
    db
      .selectFrom('households')
      .leftJoin('persons as head', 'head.id', 'households.head_person_id')
      .select([
        'households.id',
        'households.region_code',
        'households.address',
        'households.head_person_id',
        'head.name as head_name',
      ])
      .where('households.district_code', '=', district)
      .where('households.head_person_id', 'is not', null)
      .orderBy('households.id')
      .execute(),

  /** The ids of the district's households in difficulty (a resident tagged 低保户 or 特困). */
  inDifficulty: async (db: Executor, district: string): Promise<Set<string>> =>
    new Set((await difficultyHouseholdIds(db, district).execute()).map((r) => r.household_id!)),

  tagCode: async (db: Executor, name: string): Promise<string | undefined> =>
    (await db.selectFrom('tags').select('code').where('name', '=', name).executeTakeFirst())?.code,

  /** In-service members of the district (在职党员), with their names. */
  members: (db: Executor, district: string, limit: number) =>
    db
      .selectFrom('members')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .select(['members.id', 'persons.name', 'members.region_code'])
      .where('members.district_code', '=', district)
      .where('members.status', '=', 'in_service')
      .orderBy('members.id')
      .limit(limit)
      .execute(),

  /** The district's party organizations above the groups: committees and branches. */
  organizations: (db: Executor, district: string) =>
    db
      .selectFrom('organizations')
      .select(['id', 'name', 'region_code'])
      .where('district_code', '=', district)
      .where('status', '=', 'active')
      .where('kind', 'in', ['committee', 'general_branch', 'branch'])
      .orderBy('region_code')
      .orderBy('id')
      .execute(),

  enterprises: (db: Executor, district: string) =>
    db
      .selectFrom('enterprises')
      .select(['id', 'name', 'region_code'])
      .where('district_code', '=', district)
      .orderBy('id')
      .execute(),

  communities: (db: Executor, district: string) =>
    db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('code', 'like', `${district}%`)
      .where('kind', 'in', ['community', 'village'])
      .orderBy('code')
      .execute(),

  insert: async (
    db: Executor,
    rows: {
      tags: { person_id: string; tag_code: string; district_code: string }[];
      pairings: Insertable<PairingTable>[];
      contacts: Insertable<PairingContactTable>[];
    },
  ): Promise<void> => {
    await inChunks(rows.tags, (chunk) => db.insertInto('person_tags').values(chunk).execute());
    await inChunks(rows.pairings, (chunk) => db.insertInto('pairings').values(chunk).execute());
    await inChunks(rows.contacts, (chunk) => db.insertInto('pairing_contacts').values(chunk).execute());
  },
};
