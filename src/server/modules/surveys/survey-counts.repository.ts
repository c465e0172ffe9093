import { SATISFIED_FROM } from '../../../shared/api/surveys.js';
import type { Executor } from '../../db/database.js';

/** What the cockpit counts of the answers (survey-counters.ts). */
export const surveyCountsRepository = {
  /** Satisfaction answers per survey and region of a district's surveys closed since `closedSince`. */
  satisfactionCells: (db: Executor, district: string, closedSince: string) =>
    db
      .selectFrom('survey_responses as r')
      .innerJoin('surveys as v', (join) =>
        join.onRef('v.id', '=', 'r.survey_id').onRef('v.district_code', '=', 'r.district_code'),
      )
      .select((eb) => [
        'r.survey_id',
        'r.region_code',
        'v.anonymous',
        eb.fn.count<number>('r.satisfaction').as('n'),
        eb.fn
          .sum<number>(eb.case().when('r.satisfaction', '>=', SATISFIED_FROM).then(1).else(0).end())
          .as('satisfied'),
      ])
      .where('v.district_code', '=', district)
      .where('v.status', '=', 'closed')
      .where('v.closed_at', '>=', closedSince)
      .groupBy(['r.survey_id', 'r.region_code', 'v.anonymous'])
      .execute(),
};
