import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';

/**
 * What a relocation case is about, read from other modules' tables: households of the register,
 * enterprises, and the region tree. Kept apart from the cases' own repository.
 */
export const relocationPartiesRepository = {
  household: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('households')
      .leftJoin('persons as head', 'head.id', 'households.head_person_id')
      .select([
        'households.id',
        'households.region_code',
        'households.address',
        'head.name as head_name',
        'head.status as head_status',
      ])
      .where('households.id', '=', id)
      .where(scope.covers('households.region_code'))
      .executeTakeFirst(),

  enterprise: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('enterprises')
      .select(['id', 'name', 'region_code'])
      .where('id', '=', id)
      .where(scope.covers('enterprises.region_code'))
      .executeTakeFirst(),

  region: (db: Executor, scope: Scope, code: string) =>
    db
      .selectFrom('regions')
      .select(['code', 'name', 'kind'])
      .where('code', '=', code)
      .where(scope.covers('regions.code'))
      .executeTakeFirst(),

  /** Unscoped: names a region after the caller's filter on it was checked (`Scope.filteredTo`). */
  regionNamed: (db: Executor, code: string) =>
    db.selectFrom('regions').select(['code', 'name', 'kind']).where('code', '=', code).executeTakeFirst(),

  children: (db: Executor, code: string) =>
    db
      .selectFrom('regions')
      .select(['code', 'name', 'kind'])
      .where('parent_code', '=', code)
      .orderBy('code')
      .execute(),
};
