import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  CollectiveIncomeTable,
  CollectiveShareholderTable,
  CollectiveTable,
  DividendPayoutTable,
  DividendRunTable,
} from './collectives.tables.js';

const inChunks = async <T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
};

/** The demo's reads and bulk writes for its co-operative (no audit: the demo writes in bulk). */
export const demoCollectivesRepository = {
  /** The district's village with the most active residents and no collective yet. */
  largestVillage: (db: Executor, district: string) =>
    db
      .selectFrom('regions')
      .innerJoin('persons', (join) =>
        join
          .on(sql<boolean>`persons.region_code like regions.code || '%'`)
          .on('persons.status', '=', 'active'),
      )
      .select(['regions.code', 'regions.name', (eb) => eb.fn.countAll<number>().as('n')])
      .where('regions.code', 'like', `${district}%`)
      .where('regions.kind', '=', 'village')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('collectives')
              .select('id')
              .whereRef('collectives.region_code', '=', 'regions.code'),
          ),
        ),
      )
      .groupBy(['regions.code', 'regions.name'])
      .orderBy('n', 'desc')
      .orderBy('regions.code')
      .limit(1)
      .executeTakeFirst(),

  /** Active residents of a village born before `bornBefore`, the co-operative's members. */
  villagers: (db: Executor, village: string, bornBefore: string) =>
    db
      .selectFrom('persons')
      .select('id')
      .where('region_code', 'like', `${village}%`)
      .where('status', '=', 'active')
      .where('birth_date', '<', bornBefore)
      .orderBy('id')
      .execute(),

  insert: async (
    db: Executor,
    rows: {
      collective: Insertable<CollectiveTable>;
      shareholders: Insertable<CollectiveShareholderTable>[];
      incomes: Insertable<CollectiveIncomeTable>[];
      run: Insertable<DividendRunTable>;
      payouts: Insertable<DividendPayoutTable>[];
    },
  ): Promise<void> => {
    await db.insertInto('collectives').values(rows.collective).execute();
    await inChunks(rows.shareholders, (chunk) =>
      db.insertInto('collective_shareholders').values(chunk).execute(),
    );
    await inChunks(rows.incomes, (chunk) => db.insertInto('collective_incomes').values(chunk).execute());
    await db.insertInto('dividend_runs').values(rows.run).execute();
    await inChunks(rows.payouts, (chunk) => db.insertInto('dividend_payouts').values(chunk).execute());
  },
};
