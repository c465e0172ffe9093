import type { Insertable, Selectable, Updateable } from 'kysely';
import type { SurveyStatus } from '../../../shared/api/surveys.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { SurveyQuestionTable, SurveyStratumTable, SurveyTable } from './surveys.tables.js';

export type SurveyRow = Selectable<SurveyTable>;
export type QuestionRow = Selectable<SurveyQuestionTable>;
export type StratumRow = Selectable<SurveyStratumTable> & { reservesUsed: number; answered: number };

/** Surveys, their questions and strata. Only this file touches those tables. */
export const surveysRepository = {
  insert: async (db: Executor, row: Insertable<SurveyTable>): Promise<void> => {
    await db.insertInto('surveys').values(row).execute();
  },

  /** Scoped by the survey's region: nothing outside the scope. */
  findInScope: (db: Executor, scope: Scope, id: string): Promise<SurveyRow | undefined> =>
    db
      .selectFrom('surveys')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('surveys.region_code'))
      .executeTakeFirst(),

  /** Read back by id after a scoped check, or for a resident whose own sample row names it. */
  findUnscoped: (db: Executor, id: string): Promise<SurveyRow | undefined> =>
    db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst(),

  list: (
    db: Executor,
    scope: Scope,
    filter: { status?: SurveyStatus | undefined; after?: string | undefined; limit: number },
  ): Promise<SurveyRow[]> => {
    let query = db.selectFrom('surveys').selectAll().where(scope.covers('surveys.region_code'));
    if (filter.status) query = query.where('status', '=', filter.status);
    // Newest first: ids are UUIDv7.
    if (filter.after) query = query.where('id', '<', filter.after);
    return query
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  /** Changes a survey only from the status it was read in; false for the loser of a race. */
  updateFrom: async (
    db: Executor,
    id: string,
    status: SurveyStatus,
    changes: Updateable<SurveyTable>,
  ): Promise<boolean> => {
    const result = await db
      .updateTable('surveys')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', status)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  replaceQuestions: async (db: Executor, surveyId: string, rows: Insertable<SurveyQuestionTable>[]) => {
    await db.deleteFrom('survey_questions').where('survey_id', '=', surveyId).execute();
    if (rows.length > 0) await db.insertInto('survey_questions').values(rows).execute();
  },

  questions: (db: Executor, surveyId: string): Promise<QuestionRow[]> =>
    db
      .selectFrom('survey_questions')
      .selectAll()
      .where('survey_id', '=', surveyId)
      .orderBy('position')
      .execute(),

  insertStrata: async (db: Executor, rows: Insertable<SurveyStratumTable>[]) => {
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('survey_strata')
        .values(rows.slice(i, i + 200))
        .execute();
  },

  /** The strata with how many reserves came in and how many answered so far. */
  strata: async (db: Executor, surveyId: string): Promise<StratumRow[]> => {
    const [strata, counts] = await Promise.all([
      db
        .selectFrom('survey_strata')
        .selectAll()
        .where('survey_id', '=', surveyId)
        .orderBy('region_code')
        .execute(),
      db
        .selectFrom('survey_sample')
        .select((eb) => [
          'stratum_code',
          eb.fn
            .sum<number>(
              eb
                .case()
                .when(eb.and([eb('reserve', '=', 1), eb('status', '<>', 'reserve')]))
                .then(1)
                .else(0)
                .end(),
            )
            .as('used'),
          eb.fn.sum<number>(eb.case().when('status', '=', 'answered').then(1).else(0).end()).as('answered'),
        ])
        .where('survey_id', '=', surveyId)
        .groupBy('stratum_code')
        .execute(),
    ]);
    const byCode = new Map(counts.map((c) => [c.stratum_code, c]));
    return strata.map((s) => ({
      ...s,
      reservesUsed: Number(byCode.get(s.region_code)?.used ?? 0),
      answered: Number(byCode.get(s.region_code)?.answered ?? 0),
    }));
  },
};
