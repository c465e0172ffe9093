import type { ExpressionBuilder, Insertable, Selectable, Updateable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/tables.js';
import type {
  ReviewEvaluatorTable,
  ReviewRoundTable,
  ReviewScoreTable,
  ReviewUnitTable,
} from './reviews.tables.js';

export type RoundRow = Selectable<ReviewRoundTable>;
export type UnitRow = Selectable<ReviewUnitTable>;
export type EvaluatorRow = Selectable<ReviewEvaluatorTable>;
export type ScoreRow = Selectable<ReviewScoreTable>;

/** The round `r` is held in scope or reviews a unit in scope. */
const readable = (eb: ExpressionBuilder<DB & { r: ReviewRoundTable }, 'r'>, scope: Scope) =>
  eb.or([
    scope.covers('r.region_code'),
    eb.exists(
      eb
        .selectFrom('review_units as u')
        .select('u.id')
        .whereRef('u.round_id', '=', 'r.id')
        .whereRef('u.district_code', '=', 'r.district_code')
        .where(scope.covers('u.region_code')),
    ),
  ]);

/** Review rounds, their units, evaluators and scores. Only this file touches those tables. */
export const reviewsRepository = {
  insertRound: async (db: Executor, row: Insertable<ReviewRoundTable>): Promise<void> => {
    await db.insertInto('review_rounds').values(row).execute();
  },

  /** Scoped by the reviewing region: nothing outside the scope. */
  roundInScope: (db: Executor, scope: Scope, id: string): Promise<RoundRow | undefined> =>
    db
      .selectFrom('review_rounds')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('review_rounds.region_code'))
      .executeTakeFirst(),

  /**
   * A round one may read: held by a region in scope, or reviewing a unit in scope (a community's
   * secretary reads the street's round their community is ranked in, and submits its report).
   */
  roundReadable: (db: Executor, scope: Scope, id: string): Promise<RoundRow | undefined> =>
    db
      .selectFrom('review_rounds as r')
      .selectAll('r')
      .where('r.id', '=', id)
      .where((eb) => readable(eb, scope))
      .executeTakeFirst(),

  /** Unscoped: only after the caller was found to be the round's evaluator, or a unit in scope was read. */
  roundUnscoped: (db: Executor, id: string): Promise<RoundRow | undefined> =>
    db.selectFrom('review_rounds').selectAll().where('id', '=', id).executeTakeFirst(),

  listRounds: (
    db: Executor,
    scope: Scope,
    filter: { region?: string | undefined; year?: number | undefined },
  ) => {
    let query = db
      .selectFrom('review_rounds as r')
      .innerJoin('regions', 'regions.code', 'r.region_code')
      .selectAll('r')
      .select((eb) => [
        'regions.name as region_name',
        eb
          .selectFrom('review_units as u')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('u.round_id', '=', 'r.id')
          .whereRef('u.district_code', '=', 'r.district_code')
          .as('units'),
      ])
      .where((eb) => readable(eb, scope));
    if (filter.year !== undefined) query = query.where('r.year', '=', filter.year);
    return query
      .orderBy('r.year', 'desc')
      .orderBy('r.region_code')
      .orderBy('r.id', 'desc')
      .limit(500)
      .execute();
  },

  regionName: async (db: Executor, code: string): Promise<string> => {
    const row = await db.selectFrom('regions').select('name').where('code', '=', code).executeTakeFirst();
    return row?.name ?? code;
  },

  /** Only an open round changes; the loser of a race (closed meanwhile) changes nothing. */
  updateOpenRound: async (
    db: Executor,
    id: string,
    changes: Updateable<ReviewRoundTable>,
  ): Promise<boolean> => {
    const result = await db
      .updateTable('review_rounds')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  publish: async (db: Executor, id: string, at: string): Promise<boolean> => {
    const result = await db
      .updateTable('review_rounds')
      .set({ status: 'published', published_at: at, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'closed')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  insertUnits: async (db: Executor, rows: Insertable<ReviewUnitTable>[]): Promise<void> => {
    if (rows.length > 0) await db.insertInto('review_units').values(rows).execute();
  },

  units: (db: Executor, roundId: string): Promise<UnitRow[]> =>
    db
      .selectFrom('review_units')
      .selectAll()
      .where('round_id', '=', roundId)
      .orderBy('region_code')
      .execute(),

  /** Scoped by the reviewed region (a community's secretary reaches their own unit). */
  unitInScope: (db: Executor, scope: Scope, id: string): Promise<UnitRow | undefined> =>
    db
      .selectFrom('review_units')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('review_units.region_code'))
      .executeTakeFirst(),

  unitUnscoped: (db: Executor, id: string): Promise<UnitRow | undefined> =>
    db.selectFrom('review_units').selectAll().where('id', '=', id).executeTakeFirst(),

  updateUnit: async (db: Executor, id: string, changes: Updateable<ReviewUnitTable>): Promise<void> => {
    await db.updateTable('review_units').set(changes).where('id', '=', id).execute();
  },

  insertEvaluator: async (db: Executor, row: Insertable<ReviewEvaluatorTable>): Promise<void> => {
    await db.insertInto('review_evaluators').values(row).execute();
  },

  evaluators: (db: Executor, roundId: string): Promise<EvaluatorRow[]> =>
    db
      .selectFrom('review_evaluators')
      .selectAll()
      .where('round_id', '=', roundId)
      .orderBy('evaluator_group')
      .orderBy('user_name')
      .execute(),

  evaluatorOf: (db: Executor, roundId: string, userId: string): Promise<EvaluatorRow | undefined> =>
    db
      .selectFrom('review_evaluators')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('user_id', '=', userId)
      .executeTakeFirst(),

  /** The open rounds a user evaluates, with their naming. */
  openRoundsOfEvaluator: (db: Executor, userId: string) =>
    db
      .selectFrom('review_evaluators as e')
      .innerJoin('review_rounds as r', 'r.id', 'e.round_id')
      .selectAll('r')
      .select(['e.id as evaluator_id', 'e.evaluator_group'])
      .where('e.user_id', '=', userId)
      .where('r.status', '=', 'open')
      .orderBy('r.id', 'desc')
      .limit(100)
      .execute(),

  /** One evaluator's scores of one unit, replacing what they gave before. */
  replaceScores: async (
    db: Executor,
    unitId: string,
    evaluatorId: string,
    rows: Insertable<ReviewScoreTable>[],
  ): Promise<void> => {
    await db
      .deleteFrom('review_scores')
      .where('unit_id', '=', unitId)
      .where('evaluator_id', '=', evaluatorId)
      .execute();
    await db.insertInto('review_scores').values(rows).execute();
  },

  scores: (db: Executor, roundId: string): Promise<ScoreRow[]> =>
    db.selectFrom('review_scores').selectAll().where('round_id', '=', roundId).execute(),

  scoresOfEvaluator: (db: Executor, evaluatorId: string): Promise<ScoreRow[]> =>
    db.selectFrom('review_scores').selectAll().where('evaluator_id', '=', evaluatorId).execute(),
};
