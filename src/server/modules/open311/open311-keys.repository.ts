import type { Insertable, Selectable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { Open311KeyTable } from '../../db/tables.js';

export type Open311Key = Selectable<Open311KeyTable>;
export type Open311KeyView = Open311Key & { region_name: string };

const viewQuery = (db: Executor) =>
  db
    .selectFrom('open311_keys')
    .innerJoin('regions', 'regions.code', 'open311_keys.region_code')
    .selectAll('open311_keys')
    .select('regions.name as region_name');

/** Only this file touches open311_keys. */
export const open311KeysRepository = {
  insert: async (db: Executor, row: Insertable<Open311KeyTable>): Promise<void> => {
    await db.insertInto('open311_keys').values(row).execute();
  },

  /** Keys whose unit lies in the scope, newest first. */
  list: (db: Executor, scope: Scope): Promise<Open311KeyView[]> =>
    viewQuery(db)
      .where(scope.covers('open311_keys.region_code'))
      .orderBy('open311_keys.created_at', 'desc')
      .orderBy('open311_keys.id', 'desc')
      .limit(500)
      .execute(),

  find: (db: Executor, scope: Scope, id: string): Promise<Open311KeyView | undefined> =>
    viewQuery(db)
      .where('open311_keys.id', '=', id)
      .where(scope.covers('open311_keys.region_code'))
      .executeTakeFirst(),

  /** The unrevoked key with this hash: how a POST is authenticated. */
  activeByHash: (db: Executor, keyHash: string): Promise<Open311Key | undefined> =>
    db
      .selectFrom('open311_keys')
      .selectAll()
      .where('key_hash', '=', keyHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst(),

  /** Marks a key revoked unless it is already: false when someone else revoked it first. */
  revoke: async (db: Executor, id: string, at: string): Promise<boolean> => {
    const result = await db
      .updateTable('open311_keys')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
