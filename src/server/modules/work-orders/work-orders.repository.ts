import { type ExpressionBuilder, type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import { listOrderOf, OPEN_STATUSES, type WorkOrderStatus } from '../../../shared/work-orders.js';
import type { Scope } from '../../auth/scope.js';
import type { Dialect, Executor } from '../../db/database.js';
import { selectOneLocked } from '../../db/lock-row.js';
import type { DB, WorkOrder, WorkOrderEvent, WorkOrderEventTable, WorkOrderTable } from '../../db/tables.js';

export type WorkOrderView = WorkOrder & { category_name: string; region_name: string };

/**
 * A resident's own orders, whatever the channel: those they submitted in the portal, those taken
 * (by the hotline, a station, a visit) with their verified phone as the contact number, and those
 * about the register person their account is linked to — in their own district.
 */
export interface ResidentOwnership {
  residentId: string;
  districtCode: string;
  phoneIndex: string;
  personId: string | null;
}

/** Who may see an order: the place lies in their read scope, or it was given to them in person. */
export interface Visibility {
  scope: Scope;
  userId: string | null;
  /** A resident sees only their own orders, and nothing by scope. */
  resident?: ResidentOwnership | undefined;
}

const ownedBy = (resident: ResidentOwnership) => (eb: ExpressionBuilder<DB, 'work_orders'>) =>
  eb.or([
    eb('work_orders.resident_id', '=', resident.residentId),
    eb.and([
      eb('work_orders.district_code', '=', resident.districtCode),
      eb.or([
        eb('work_orders.contact_phone_bidx', '=', resident.phoneIndex),
        ...(resident.personId ? [eb('work_orders.person_id', '=', resident.personId)] : []),
      ]),
    ]),
  ]);

/**
 * `driveIndex: false` keeps SQLite from reading the order through the scope's region range or the
 * assignee index (the unary plus), so that the index of the list's order drives the scan instead
 * (see `list`); PostgreSQL plans on costs and is given the same condition either way.
 */
const visible =
  (visibility: Visibility, options: { driveIndex?: boolean } = {}) =>
  (eb: ExpressionBuilder<DB, 'work_orders'>) => {
    if (visibility.resident) return ownedBy(visibility.resident)(eb);
    const conditions = [visibility.scope.covers('work_orders.region_code', options)];
    const assignee =
      options.driveIndex === false && visibility.scope.dialect === 'sqlite'
        ? sql`+work_orders.assignee_user_id`
        : sql`work_orders.assignee_user_id`;
    if (visibility.userId) conditions.push(sql<SqlBool>`${assignee} = ${visibility.userId}`);
    return eb.or(conditions);
  };

/**
 * Whether a page of `pageSize` of the scope's orders, newest first, is cheaper found by walking
 * the newest-first index (SQLite only). Of N orders in the table, S in the scope: sorting the
 * scope's range reads S rows; the walk reads about pageSize × N / S rows before the page is full.
 * The walk wins when S² > pageSize × N, so the scope's range is counted in the (region_code, id)
 * index up to √(pageSize × N) and no further: that count never costs more than the cheaper plan.
 * N is read as the table's largest rowid (one step down the table's b-tree; orders are never
 * deleted, only archived).
 */
async function walkIsCheaper(db: Executor, scope: Scope, pageSize: number): Promise<boolean> {
  const table = await db
    .selectFrom('work_orders')
    .select(sql<number | null>`max(rowid)`.as('rows'))
    .executeTakeFirstOrThrow();
  const enough = Math.ceil(Math.sqrt(pageSize * Number(table.rows ?? 0)));
  if (enough === 0) return false;
  const row = await db
    .selectFrom((inner) =>
      inner
        .selectFrom('work_orders')
        .select('work_orders.id')
        .where(scope.covers('work_orders.region_code'))
        .limit(enough)
        .as('in_scope'),
    )
    .select((eb) => eb.fn.countAll<number | string>().as('orders'))
    .executeTakeFirstOrThrow();
  return Number(row.orders) >= enough;
}

export type ListView = 'all' | 'mine' | 'to_sign' | 'overdue' | 'supervision' | 'to_callback' | 'to_review';

export interface ListFilter {
  view: ListView;
  status?: WorkOrderStatus | undefined;
  categoryCode?: string | undefined;
  regionCode?: string | undefined;
  channel?: string | undefined;
  householdId?: string | undefined;
  /** Past the deadline (and open), or reopened after an unsatisfied callback (and open). */
  flag?: 'overdue' | 'reopened' | undefined;
  /**
   * For 'mine': the caller's own units (the regions of their roles that handle or dispatch
   * orders, not the subtrees below them).
   */
  ownUnits?: readonly string[] | undefined;
  /** Keyset: the last row of the previous page, by the view's order (see `listOrderOf`). */
  after?: { key: string; id: string } | undefined;
  limit: number;
}

// The region's name as a subquery, not a join: PostgreSQL then names only the page's rows after
// its LIMIT, where a join planned for the scope's open orders hashed all 16,000 regions of a city
// (10–40 ms of a district's overdue list, issue 19). Every order's region exists (foreign key).
const viewQuery = (db: Executor) =>
  db
    .selectFrom('work_orders')
    .innerJoin('service_categories', 'service_categories.code', 'work_orders.category_code')
    .selectAll('work_orders')
    .select('service_categories.name as category_name')
    .select(
      sql<string>`(select regions.name from regions where regions.code = work_orders.region_code)`.as(
        'region_name',
      ),
    );

/** Only this file touches work_orders and work_order_events. */
export const workOrdersRepository = {
  insert: async (db: Executor, row: Insertable<WorkOrderTable>): Promise<void> => {
    await db.insertInto('work_orders').values(row).execute();
  },

  insertEvent: async (db: Executor, row: Insertable<WorkOrderEventTable>): Promise<void> => {
    await db.insertInto('work_order_events').values(row).execute();
  },

  /**
   * The next number of a district's day (1 for its first order): one upsert of the district's day
   * row. The intake takes it on `Database.autonomous` where there is one (PostgreSQL), a statement
   * that commits at once, so no intake holds the counter until it commits; an intake that then
   * rolls back leaves a gap in the day's numbers. On SQLite it runs in the intake's transaction
   * (one writer at a time anyway), and a rollback gives the number back.
   */
  nextNumber: async (db: Executor, district: string, day: string): Promise<number> => {
    const row = await db
      .insertInto('work_order_numbers')
      .values({ district_code: district, day, last_number: 1 })
      .onConflict((oc) =>
        oc
          .columns(['district_code', 'day'])
          .doUpdateSet((eb) => ({ last_number: eb('work_order_numbers.last_number', '+', 1) })),
      )
      .returning('last_number')
      .executeTakeFirstOrThrow();
    return Number(row.last_number);
  },

  /**
   * Brings the day counters (of one district's day, or all) up to the orders stored, after orders
   * were written around them (in bulk, as the demo does): a counter never goes down. Only numbers
   * of the form district-day-sequence count; older ones (day-sequence) cannot collide with them.
   */
  syncNumbers: async (db: Executor, at?: { district: string; day: string }): Promise<void> => {
    const only = at
      ? sql`and number >= ${`${at.district}-${at.day}-`} and number < ${`${at.district}-${at.day}.`}`
      : sql``;
    await sql`
      insert into work_order_numbers (district_code, day, last_number)
      select substr(number, 1, 6), substr(number, 8, 8), max(cast(substr(number, 17) as integer))
      from work_orders
      where number like '______-________-%' ${only}
      group by substr(number, 1, 6), substr(number, 8, 8)
      on conflict (district_code, day) do update set last_number = case
        when excluded.last_number > work_order_numbers.last_number then excluded.last_number
        else work_order_numbers.last_number end
    `.execute(db);
  },

  /** Unscoped, locked on PostgreSQL when asked: the service decides who may act. */
  findUnscoped: async (db: Executor, id: string, lock?: Dialect): Promise<WorkOrder | undefined> => {
    const query = db.selectFrom('work_orders').selectAll().where('id', '=', id);
    return selectOneLocked(query, lock === 'postgres');
  },

  view: (db: Executor, visibility: Visibility, id: string): Promise<WorkOrderView | undefined> =>
    viewQuery(db).where('work_orders.id', '=', id).where(visible(visibility)).executeTakeFirst(),

  /**
   * An order's timeline, oldest first. Staff are named as their colleagues know them (the
   * account's display name as it is now); residents, Open311 clients and the system keep the
   * name written with the event.
   */
  events: (db: Executor, orderId: string): Promise<WorkOrderEvent[]> =>
    db
      .selectFrom('work_order_events')
      .leftJoin('users', 'users.id', 'work_order_events.actor_id')
      .select([
        'work_order_events.id',
        'work_order_events.district_code',
        'work_order_events.work_order_id',
        'work_order_events.action',
        'work_order_events.from_status',
        'work_order_events.to_status',
        'work_order_events.actor_id',
        'work_order_events.note',
        'work_order_events.data',
        'work_order_events.at',
      ])
      .select((eb) => eb.fn.coalesce('users.display_name', 'work_order_events.actor_name').as('actor_name'))
      .where('work_order_events.work_order_id', '=', orderId)
      .orderBy('work_order_events.at')
      .orderBy('work_order_events.id')
      .execute(),

  /**
   * Applies a change if the order is still at the version the caller read: 0 rows means someone
   * else acted first (the caller reports a conflict).
   */
  update: async (
    db: Executor,
    id: string,
    version: number,
    changes: Updateable<WorkOrderTable>,
  ): Promise<boolean> => {
    const result = await db
      .updateTable('work_orders')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  list: async (db: Executor, visibility: Visibility, filter: ListFilter): Promise<WorkOrderView[]> => {
    const order = listOrderOf(filter.view);
    // Newest first, SQLite reads a wide scope (a district's orders, everything the soak's district
    // admin sees) along the (created_at, id) index and skips what lies outside it: reading the
    // scope's range and sorting it costs the whole scope for 20 rows, a cost that grew with the
    // table (50 ms a page at 11,000 orders). A narrow scope (a grid among many) keeps its range:
    // walking the whole table's newest-first index to find its few rows would cost more.
    // PostgreSQL chooses by its statistics.
    const rangeScope = filter.regionCode ? visibility.scope.narrowedTo(filter.regionCode) : visibility.scope;
    const walkNewest =
      order === 'newest' &&
      !visibility.resident &&
      visibility.scope.dialect === 'sqlite' &&
      (await walkIsCheaper(db, rangeScope, filter.limit));
    const driveIndex = { driveIndex: !walkNewest };
    let query = viewQuery(db).where(visible(visibility, driveIndex));
    const userId = visibility.userId ?? '';
    switch (filter.view) {
      case 'mine': {
        // Waiting for the caller: given to them in person, or held by their own unit without a
        // person yet (to dispatch, sign or resolve), or sent back to their unit as the one that
        // dispatched it (a return or an extension to decide, a resolution to review).
        // (In-person orders of others in the caller's units are theirs, not the caller's.)
        const units = [...(filter.ownUnits ?? [])];
        query = query.where('work_orders.status', 'in', OPEN_STATUSES).where((eb) => {
          const waiting = [eb('work_orders.assignee_user_id', '=', userId)];
          if (units.length > 0)
            waiting.push(
              eb.and([
                eb('work_orders.handler_region_code', 'in', units),
                eb('work_orders.assignee_user_id', 'is', null),
                eb('work_orders.assignee_member_id', 'is', null),
                eb('work_orders.status', 'in', ['received', 'pending_dispatch', 'dispatched', 'in_progress']),
              ]),
              eb.and([
                // An order nobody dispatched is decided by the unit holding it.
                eb(
                  eb.fn.coalesce('work_orders.dispatcher_region_code', 'work_orders.handler_region_code'),
                  'in',
                  units,
                ),
                eb.or([
                  eb('work_orders.status', 'in', ['return_requested', 'pending_review']),
                  eb('work_orders.pending_extension', 'is not', null),
                ]),
              ]),
            );
          return eb.or(waiting);
        });
        break;
      }
      case 'to_sign':
        query = query.where('work_orders.status', '=', 'dispatched');
        break;
      case 'overdue':
        query = query.where('work_orders.overdue', '=', 1).where('work_orders.status', 'in', OPEN_STATUSES);
        break;
      case 'supervision':
        query = query.where((eb) =>
          eb.or([
            eb('work_orders.escalated_region_code', 'is not', null),
            eb('work_orders.supervised', '=', 1),
          ]),
        );
        query = query.where('work_orders.status', 'in', OPEN_STATUSES);
        break;
      case 'to_callback':
        query = query.where('work_orders.status', '=', 'closed');
        break;
      case 'to_review':
        query = query.where('work_orders.status', '=', 'pending_review');
        break;
      case 'all':
        break;
    }
    if (filter.status) query = query.where('work_orders.status', '=', filter.status);
    if (filter.categoryCode) {
      const code = filter.categoryCode;
      query = query.where((eb) =>
        eb.or([eb('work_orders.category_code', '=', code), eb('service_categories.parent_code', '=', code)]),
      );
    }
    if (filter.regionCode) query = query.where(rangeScope.covers('work_orders.region_code', driveIndex));
    if (filter.channel)
      query = query.where('work_orders.channel', '=', filter.channel as WorkOrder['channel']);
    if (filter.householdId) query = query.where('work_orders.household_id', '=', filter.householdId);
    if (filter.flag === 'overdue')
      query = query.where('work_orders.overdue', '=', 1).where('work_orders.status', 'in', OPEN_STATUSES);
    if (filter.flag === 'reopened')
      query = query
        .where('work_orders.reopen_count', '>', 0)
        .where('work_orders.status', 'in', OPEN_STATUSES);
    const column = order === 'newest' ? 'work_orders.created_at' : 'work_orders.due_at';
    const direction = order === 'newest' ? 'desc' : 'asc';
    const beyond = order === 'newest' ? '<' : '>';
    if (filter.after) {
      const { key, id } = filter.after;
      // A row value: both databases read it as a range of the (column, id) index, where the
      // spelled-out `column < key or (column = key and id < id)` made SQLite walk from page 1.
      query = query.where((eb) => eb(eb.refTuple(column, 'work_orders.id'), beyond, eb.tuple(key, id)));
    }
    return query
      .orderBy(column, direction)
      .orderBy('work_orders.id', direction)
      .limit(filter.limit)
      .execute();
  },

  /** Open orders of the same category for the same household or the same place: likely duplicates. */
  openSimilar: (
    db: Executor,
    visibility: Visibility,
    input: { categoryCode: string; householdId?: string | undefined; regionCode: string },
  ): Promise<WorkOrderView[]> =>
    viewQuery(db)
      .where(visible(visibility))
      .where('work_orders.category_code', '=', input.categoryCode)
      .where('work_orders.status', 'in', OPEN_STATUSES)
      .where((eb) =>
        input.householdId
          ? eb.or([
              eb('work_orders.household_id', '=', input.householdId),
              eb('work_orders.region_code', '=', input.regionCode),
            ])
          : eb('work_orders.region_code', '=', input.regionCode),
      )
      .orderBy('work_orders.created_at', 'desc')
      .limit(10)
      .execute(),

  /** Orders that a caller's phone number reported, newest first (for the operator console). */
  byContactPhone: (db: Executor, visibility: Visibility, phoneIndex: string): Promise<WorkOrderView[]> =>
    viewQuery(db)
      .where(visible(visibility))
      .where('work_orders.contact_phone_bidx', '=', phoneIndex)
      .orderBy('work_orders.created_at', 'desc')
      .limit(20)
      .execute(),

  /** What a resident submitted through the portal, newest first (keyset on id: ids are time-ordered). */
  byResident: (
    db: Executor,
    resident: ResidentOwnership,
    page: { beforeId?: string | undefined; limit: number },
  ): Promise<WorkOrderView[]> => {
    let query = viewQuery(db).where(ownedBy(resident));
    if (page.beforeId) query = query.where('work_orders.id', '<', page.beforeId);
    return query.orderBy('work_orders.id', 'desc').limit(page.limit).execute();
  },

  /** Open orders past their deadline and not yet marked: what the sweeper works through. */
  lapsed: (db: Executor, nowIso: string, limit: number): Promise<WorkOrder[]> =>
    db
      .selectFrom('work_orders')
      .selectAll()
      .where('status', 'in', OPEN_STATUSES)
      .where('overdue', '=', 0)
      .where('due_at', '<', nowIso)
      .orderBy('due_at')
      .limit(limit)
      .execute(),
};
