import type { ExpressionBuilder } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/tables.js';

/** An active corridor branch is anchored to the building in the outer query's `regions.code`. */
const hasCorridorBranch = (eb: ExpressionBuilder<DB, 'regions'>) =>
  eb.exists(
    eb
      .selectFrom('organizations')
      .select('organizations.id')
      .whereRef('organizations.anchor_region_code', '=', 'regions.code')
      .where('organizations.kind', '=', 'corridor_branch')
      .where('organizations.status', '=', 'active'),
  );

/** An active organization is anchored to the enterprise in the outer query. */
const hasOrganization = (eb: ExpressionBuilder<DB, 'enterprises'>) =>
  eb.exists(
    eb
      .selectFrom('organizations')
      .select('organizations.id')
      .whereRef('organizations.anchor_enterprise_id', '=', 'enterprises.id')
      .where('organizations.status', '=', 'active'),
  );

/** "三全" coverage: buildings and enterprises without an organization (small tables: plain queries). */
export const coverageRepository = {
  buildingsWithoutCorridorBranch(db: Executor, scope: Scope, limit: number) {
    return db
      .selectFrom('regions')
      .select(['regions.code', 'regions.name', 'regions.parent_code'])
      .where('regions.kind', '=', 'building')
      .where(scope.covers('regions.code'))
      .where((eb) => eb.not(hasCorridorBranch(eb)))
      .orderBy('regions.code')
      .limit(limit)
      .execute();
  },

  async buildingCounts(db: Executor, scope: Scope) {
    const row = await db
      .selectFrom('regions')
      .select((eb) => [
        eb.fn.countAll<number>().as('buildings'),
        eb.fn.count<number>(eb.case().when(hasCorridorBranch(eb)).then(1).end()).as('covered'),
      ])
      .where('regions.kind', '=', 'building')
      .where(scope.covers('regions.code'))
      .executeTakeFirstOrThrow();
    return { buildings: Number(row.buildings), covered: Number(row.covered) };
  },

  enterprisesWithoutOrganization(db: Executor, scope: Scope, limit: number) {
    return db
      .selectFrom('enterprises')
      .select(['enterprises.id', 'enterprises.name', 'enterprises.credit_code', 'enterprises.region_code'])
      .where(scope.covers('enterprises.region_code'))
      .where((eb) => eb.not(hasOrganization(eb)))
      .orderBy('enterprises.name')
      .limit(limit)
      .execute();
  },

  async enterpriseCounts(db: Executor, scope: Scope) {
    const all = await db
      .selectFrom('enterprises')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(scope.covers('enterprises.region_code'))
      .executeTakeFirstOrThrow();
    const covered = await db
      .selectFrom('enterprises')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(scope.covers('enterprises.region_code'))
      .where((eb) => hasOrganization(eb))
      .executeTakeFirstOrThrow();
    return { enterprises: Number(all.n), covered: Number(covered.n) };
  },

  householdsAtEntrance(db: Executor, scope: Scope, buildingCode: string, unit: string | undefined) {
    let query = db
      .selectFrom('households')
      .select(['id', 'region_code'])
      .where('region_code', '=', buildingCode)
      .where(scope.covers('households.region_code'));
    if (unit !== undefined) query = query.where('unit', '=', unit);
    return query.execute();
  },

  householdsWithPlace(db: Executor, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('households')
      .select(['id', 'region_code', 'unit', 'floor', 'room', 'address'])
      .where('id', 'in', ids)
      .orderBy('region_code')
      .orderBy('unit')
      .orderBy('room')
      .execute();
  },

  householdsInScope(db: Executor, scope: Scope, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('households')
      .select(['id', 'region_code'])
      .where('id', 'in', ids)
      .where(scope.covers('households.region_code'))
      .execute();
  },

  childStats(db: Executor, parentCode: string) {
    return db
      .selectFrom('regions')
      .leftJoin('region_stats', 'region_stats.region_code', 'regions.code')
      .select([
        'regions.code',
        'regions.name',
        'regions.kind',
        'region_stats.households',
        'region_stats.cared_households',
        'region_stats.warm_group_households',
      ])
      .where('regions.parent_code', '=', parentCode)
      .orderBy('regions.code')
      .execute();
  },
};
