import { type Insertable, sql } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type {
  TimebankItem,
  TimebankItemTable,
  TimebankOrder,
  TimebankOrderTable,
} from './timebank.tables.js';

/** Only this file touches the love supermarket's items and orders. */
export const marketRepository = {
  itemInScope: (db: Executor, scope: Scope, id: string): Promise<TimebankItem | undefined> =>
    db
      .selectFrom('timebank_items')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('timebank_items.region_code'))
      .executeTakeFirst(),

  insertItem: async (db: Executor, row: Insertable<TimebankItemTable>): Promise<void> => {
    await db.insertInto('timebank_items').values(row).execute();
  },

  items: (db: Executor, scope: Scope, filter: { after?: string | undefined; limit: number }) => {
    let query = db
      .selectFrom('timebank_items')
      .selectAll()
      .where(scope.covers('timebank_items.region_code', { driveIndex: false }));
    if (filter.after) query = query.where('id', '>', filter.after);
    return query
      .orderBy('id')
      .limit(filter.limit + 1)
      .execute();
  },

  /** Takes `quantity` from stock only if that much is left (one atomic, conditional UPDATE). */
  takeStock: async (db: Executor, id: string, quantity: number, at: string): Promise<boolean> => {
    const result = await db
      .updateTable('timebank_items')
      .set({ stock: sql`stock - ${quantity}`, updated_at: at })
      .where('id', '=', id)
      .where('stock', '>=', quantity)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  returnStock: async (db: Executor, id: string, quantity: number, at: string): Promise<void> => {
    await db
      .updateTable('timebank_items')
      .set({ stock: sql`stock + ${quantity}`, updated_at: at })
      .where('id', '=', id)
      .execute();
  },

  pendingCodeTaken: async (db: Executor, districtCode: string, codeHash: string): Promise<boolean> =>
    (await db
      .selectFrom('timebank_orders')
      .select('id')
      .where('district_code', '=', districtCode)
      .where('code_hash', '=', codeHash)
      .where('status', '=', 'pending')
      .executeTakeFirst()) !== undefined,

  insertOrder: async (db: Executor, row: Insertable<TimebankOrderTable>): Promise<void> => {
    await db.insertInto('timebank_orders').values(row).execute();
  },

  /** The newest order with this code in scope (a pending one first), with its item's name. */
  orderByCode: (db: Executor, scope: Scope, codeHash: string) =>
    db
      .selectFrom('timebank_orders as o')
      .innerJoin('timebank_items as i', 'i.id', 'o.item_id')
      .selectAll('o')
      .select('i.name as item_name')
      .where('o.code_hash', '=', codeHash)
      .where(scope.covers('o.region_code'))
      .orderBy(sql`case when o.status = 'pending' then 0 else 1 end`)
      .orderBy('o.created_at', 'desc')
      .executeTakeFirst(),

  /**
   * Checks a code off: pending → redeemed, once. The condition on status makes a second use (or
   * a use racing it) update nothing, whatever the timing.
   */
  markRedeemed: async (db: Executor, id: string, at: string, by: string | null): Promise<boolean> => {
    const result = await db
      .updateTable('timebank_orders')
      .set({ status: 'redeemed', used_at: at, used_by: by })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('expires_at', '>', at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** pending → refunded for a lapsed order, once (the refund transfer is written only by the winner). */
  markRefunded: async (db: Executor, id: string, at: string): Promise<boolean> => {
    const result = await db
      .updateTable('timebank_orders')
      .set({ status: 'refunded', used_at: at })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('expires_at', '<=', at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  setRefundTransfer: async (db: Executor, id: string, transferId: string): Promise<void> => {
    await db
      .updateTable('timebank_orders')
      .set({ refund_transfer_id: transferId })
      .where('id', '=', id)
      .execute();
  },

  lapsed: (db: Executor, at: string, limit: number): Promise<TimebankOrder[]> =>
    db
      .selectFrom('timebank_orders')
      .selectAll()
      .where('status', '=', 'pending')
      .where('expires_at', '<=', at)
      .orderBy('expires_at')
      .limit(limit)
      .execute(),

  /** One account's orders, newest first, with their item's name (never a code: only its hash is kept). */
  ordersOfAccount: (
    db: Executor,
    accountId: string,
    filter: { after?: string | undefined; limit: number },
  ) => {
    let query = db
      .selectFrom('timebank_orders as o')
      .innerJoin('timebank_items as i', 'i.id', 'o.item_id')
      .select([
        'o.id',
        'o.quantity',
        'o.minutes',
        'o.status',
        'o.expires_at',
        'o.created_at',
        'i.name as item_name',
      ])
      .where('o.account_id', '=', accountId);
    if (filter.after) query = query.where('o.id', '<', filter.after);
    return query
      .orderBy('o.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },
};
