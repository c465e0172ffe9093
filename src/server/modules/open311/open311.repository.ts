import type { WorkOrderStatus } from '../../../shared/work-orders.js';
import type { Executor } from '../../db/database.js';

export interface PublicRequestFilter {
  districtCode: string;
  numbers?: readonly string[] | undefined;
  serviceCodes?: readonly string[] | undefined;
  statuses?: readonly WorkOrderStatus[] | undefined;
  /** requested_datetime range, inclusive, as ISO instants. */
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

/**
 * Only the columns a public answer is built from. Never the description, address, resolution or
 * caller typed in (a name, a phone, a home can be in any of them), nor the household or person:
 * the description published is `public_description`, which holds only text meant to be public.
 */
const PUBLIC_COLUMNS = [
  'work_orders.number',
  'work_orders.status',
  'work_orders.category_code',
  'work_orders.public_description',
  'work_orders.region_code',
  'work_orders.handler_region_code',
  'work_orders.latitude',
  'work_orders.longitude',
  'work_orders.due_at',
  'work_orders.closed_at',
  'work_orders.created_at',
  'work_orders.updated_at',
] as const;

/**
 * Public reads for GeoReport v2. This file reads work_orders (public columns only) beside the
 * work-order repository, which owns every write; orders are created through WorkOrderIntake.
 */
export const open311Repository = {
  requests: (db: Executor, filter: PublicRequestFilter) => {
    let query = db
      .selectFrom('work_orders')
      .innerJoin('service_categories', 'service_categories.code', 'work_orders.category_code')
      .select(PUBLIC_COLUMNS)
      .select(['service_categories.name as category_name', 'service_categories.name_en as category_name_en'])
      .where('work_orders.district_code', '=', filter.districtCode);
    if (filter.numbers) query = query.where('work_orders.number', 'in', filter.numbers);
    if (filter.serviceCodes) query = query.where('work_orders.category_code', 'in', filter.serviceCodes);
    if (filter.statuses) query = query.where('work_orders.status', 'in', filter.statuses);
    if (filter.from) query = query.where('work_orders.created_at', '>=', filter.from);
    if (filter.to) query = query.where('work_orders.created_at', '<=', filter.to);
    return query
      .orderBy('work_orders.created_at', 'desc')
      .orderBy('work_orders.id', 'desc')
      .limit(filter.limit)
      .execute();
  },

  /** The districts this database holds (the roots of the region tree): the jurisdictions served. */
  districts: async (db: Executor): Promise<string[]> =>
    (
      await db.selectFrom('regions').select('code').where('parent_code', 'is', null).orderBy('code').execute()
    ).map((row) => row.code),

  /** Names of regions by code (places and handling units of the orders being answered). */
  regionNames: async (db: Executor, codes: readonly string[]): Promise<Map<string, string>> => {
    const names = new Map<string, string>();
    const unique = [...new Set(codes)];
    for (let start = 0; start < unique.length; start += 500) {
      const rows = await db
        .selectFrom('regions')
        .select(['code', 'name'])
        .where('code', 'in', unique.slice(start, start + 500))
        .execute();
      for (const row of rows) names.set(row.code, row.name);
    }
    return names;
  },
};

export type PublicRequestRow = Awaited<ReturnType<typeof open311Repository.requests>>[number];
