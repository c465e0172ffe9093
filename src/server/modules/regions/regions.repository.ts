import { sql } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { NewRegion, Region } from '../../db/tables.js';

export type RegionWithCount = Region & { child_count: number };

/** Tables whose rows are placed in a grid or building by its code (accounts are checked apart). */
const RECORDS_IN_A_REGION: readonly (readonly [table: string, column: string])[] = [
  ['households', 'region_code'],
  ['persons', 'region_code'],
  ['enterprises', 'region_code'],
  ['organizations', 'anchor_region_code'],
  ['community_registrations', 'region_code'],
  ['hotlines', 'region_code'],
  ['work_orders', 'region_code'],
  ['open311_keys', 'region_code'],
];

/** Only this file touches the regions table. */
export const regionsRepository = {
  /**
   * Unscoped: whether a code names a region, and its name. Services check the code against their
   * scope first (`scope.includes`) or need a region outside it by design (a transfer's target).
   */
  findUnscoped: (db: Executor, code: string): Promise<Region | undefined> =>
    db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst(),

  findInScope: (db: Executor, scope: Scope, code: string): Promise<RegionWithCount | undefined> =>
    db
      .selectFrom('regions as r')
      .selectAll('r')
      .select((eb) =>
        eb
          .selectFrom('regions as c')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('c.parent_code', '=', 'r.code')
          .as('child_count'),
      )
      .where('r.code', '=', code)
      .where(scope.covers('r.code'))
      .executeTakeFirst()
      .then((row) => (row ? { ...row, child_count: Number(row.child_count ?? 0) } : undefined)),

  /** Children with their own child counts, for tree views. The parent's scope is checked by the caller. */
  children: (db: Executor, parentCode: string): Promise<RegionWithCount[]> =>
    db
      .selectFrom('regions as r')
      .selectAll('r')
      .select((eb) =>
        eb
          .selectFrom('regions as c')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('c.parent_code', '=', 'r.code')
          .as('child_count'),
      )
      .where('r.parent_code', '=', parentCode)
      .orderBy('r.code')
      .execute()
      .then((rows) => rows.map((row) => ({ ...row, child_count: Number(row.child_count ?? 0) }))),

  /** The scope's root regions themselves: where a user's tree starts. */
  roots: (db: Executor, codes: readonly string[]): Promise<RegionWithCount[]> =>
    codes.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('regions as r')
          .selectAll('r')
          .select((eb) =>
            eb
              .selectFrom('regions as c')
              .select(eb.fn.countAll<number>().as('n'))
              .whereRef('c.parent_code', '=', 'r.code')
              .as('child_count'),
          )
          .where('r.code', 'in', codes)
          .orderBy('r.code')
          .execute()
          .then((rows) => rows.map((row) => ({ ...row, child_count: Number(row.child_count ?? 0) }))),

  /** Names and kinds of many regions in one statement (a page of rows naming their places). */
  namedMany: async (
    db: Executor,
    codes: readonly string[],
  ): Promise<Map<string, { name: string; kind: Region['kind'] }>> => {
    if (codes.length === 0) return new Map();
    const rows = await db
      .selectFrom('regions')
      .select(['code', 'name', 'kind'])
      .where('code', 'in', codes)
      .execute();
    return new Map(rows.map((r) => [r.code, { name: r.name, kind: r.kind }]));
  },

  namesOf: async (db: Executor, codes: readonly string[]): Promise<Map<string, string>> => {
    if (codes.length === 0) return new Map();
    const rows = await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  },

  siblingNamed: (db: Executor, parentCode: string, name: string) =>
    db
      .selectFrom('regions')
      .select('code')
      .where('parent_code', '=', parentCode)
      .where('name', '=', name)
      .executeTakeFirst(),

  /** The highest child code so far; the next sequence number follows it. */
  lastChildCode: async (db: Executor, parentCode: string): Promise<string | undefined> => {
    const row = await db
      .selectFrom('regions')
      .select('code')
      .where('parent_code', '=', parentCode)
      .orderBy('code', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.code;
  },

  search: (db: Executor, scope: Scope, text: string, limit: number): Promise<Region[]> =>
    db
      .selectFrom('regions')
      .selectAll()
      .where(scope.covers('regions.code'))
      .where((eb) => eb.or([eb('name', 'like', `%${text.replace(/[%_\\]/g, '')}%`), eb('code', '=', text)]))
      .orderBy('code')
      .limit(limit)
      .execute(),

  insert: async (db: Executor, region: NewRegion): Promise<void> => {
    await db.insertInto('regions').values(region).execute();
  },

  rename: async (db: Executor, code: string, name: string, at: string): Promise<void> => {
    await db.updateTable('regions').set({ name, updated_at: at }).where('code', '=', code).execute();
  },

  delete: async (db: Executor, code: string): Promise<void> => {
    await db.deleteFrom('regions').where('code', '=', code).execute();
  },

  countAll: async (db: Executor): Promise<number> => {
    const row = await db
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /**
   * The first table whose rows still lie in exactly this region (households, residents, orders…),
   * or undefined. Checked before deleting so that the answer is a clear 409, never a foreign-key
   * failure, and never a region deleted from under rows that carry its code without a key.
   */
  firstRecordIn: async (db: Executor, code: string): Promise<string | undefined> => {
    for (const [table, column] of RECORDS_IN_A_REGION) {
      const found = await sql<{
        one: number;
      }>`select 1 as one from ${sql.table(table)} where ${sql.ref(column)} = ${code} limit 1`.execute(db);
      if (found.rows.length > 0) return table;
    }
    return undefined;
  },

  isReferenced: async (db: Executor, code: string): Promise<boolean> => {
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('region_code', '=', code)
      .limit(1)
      .executeTakeFirst();
    const role = await db
      .selectFrom('role_assignments')
      .select('id')
      .where('region_code', '=', code)
      .limit(1)
      .executeTakeFirst();
    return Boolean(user ?? role);
  },
};
