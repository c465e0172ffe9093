import type { Insertable, Selectable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { CollectiveIncomeTable, CollectiveTable } from './collectives.tables.js';

export type CollectiveRow = Selectable<CollectiveTable>;

const summaryQuery = (db: Executor) =>
  db
    .selectFrom('collectives as c')
    .innerJoin('regions as r', 'r.code', 'c.region_code')
    .selectAll('c')
    .select((eb) => [
      'r.name as region_name',
      eb
        .selectFrom('collective_shareholders as s')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('s.collective_id', '=', 'c.id')
        .whereRef('s.district_code', '=', 'c.district_code')
        .as('shareholders'),
      eb
        .selectFrom('collective_shareholders as s')
        .select((sub) => sub.fn.coalesce(sub.fn.sum<number>('s.shares'), sub.lit(0)).as('n'))
        .whereRef('s.collective_id', '=', 'c.id')
        .whereRef('s.district_code', '=', 'c.district_code')
        .as('total_shares'),
    ]);
export type CollectiveView = NonNullable<
  Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirst']>>
>;

/** Collectives, their shareholders and income. Only this file and dividends.repository.ts touch them. */
export const collectivesRepository = {
  insert: async (db: Executor, row: Insertable<CollectiveTable>) => {
    await db.insertInto('collectives').values(row).execute();
  },

  findInScope: (db: Executor, scope: Scope, id: string): Promise<CollectiveRow | undefined> =>
    db
      .selectFrom('collectives')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('collectives.region_code'))
      .executeTakeFirst(),

  ofRegion: (db: Executor, regionCode: string) =>
    db.selectFrom('collectives').select('id').where('region_code', '=', regionCode).executeTakeFirst(),

  viewUnscoped: (db: Executor, id: string) => summaryQuery(db).where('c.id', '=', id).executeTakeFirst(),

  list: (db: Executor, scope: Scope, after: string | undefined, limit: number) => {
    let query = summaryQuery(db).where(scope.covers('c.region_code'));
    if (after) query = query.where('c.id', '>', after);
    return query
      .orderBy('c.id')
      .limit(limit + 1)
      .execute();
  },

  region: (db: Executor, scope: Scope, code: string) =>
    db
      .selectFrom('regions')
      .select(['code', 'name', 'kind'])
      .where('code', '=', code)
      .where(scope.covers('regions.code'))
      .executeTakeFirst(),

  person: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('persons')
      .select(['id', 'region_code', 'status', 'name'])
      .where('id', '=', id)
      .where(scope.covers('persons.region_code'))
      .executeTakeFirst(),

  /** Sets a shareholder's shares (a new holder or a changed holding). */
  async setShares(
    db: Executor,
    row: { districtCode: string; collectiveId: string; personId: string; shares: number; at: string },
  ) {
    await db
      .insertInto('collective_shareholders')
      .values({
        district_code: row.districtCode,
        collective_id: row.collectiveId,
        person_id: row.personId,
        shares: row.shares,
        created_at: row.at,
        updated_at: row.at,
      })
      .onConflict((oc) =>
        oc
          .columns(['district_code', 'collective_id', 'person_id'])
          .doUpdateSet({ shares: row.shares, updated_at: row.at }),
      )
      .execute();
  },

  shareholders: (db: Executor, collectiveId: string, after: string | undefined, limit: number) => {
    let query = db
      .selectFrom('collective_shareholders as s')
      .innerJoin('persons as p', 'p.id', 's.person_id')
      .select(['s.person_id', 's.shares', 'p.name', 'p.id_number_enc', 'p.phone_enc', 'p.status'])
      .where('s.collective_id', '=', collectiveId);
    if (after) query = query.where('s.person_id', '>', after);
    return query
      .orderBy('s.person_id')
      .limit(limit + 1)
      .execute();
  },

  /** Every holding, for a dividend run: only persons still on the register take part. */
  holdings: (db: Executor, collectiveId: string) =>
    db
      .selectFrom('collective_shareholders as s')
      .innerJoin('persons as p', 'p.id', 's.person_id')
      .select(['s.person_id', 's.shares'])
      .where('s.collective_id', '=', collectiveId)
      .where('p.status', '=', 'active')
      .orderBy('s.person_id')
      .execute(),

  insertIncome: async (db: Executor, row: Insertable<CollectiveIncomeTable>) => {
    await db.insertInto('collective_incomes').values(row).execute();
  },

  incomes: (db: Executor, collectiveId: string) =>
    db
      .selectFrom('collective_incomes')
      .selectAll()
      .where('collective_id', '=', collectiveId)
      .orderBy('year', 'desc')
      .orderBy('received_on', 'desc')
      .orderBy('id', 'desc')
      .limit(500)
      .execute(),

  async incomeOfYear(
    db: Executor,
    collectiveId: string,
    year: number,
  ): Promise<{ fen: number; entries: number }> {
    const row = await db
      .selectFrom('collective_incomes')
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('fen'),
        eb.fn.countAll<number>().as('entries'),
      ])
      .where('collective_id', '=', collectiveId)
      .where('year', '=', year)
      .executeTakeFirstOrThrow();
    return { fen: Number(row.fen), entries: Number(row.entries) };
  },
};
