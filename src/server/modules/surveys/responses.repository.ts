import { type Insertable, sql } from 'kysely';
import { SATISFIED_FROM } from '../../../shared/api/surveys.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { SurveyAnswerTable, SurveyResponseTable } from './surveys.tables.js';

/** Answers and what results count of them. Only this file touches survey_responses and survey_answers. */
export const responsesRepository = {
  insert: async (
    db: Executor,
    response: Insertable<SurveyResponseTable>,
    answers: Insertable<SurveyAnswerTable>[],
  ): Promise<void> => {
    await db.insertInto('survey_responses').values(response).execute();
    if (answers.length > 0) await db.insertInto('survey_answers').values(answers).execute();
  },

  /** Per stratum of one survey, inside `scope`: answers to the satisfaction question and the satisfied. */
  satisfactionByStratum: (db: Executor, scope: Scope, surveyId: string) =>
    db
      .selectFrom('survey_responses')
      .select((eb) => [
        'region_code',
        eb.fn.count<number>('satisfaction').as('n'),
        eb.fn
          .sum<number>(eb.case().when('satisfaction', '>=', SATISFIED_FROM).then(1).else(0).end())
          .as('satisfied'),
      ])
      .where('survey_id', '=', surveyId)
      .where(scope.covers('survey_responses.region_code'))
      .groupBy('region_code')
      .execute(),

  /** How many chose each option (or scale value) of each question, and answered each question. */
  distribution: (db: Executor, scope: Scope, surveyId: string) =>
    db
      .selectFrom('survey_answers as a')
      .innerJoin('survey_responses as r', 'r.id', 'a.response_id')
      .select((eb) => ['a.question_id', 'a.choice', eb.fn.countAll<number>().as('n')])
      .where('a.survey_id', '=', surveyId)
      .where(scope.covers('r.region_code'))
      .groupBy(['a.question_id', 'a.choice'])
      .execute(),

  answeredPerQuestion: (db: Executor, scope: Scope, surveyId: string) =>
    db
      .selectFrom('survey_answers as a')
      .innerJoin('survey_responses as r', 'r.id', 'a.response_id')
      .select((eb) => ['a.question_id', eb.fn.count<number>(sql`distinct a.response_id`).as('n')])
      .where('a.survey_id', '=', surveyId)
      .where(scope.covers('r.region_code'))
      .groupBy('a.question_id')
      .execute(),

  responses: async (db: Executor, scope: Scope, surveyId: string): Promise<number> => {
    const row = await db
      .selectFrom('survey_responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('survey_id', '=', surveyId)
      .where(scope.covers('survey_responses.region_code'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /**
   * Per district of a city inside `scope`: the satisfaction answers of its closed surveys (closed
   * in [from, to)), pooled, with how many surveys they came from.
   */
  byDistrict: (db: Executor, scope: Scope, city: string, from: string, to: string) =>
    db
      .selectFrom('survey_responses as r')
      .innerJoin('surveys as v', 'v.id', 'r.survey_id')
      .select((eb) => [
        'v.district_code',
        eb.fn.count<number>('r.satisfaction').as('n'),
        eb.fn
          .sum<number>(eb.case().when('r.satisfaction', '>=', SATISFIED_FROM).then(1).else(0).end())
          .as('satisfied'),
        eb.fn.count<number>(sql`distinct v.id`).as('surveys'),
      ])
      .where('v.status', '=', 'closed')
      .where('v.closed_at', '>=', from)
      .where('v.closed_at', '<', to)
      .where('v.district_code', 'like', `${city}%`)
      .where(scope.covers('v.region_code'))
      .groupBy('v.district_code')
      .execute(),
};
