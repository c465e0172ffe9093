import { OPEN_STATUSES } from '../../../shared/work-orders.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';

/** The cockpit's reads besides the counters (small, bounded queries). */
export const cockpitRepository = {
  /** The districts the deployment holds under a city (code prefix of four digits). */
  districtsOf: (db: Executor, cityPrefix: string) =>
    db
      .selectFrom('regions')
      .select(['code', 'name', 'kind'])
      .where('parent_code', 'is', null)
      .where('code', 'like', `${cityPrefix}__`)
      .orderBy('code')
      .execute(),

  /**
   * Orders overdue now inside a scope, most overdue first. Reads the open orders only (the
   * (status, due_at) index), so its cost follows the queue, not the history.
   */
  overdueOrders: (db: Executor, scope: Scope, limit: number) =>
    db
      .selectFrom('work_orders as o')
      .innerJoin('service_categories as c', 'c.code', 'o.category_code')
      .leftJoin('regions as place', 'place.code', 'o.region_code')
      .leftJoin('regions as holder', 'holder.code', 'o.handler_region_code')
      .select([
        'o.id',
        'o.number',
        'o.region_code',
        'o.status',
        'o.due_at',
        'o.created_at',
        'o.urge_count',
        'o.supervised',
        'c.name as category_name',
        'place.name as place_name',
        'holder.name as holder_name',
      ])
      .where('o.status', 'in', OPEN_STATUSES)
      .where('o.overdue', '=', 1)
      .where(scope.covers('o.region_code'))
      .orderBy('o.due_at')
      .limit(limit)
      .execute(),
};
