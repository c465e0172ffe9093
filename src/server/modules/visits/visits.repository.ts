import type { Insertable, Selectable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { VisitNeedTable, VisitTable } from './visits.tables.js';

export type VisitRow = Selectable<VisitTable>;
export type NeedRow = Selectable<VisitNeedTable>;
export type NeedView = NeedRow & { work_order_number: string | null; work_order_status: string | null };
export type VisitView = VisitRow & { recorder_name: string; needs: NeedView[] };

async function withDetails(db: Executor, rows: readonly (VisitRow & { recorder_name: string })[]) {
  if (rows.length === 0) return [];
  const needs = await db
    .selectFrom('visit_needs as n')
    .leftJoin('work_orders as o', (join) =>
      join.onRef('o.id', '=', 'n.work_order_id').onRef('o.district_code', '=', 'n.district_code'),
    )
    .selectAll('n')
    .select(['o.number as work_order_number', 'o.status as work_order_status'])
    .where(
      'n.visit_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('n.id')
    .execute();
  return rows.map((row) => ({ ...row, needs: needs.filter((n) => n.visit_id === row.id) }));
}

const visitQuery = (db: Executor) =>
  db
    .selectFrom('visits as v')
    .innerJoin('users as u', 'u.id', 'v.recorded_by')
    .selectAll('v')
    .select('u.display_name as recorder_name');

/** Only this file touches visits and the needs found on them. */
export const visitsRepository = {
  insert: async (db: Executor, row: Insertable<VisitTable>): Promise<void> => {
    await db.insertInto('visits').values(row).execute();
  },

  insertNeed: async (db: Executor, row: Insertable<VisitNeedTable>): Promise<void> => {
    await db.insertInto('visit_needs').values(row).execute();
  },

  /** Unscoped by design: the key is the client's own; the service checks that it is the same visit. */
  byKeyUnscoped: (db: Executor, key: string) =>
    db.selectFrom('visits').selectAll().where('idempotency_key', '=', key).executeTakeFirst(),

  findInScope: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('visits')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('visits.region_code'))
      .executeTakeFirst(),

  /** Unscoped: reads a visit back after a scoped check or a write. */
  viewUnscoped: async (db: Executor, id: string): Promise<VisitView | undefined> => {
    const row = await visitQuery(db).where('v.id', '=', id).executeTakeFirst();
    return row ? (await withDetails(db, [row]))[0] : undefined;
  },

  /** The household's last visit (the caller has checked the household). */
  lastOfHousehold: async (db: Executor, householdId: string): Promise<VisitView | undefined> => {
    const row = await visitQuery(db)
      .where('v.household_id', '=', householdId)
      .orderBy('v.started_at', 'desc')
      .orderBy('v.id', 'desc')
      .executeTakeFirst();
    return row ? (await withDetails(db, [row]))[0] : undefined;
  },

  /** Whether the household had a visit of this outcome before (for the cockpit's distinct counts). */
  householdHad: async (db: Executor, householdId: string, metOnly: boolean): Promise<boolean> => {
    let query = db.selectFrom('visits').select('id').where('household_id', '=', householdId);
    if (metOnly) query = query.where('outcome', '=', 'met');
    return (await query.limit(1).executeTakeFirst()) !== undefined;
  },

  /** Newest first; keyset on the id (time-ordered). */
  list: async (
    db: Executor,
    scope: Scope,
    filter: {
      householdId?: string | undefined;
      campaignId?: string | undefined;
      orderId?: string | undefined;
    },
    after: string | undefined,
    limit: number,
  ): Promise<VisitView[]> => {
    let query = visitQuery(db).where(scope.covers('v.region_code', { driveIndex: false }));
    if (filter.householdId) query = query.where('v.household_id', '=', filter.householdId);
    if (filter.campaignId) query = query.where('v.campaign_id', '=', filter.campaignId);
    const { orderId } = filter;
    if (orderId)
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('visit_needs as n')
            .select('n.id')
            .whereRef('n.visit_id', '=', 'v.id')
            .whereRef('n.district_code', '=', 'v.district_code')
            .where('n.work_order_id', '=', orderId),
        ),
      );
    if (after) query = query.where('v.id', '<', after);
    const rows = await query
      .orderBy('v.id', 'desc')
      .limit(limit + 1)
      .execute();
    return withDetails(db, rows);
  },

  needInScope: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('visit_needs')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('visit_needs.region_code'))
      .executeTakeFirst(),

  /** Links a need to its order once: false when another request linked it first. */
  linkOrder: async (db: Executor, needId: string, orderId: string, at: string): Promise<boolean> => {
    const result = await db
      .updateTable('visit_needs')
      .set({ work_order_id: orderId, ordered_at: at })
      .where('id', '=', needId)
      .where('work_order_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
