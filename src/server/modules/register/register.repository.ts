import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { Household, Person } from '../../db/tables.js';

export interface PersonFilter {
  /** Exactly one way of matching the search text, decided by the service. */
  match?:
    | { kind: 'id_bidx'; value: string }
    | { kind: 'phone_bidx'; value: string; last4: string }
    | { kind: 'phone_last4_bidx'; value: string }
    | { kind: 'pinyin'; value: string }
    | { kind: 'text'; value: string };
  tagCode?: string | undefined;
  gender?: 'male' | 'female' | undefined;
  bornOnOrAfter?: string | undefined;
  bornOnOrBefore?: string | undefined;
  includeInactive?: boolean;
  /** Keyset: strictly after this (region_code, id). */
  after?: { regionCode: string; id: string } | undefined;
  limit: number;
}

const escapeLike = (value: string) => value.replace(/[%_\\]/g, '');

/** Only this file touches persons, households, tags, health records and moves for reading. */
export const registerRepository = {
  /** A page of persons in scope, ordered by (region_code, id): page 1,000 costs what page 1 does. */
  listPersons(db: Executor, scope: Scope, filter: PersonFilter): Promise<Person[]> {
    let query = db
      .selectFrom('persons')
      .selectAll()
      .where(scope.covers('persons.region_code', { driveIndex: !filter.after }));
    if (!filter.includeInactive) query = query.where('status', '=', 'active');
    if (filter.gender) query = query.where('gender', '=', filter.gender);
    if (filter.bornOnOrAfter) query = query.where('birth_date', '>=', filter.bornOnOrAfter);
    if (filter.bornOnOrBefore) query = query.where('birth_date', '<=', filter.bornOnOrBefore);
    if (filter.tagCode) {
      const tag = filter.tagCode;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('person_tags')
            .select('person_id')
            .whereRef('person_tags.person_id', '=', 'persons.id')
            // The same district as well: on Citus the tags sit on the person's shard.
            .whereRef('person_tags.district_code', '=', 'persons.district_code')
            .where('tag_code', '=', tag),
        ),
      );
    }
    const match = filter.match;
    if (match) {
      if (match.kind === 'id_bidx') query = query.where('id_number_bidx', '=', match.value);
      else if (match.kind === 'phone_bidx') {
        query = query.where('phone_last4_bidx', '=', match.last4).where('phone_bidx', '=', match.value);
      } else if (match.kind === 'phone_last4_bidx') query = query.where('phone_last4_bidx', '=', match.value);
      else if (match.kind === 'pinyin') {
        const prefix = `${escapeLike(match.value)}%`;
        query = query.where((eb) =>
          eb.or([eb('name_initials', 'like', prefix), eb('name_pinyin', 'like', prefix)]),
        );
      } else {
        const contains = `%${escapeLike(match.value)}%`;
        query = query.where((eb) =>
          eb.or([
            eb('name', 'like', contains),
            eb('registered_address', 'like', contains),
            eb('current_address', 'like', contains),
          ]),
        );
      }
    }
    if (filter.after) {
      const after = filter.after;
      query = query.where((eb) =>
        eb(eb.refTuple('region_code', 'id'), '>', eb.tuple(after.regionCode, after.id)),
      );
    }
    return query.orderBy('region_code').orderBy('id').limit(filter.limit).execute();
  },

  findPerson(db: Executor, scope: Scope, id: string): Promise<Person | undefined> {
    return db
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('persons.region_code'))
      .executeTakeFirst();
  },

  async tagNamesOf(db: Executor, personIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (personIds.length === 0) return result;
    const rows = await db
      .selectFrom('person_tags')
      .innerJoin('tags', 'tags.code', 'person_tags.tag_code')
      .select(['person_tags.person_id', 'tags.name'])
      .where('person_tags.person_id', 'in', personIds)
      .orderBy('tags.sort')
      .execute();
    for (const row of rows) result.set(row.person_id, [...(result.get(row.person_id) ?? []), row.name]);
    return result;
  },

  tags(db: Executor) {
    return db.selectFrom('tags').selectAll().orderBy('sort').execute();
  },

  findHousehold(db: Executor, scope: Scope, id: string): Promise<Household | undefined> {
    return db
      .selectFrom('households')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('households.region_code'))
      .executeTakeFirst();
  },

  membersOf(db: Executor, householdIds: readonly string[]): Promise<Person[]> {
    if (householdIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('persons')
      .selectAll()
      .where('household_id', 'in', householdIds)
      .where('status', '!=', 'anonymized')
      .orderBy('created_at')
      .execute();
  },

  /** Households of one building (or grid), for the neighbour map. */
  householdsAt(db: Executor, regionCode: string): Promise<Household[]> {
    return db
      .selectFrom('households')
      .selectAll()
      .where('region_code', '=', regionCode)
      .orderBy('unit')
      .orderBy('floor')
      .orderBy('room')
      .execute();
  },

  /** Household and person counts per building of a grid. */
  async countsByBuilding(db: Executor, gridCode: string) {
    return db
      .selectFrom('households')
      .leftJoin('persons', (join) =>
        join
          .onRef('persons.household_id', '=', 'households.id')
          // Joined within the district too: Citus then joins on each shard (docs/architecture.md).
          .onRef('persons.district_code', '=', 'households.district_code')
          .on('persons.status', '=', 'active'),
      )
      .select((eb) => [
        'households.region_code',
        eb.fn.count<number>('households.id').distinct().as('households'),
        eb.fn.count<number>('persons.id').as('persons'),
      ])
      .where('households.grid_code', '=', gridCode)
      .groupBy('households.region_code')
      .execute();
  },

  /** Unscoped look-up by blind index: the caller decides what an out-of-scope match means. */
  findPersonByIdIndex(db: Executor, idNumberBidx: string) {
    return db
      .selectFrom('persons')
      .select(['id', 'region_code', 'status'])
      .where('id_number_bidx', '=', idNumberBidx)
      .executeTakeFirst();
  },

  personsByIds(db: Executor, ids: readonly string[]): Promise<Person[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('persons').selectAll().where('id', 'in', ids).execute();
  },

  householdsByIds(db: Executor, ids: readonly string[]): Promise<Household[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('households').selectAll().where('id', 'in', ids).execute();
  },

  /** Which of these persons have a health record (without reading it). */
  async withHealthRecord(db: Executor, personIds: readonly string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('health_records')
      .select('person_id')
      .where('person_id', 'in', personIds)
      .execute();
    return new Set(rows.map((r) => r.person_id));
  },

  healthRecordOf(db: Executor, personId: string) {
    return db.selectFrom('health_records').selectAll().where('person_id', '=', personId).executeTakeFirst();
  },

  movesOf(db: Executor, subjectId: string) {
    return db
      .selectFrom('residence_moves')
      .selectAll()
      .where('subject_id', '=', subjectId)
      .orderBy('at', 'desc')
      .execute();
  },
};
