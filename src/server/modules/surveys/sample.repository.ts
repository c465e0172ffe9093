import type { Selectable } from 'kysely';
import type { SampleStatus } from '../../../shared/api/surveys.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { SurveySampleTable } from './surveys.tables.js';

export type SampleRowRecord = Selectable<SurveySampleTable>;

/** A sample row as the list shows it: the person's or order's name and number, still encrypted. */
export interface SampleListRow extends SampleRowRecord {
  person_name: string | null;
  person_phone_enc: string | null;
  order_number: string | null;
  order_contact_name: string | null;
  order_phone_enc: string | null;
}

/** The sample rows of surveys. Only this file (and the draw's insert) touches survey_sample. */
export const sampleRepository = {
  /** A survey's rows in a stratum order (stratum, then position), in the caller's scope. */
  list: (
    db: Executor,
    scope: Scope,
    surveyId: string,
    filter: {
      status?: SampleStatus | undefined;
      stratum?: string | undefined;
      after?: [string, number] | undefined;
      limit: number;
    },
  ): Promise<SampleListRow[]> => {
    let query = db
      .selectFrom('survey_sample as s')
      .leftJoin('persons as p', 'p.id', 's.person_id')
      .leftJoin('work_orders as w', 'w.id', 's.work_order_id')
      .selectAll('s')
      .select([
        'p.name as person_name',
        'p.phone_enc as person_phone_enc',
        'w.number as order_number',
        'w.contact_name as order_contact_name',
        'w.contact_phone_enc as order_phone_enc',
      ])
      .where('s.survey_id', '=', surveyId)
      .where(scope.covers('s.region_code'));
    if (filter.status) query = query.where('s.status', '=', filter.status);
    if (filter.stratum) query = query.where('s.stratum_code', '=', filter.stratum);
    if (filter.after) {
      const [stratum, position] = filter.after;
      query = query.where((eb) =>
        eb.or([
          eb('s.stratum_code', '>', stratum),
          eb.and([eb('s.stratum_code', '=', stratum), eb('s.position', '>', position)]),
        ]),
      );
    }
    return query
      .orderBy('s.stratum_code')
      .orderBy('s.position')
      .limit(filter.limit + 1)
      .execute();
  },

  /** Scoped by where the sampled person lives (or the order's place). */
  findInScope: (db: Executor, scope: Scope, id: string): Promise<SampleRowRecord | undefined> =>
    db
      .selectFrom('survey_sample')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('survey_sample.region_code'))
      .executeTakeFirst(),

  /** The stratum's first reserve not yet used: reserves come in the order the seed drew them. */
  nextReserve: (db: Executor, surveyId: string, stratum: string): Promise<SampleRowRecord | undefined> =>
    db
      .selectFrom('survey_sample')
      .selectAll()
      .where('survey_id', '=', surveyId)
      .where('stratum_code', '=', stratum)
      .where('status', '=', 'reserve')
      .orderBy('position')
      .limit(1)
      .executeTakeFirst(),

  /** Brings a reserve in (only once: false if another request took it first). */
  activate: async (db: Executor, id: string, at: string): Promise<boolean> => {
    const result = await db
      .updateTable('survey_sample')
      .set({ status: 'waiting', contacted_at: at })
      .where('id', '=', id)
      .where('status', '=', 'reserve')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Records an outcome on a waiting row; false when it was not waiting any more (a race). */
  settle: async (db: Executor, id: string, status: SampleStatus, day: string): Promise<boolean> => {
    const result = await db
      .updateTable('survey_sample')
      .set({ status, outcome_on: day })
      .where('id', '=', id)
      .where('status', '=', 'waiting')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** The waiting rows of open surveys that name this resident (by register person or phone). */
  waitingFor: (
    db: Executor,
    districtCode: string,
    who: { personId: string | null; phoneIndex: string },
  ): Promise<SampleRowRecord[]> =>
    db
      .selectFrom('survey_sample as s')
      .innerJoin('surveys as v', 'v.id', 's.survey_id')
      .selectAll('s')
      .where('s.district_code', '=', districtCode)
      .where('s.status', '=', 'waiting')
      .where('v.status', '=', 'open')
      .where((eb) =>
        who.personId
          ? eb.or([eb('s.person_id', '=', who.personId), eb('s.phone_bidx', '=', who.phoneIndex)])
          : eb('s.phone_bidx', '=', who.phoneIndex),
      )
      .orderBy('s.survey_id')
      .execute(),

  /** Waiting rows not yet sent a text, with the number to send it to (still encrypted). */
  untexted: (db: Executor, surveyId: string) =>
    db
      .selectFrom('survey_sample as s')
      .leftJoin('persons as p', 'p.id', 's.person_id')
      .leftJoin('work_orders as w', 'w.id', 's.work_order_id')
      .select([
        's.id',
        's.district_code',
        'p.phone_enc as person_phone_enc',
        'w.contact_phone_enc as order_phone_enc',
      ])
      .where('s.survey_id', '=', surveyId)
      .where('s.status', '=', 'waiting')
      .where('s.texted', '=', 0)
      .execute(),

  markTexted: async (db: Executor, ids: string[]) => {
    for (let i = 0; i < ids.length; i += 200)
      await db
        .updateTable('survey_sample')
        .set({ texted: 1 })
        .where('id', 'in', ids.slice(i, i + 200))
        .execute();
  },

  /** Rows still waiting when the survey closes get no outcome: they simply did not answer. */
  counts: (db: Executor, surveyId: string) =>
    db
      .selectFrom('survey_sample')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .where('survey_id', '=', surveyId)
      .groupBy('status')
      .execute(),
};
