import { type ExpressionBuilder, sql } from 'kysely';
import { DIFFICULTY_TAGS } from '../../../shared/api/pairings.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/tables.js';

/*
 * The parties of a pairing, read from other modules' tables: helpers (accounts, members,
 * organizations), targets (enterprises, communities and villages, households) and which households
 * are in difficulty (a resident on the register carrying a difficulty tag). Kept apart from
 * pairings.repository.ts, which reads and writes the pairings themselves.
 */

/** `households.id` has a resident on the register with a difficulty tag (低保户, 特困). */
export const inDifficulty = (eb: ExpressionBuilder<DB, 'households'>) =>
  eb.exists(
    eb
      .selectFrom('persons')
      .innerJoin('person_tags', (join) =>
        join
          .onRef('person_tags.person_id', '=', 'persons.id')
          .onRef('person_tags.district_code', '=', 'persons.district_code'),
      )
      .innerJoin('tags', 'tags.code', 'person_tags.tag_code')
      .select(sql`1`.as('one'))
      .whereRef('persons.household_id', '=', 'households.id')
      .whereRef('persons.district_code', '=', 'households.district_code')
      .where('persons.status', '=', 'active')
      .where('tags.name', 'in', [...DIFFICULTY_TAGS]),
  );

/**
 * The households of a district with a resident in difficulty, as one uncorrelated query: for a
 * whole district `inDifficulty` per household makes SQLite probe every tagged person for each
 * household, which takes minutes at 200,000 residents.
 */
export const difficultyHouseholdIds = (db: Executor, district: string) =>
  db
    .selectFrom('persons')
    // On district_code too: Citus then joins on each shard instead of repartitioning (which it
    // refuses here, as person_tags has a foreign key to the reference table tags).
    .innerJoin('person_tags', (join) =>
      join
        .onRef('person_tags.district_code', '=', 'persons.district_code')
        .onRef('person_tags.person_id', '=', 'persons.id'),
    )
    .innerJoin('tags', 'tags.code', 'person_tags.tag_code')
    .select('persons.household_id')
    .distinct()
    .where('persons.district_code', '=', district)
    .where('persons.status', '=', 'active')
    .where('persons.household_id', 'is not', null)
    .where('tags.name', 'in', [...DIFFICULTY_TAGS]);

/** `households.id` has an active household pairing. */
const covered = (eb: ExpressionBuilder<DB, 'households'>) =>
  eb.exists(
    eb
      .selectFrom('pairings')
      .select(sql`1`.as('one'))
      .whereRef('pairings.target_id', '=', 'households.id')
      .where('pairings.target_kind', '=', 'household')
      .where('pairings.status', '=', 'active'),
  );

export const pairingPartiesRepository = {
  user: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('users')
      .select(['id', 'display_name as name', 'region_code'])
      .where('id', '=', id)
      .where('status', '=', 'active')
      .where(scope.covers('users.region_code'))
      .executeTakeFirst(),

  member: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('members')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .select(['members.id', 'persons.name', 'members.region_code'])
      .where('members.id', '=', id)
      .where(scope.covers('members.region_code'))
      .executeTakeFirst(),

  organization: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('organizations')
      .select(['id', 'name', 'region_code'])
      .where('id', '=', id)
      .where('status', '=', 'active')
      .where(scope.covers('organizations.region_code'))
      .executeTakeFirst(),

  enterprise: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('enterprises')
      .select(['id', 'name', 'region_code'])
      .where('id', '=', id)
      .where(scope.covers('enterprises.region_code'))
      .executeTakeFirst(),

  household: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('households')
      .leftJoin('persons as head', 'head.id', 'households.head_person_id')
      .select((eb) => [
        'households.id',
        'households.region_code',
        'households.address',
        'head.name as head_name',
        'head.status as head_status',
        inDifficulty(eb).as('in_difficulty'),
      ])
      .where('households.id', '=', id)
      .where(scope.covers('households.region_code'))
      .executeTakeFirst(),

  /** Every household in difficulty in scope, with whether an active pairing covers it. */
  difficultyHouseholds: (db: Executor, scope: Scope) =>
    db
      .selectFrom('households')
      .select((eb) => ['households.region_code', covered(eb).as('covered')])
      .where(scope.covers('households.region_code'))
      .where(inDifficulty)
      .execute(),

  /** Households in difficulty without an active pairing, by place then id (a keyset page). */
  uncovered(db: Executor, scope: Scope, limit: number, after?: { regionCode: string; id: string }) {
    let query = db
      .selectFrom('households')
      .leftJoin('persons as head', 'head.id', 'households.head_person_id')
      .innerJoin('regions', 'regions.code', 'households.region_code')
      .select([
        'households.id',
        'households.region_code',
        'regions.name as place_name',
        'households.address',
        'head.name as head_name',
        'head.status as head_status',
      ])
      .where(scope.covers('households.region_code', { driveIndex: !after }))
      .where(inDifficulty)
      .where((eb) => eb.not(covered(eb)));
    if (after) {
      query = query.where((eb) =>
        eb(eb.refTuple('households.region_code', 'households.id'), '>', eb.tuple(after.regionCode, after.id)),
      );
      const upper = scope.upperBound;
      if (upper) query = query.where('households.region_code', '<', upper);
    }
    return query.orderBy('households.region_code').orderBy('households.id').limit(limit).execute();
  },

  /** The difficulty tags the residents of each household carry. */
  async difficultyTagsOf(db: Executor, householdIds: readonly string[]): Promise<Map<string, string[]>> {
    const tags = new Map<string, string[]>();
    if (householdIds.length === 0) return tags;
    const rows = await db
      .selectFrom('persons')
      .innerJoin('person_tags', 'person_tags.person_id', 'persons.id')
      .innerJoin('tags', 'tags.code', 'person_tags.tag_code')
      .select(['persons.household_id', 'tags.name'])
      .distinct()
      .where('persons.household_id', 'in', householdIds)
      .where('persons.status', '=', 'active')
      .where('tags.name', 'in', [...DIFFICULTY_TAGS])
      .orderBy('tags.name')
      .execute();
    for (const row of rows) {
      if (!row.household_id) continue;
      tags.set(row.household_id, [...(tags.get(row.household_id) ?? []), row.name]);
    }
    return tags;
  },

  /** Active household pairings whose household no longer has a resident with a difficulty tag. */
  pairingsOfUntagged: (db: Executor, limit: number) =>
    db
      .selectFrom('pairings')
      .innerJoin('households', 'households.id', 'pairings.target_id')
      .select(['pairings.id', 'pairings.region_code', 'pairings.target_id'])
      .where('pairings.target_kind', '=', 'household')
      .where('pairings.status', '=', 'active')
      .where((eb) => eb.not(inDifficulty(eb)))
      .orderBy('pairings.id')
      .limit(limit)
      .execute(),
};
