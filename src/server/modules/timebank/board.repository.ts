import type { Insertable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Dialect, Executor } from '../../db/database.js';
import { selectOneLocked } from '../../db/lock-row.js';
import type { PostStatus, TimebankPost, TimebankPostTable } from './timebank.tables.js';

/** Only this file touches timebank_posts. */
export const boardRepository = {
  /** A post in scope, locked on PostgreSQL when asked (a step reads, then moves, its status). */
  findInScope: (
    db: Executor,
    scope: Scope,
    id: string,
    lock?: Dialect,
  ): Promise<TimebankPost | undefined> => {
    const query = db
      .selectFrom('timebank_posts')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('timebank_posts.region_code'));
    return selectOneLocked(query, lock === 'postgres');
  },

  findUnscoped: (db: Executor, id: string): Promise<TimebankPost | undefined> =>
    db.selectFrom('timebank_posts').selectAll().where('id', '=', id).executeTakeFirst(),

  insert: async (db: Executor, row: Insertable<TimebankPostTable>): Promise<void> => {
    await db.insertInto('timebank_posts').values(row).execute();
  },

  /** Moves a post from one status to the next; false when it was no longer in `from`. */
  transition: async (
    db: Executor,
    id: string,
    from: PostStatus,
    change: {
      status: PostStatus;
      at: string;
      helper_account_id?: string;
      payer_account_id?: string;
      escrow_transfer_id?: string;
    },
  ): Promise<boolean> => {
    const { at, ...rest } = change;
    const result = await db
      .updateTable('timebank_posts')
      .set({ ...rest, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  list: (
    db: Executor,
    scope: Scope,
    filter: { status?: PostStatus | undefined; after?: string | undefined; limit: number },
  ): Promise<TimebankPost[]> => {
    let query = db
      .selectFrom('timebank_posts')
      .selectAll()
      .where(scope.covers('timebank_posts.region_code', { driveIndex: false }));
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.after) query = query.where('id', '<', filter.after);
    return query
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  /**
   * What a resident sees of their community's board: the posts open to take (not expired), and
   * every post they are a party to (posted, helping, or paying), newest first, with the poster's
   * name. Nothing of other communities: the scope is the resident's community.
   */
  forResident: (
    db: Executor,
    community: Scope,
    filter: { accountId: string; nowIso: string; after?: string | undefined; limit: number },
  ) => {
    let query = db
      .selectFrom('timebank_posts as p')
      .innerJoin('timebank_accounts as a', 'a.id', 'p.poster_account_id')
      .selectAll('p')
      .select('a.owner_name as poster_name')
      .where(community.covers('p.region_code', { driveIndex: false }))
      .where((eb) =>
        eb.or([
          eb.and([eb('p.status', '=', 'open'), eb('p.expires_at', '>', filter.nowIso)]),
          eb('p.poster_account_id', '=', filter.accountId),
          eb('p.helper_account_id', '=', filter.accountId),
          eb('p.payer_account_id', '=', filter.accountId),
        ]),
      );
    if (filter.after) query = query.where('p.id', '<', filter.after);
    return query
      .orderBy('p.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },
};
