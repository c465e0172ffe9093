import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';

/**
 * What a relocation case is about, read from other modules' tables: households of the register,
 * and enterprises (regions through the regions module). Kept apart from the cases' own repository.
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
};
