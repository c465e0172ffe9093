import type { Insertable, Selectable } from 'kysely';
import { POINTS_SOURCE_KINDS } from '../../../shared/api/points.js';
import type { Executor } from '../../db/database.js';
import type { PointsLedgerTable, PointsRuleTable } from './points.tables.js';

export type LedgerRow = Selectable<PointsLedgerTable>;

/** Rows of one multi-row INSERT: 12 columns each, well under both databases' parameter limits. */
const CHUNK = 200;

/** The points' rule tables, the ledger and the accrual runs: only this file touches them. */
export const pointsRepository = {
  rules: (db: Executor, districtCode: string): Promise<Selectable<PointsRuleTable>[]> =>
    db
      .selectFrom('points_rules')
      .selectAll()
      .where('district_code', '=', districtCode)
      .orderBy('source_kind')
      .execute(),

  replaceRules: async (
    db: Executor,
    districtCode: string,
    rows: readonly Insertable<PointsRuleTable>[],
  ): Promise<void> => {
    await db.deleteFrom('points_rules').where('district_code', '=', districtCode).execute();
    if (rows.length > 0)
      await db
        .insertInto('points_rules')
        .values([...rows])
        .execute();
  },

  /**
   * Takes the district's run row of the year (made on first use) and marks the run: on PostgreSQL
   * the UPDATE holds the row lock until commit, so two accruals of one district and year take
   * turns and the second sees the first's rows.
   */
  holdRun: async (db: Executor, districtCode: string, year: number, at: string): Promise<void> => {
    await db
      .insertInto('points_runs')
      .values({ district_code: districtCode, year, runs: 0, last_run_at: null })
      .onConflict((oc) => oc.columns(['district_code', 'year']).doNothing())
      .execute();
    await db
      .updateTable('points_runs')
      .set((eb) => ({ runs: eb('runs', '+', 1), last_run_at: at }))
      .where('district_code', '=', districtCode)
      .where('year', '=', year)
      .execute();
  },

  lastRun: async (db: Executor, districtCode: string, year: number): Promise<string | null> => {
    const row = await db
      .selectFrom('points_runs')
      .select('last_run_at')
      .where('district_code', '=', districtCode)
      .where('year', '=', year)
      .executeTakeFirst();
    return row?.last_run_at ?? null;
  },

  /** The rule-made rows of a district's year (not the manual ones): what an accrual already did. */
  accruedOf: (db: Executor, districtCode: string, year: number) =>
    db
      .selectFrom('points_ledger')
      .select(['member_id', 'source_kind', 'source_id', 'points'])
      .where('district_code', '=', districtCode)
      .where('year', '=', year)
      .where('source_kind', 'in', [...POINTS_SOURCE_KINDS])
      .execute(),

  /**
   * Inserts the rows not there yet (same member, kind and source): a second run, or a run at the
   * same moment in another process, adds nothing. Answers how many it added.
   */
  insertNew: async (db: Executor, rows: readonly Insertable<PointsLedgerTable>[]): Promise<number> => {
    let added = 0;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const result = await db
        .insertInto('points_ledger')
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) => oc.columns(['member_id', 'source_kind', 'source_id']).doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return added;
  },

  insertOne: async (db: Executor, row: Insertable<PointsLedgerTable>): Promise<void> => {
    await db.insertInto('points_ledger').values(row).execute();
  },

  ofMember: (db: Executor, memberId: string, year: number): Promise<LedgerRow[]> =>
    db
      .selectFrom('points_ledger')
      .selectAll()
      .where('member_id', '=', memberId)
      .where('year', '=', year)
      .orderBy('on_date', 'desc')
      .orderBy('id', 'desc')
      .execute(),

  /** Each member's points of the year per kind: one GROUP BY for an organization's members. */
  sumsOf: async (db: Executor, memberIds: readonly string[], year: number) => {
    if (memberIds.length === 0) return [];
    const rows = await db
      .selectFrom('points_ledger')
      .select((eb) => ['member_id', 'source_kind', eb.fn.sum<number>('points').as('points')])
      .where('member_id', 'in', [...memberIds])
      .where('year', '=', year)
      .groupBy(['member_id', 'source_kind'])
      .execute();
    return rows.map((row) => ({ ...row, points: Number(row.points) }));
  },
};
