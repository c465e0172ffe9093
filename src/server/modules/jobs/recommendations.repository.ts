import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { JobRecommendationTable } from './jobs.tables.js';

export type RecommendationRow = Selectable<JobRecommendationTable>;
export type RecommendationView = RecommendationRow & {
  job_title: string;
  enterprise_name: string;
  seeker_name: string;
  seeker_phone_enc: string | null;
  seeker_person_status: string;
};

const viewQuery = (db: Executor) =>
  db
    .selectFrom('job_recommendations as r')
    .innerJoin('jobs as j', 'j.id', 'r.job_id')
    .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .innerJoin('job_seekers as s', 's.id', 'r.seeker_id')
    .innerJoin('persons as p', 'p.id', 's.person_id')
    .selectAll('r')
    .select([
      'j.title as job_title',
      'e.name as enterprise_name',
      'p.name as seeker_name',
      'p.phone_enc as seeker_phone_enc',
      'p.status as seeker_person_status',
    ]);

/** Recommendations of seekers for jobs and their outcomes. Only this file touches the table. */
export const recommendationsRepository = {
  insert: async (db: Executor, row: Insertable<JobRecommendationTable>): Promise<void> => {
    await db.insertInto('job_recommendations').values(row).execute();
  },

  /** Moves a recommendation on only from the status it was read in (a concurrent step loses). */
  transition: async (
    db: Executor,
    id: string,
    from: RecommendationRow['status'],
    changes: Updateable<JobRecommendationTable>,
  ): Promise<boolean> => {
    const result = await db
      .updateTable('job_recommendations')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Scoped by the seeker's region: the case worker's side. */
  findInScope: (db: Executor, scope: Scope, id: string): Promise<RecommendationRow | undefined> =>
    db
      .selectFrom('job_recommendations')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('job_recommendations.region_code'))
      .executeTakeFirst(),

  /** The enterprise's side: a recommendation to an enterprise this user is a contact of. */
  findOfContact: (db: Executor, userId: string, id: string): Promise<RecommendationRow | undefined> =>
    db
      .selectFrom('job_recommendations as r')
      .innerJoin('enterprise_contacts as c', 'c.enterprise_id', 'r.enterprise_id')
      .selectAll('r')
      .where('r.id', '=', id)
      .where('c.user_id', '=', userId)
      .executeTakeFirst(),

  ofPair: (db: Executor, jobId: string, seekerId: string) =>
    db
      .selectFrom('job_recommendations')
      .select('id')
      .where('job_id', '=', jobId)
      .where('seeker_id', '=', seekerId)
      .executeTakeFirst(),

  viewUnscoped: (db: Executor, id: string): Promise<RecommendationView | undefined> =>
    viewQuery(db).where('r.id', '=', id).executeTakeFirst(),

  list: (
    db: Executor,
    scope: Scope,
    filter: {
      job?: string | undefined;
      seeker?: string | undefined;
      after?: string | undefined;
      limit: number;
    },
  ): Promise<RecommendationView[]> => {
    let query = viewQuery(db).where(scope.covers('r.region_code', { driveIndex: false }));
    if (filter.job) query = query.where('r.job_id', '=', filter.job);
    if (filter.seeker) query = query.where('r.seeker_id', '=', filter.seeker);
    if (filter.after) query = query.where('r.id', '<', filter.after);
    return query
      .orderBy('r.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  ofContact: (
    db: Executor,
    userId: string,
    after: string | undefined,
    limit: number,
  ): Promise<RecommendationView[]> => {
    let query = viewQuery(db).where('r.enterprise_id', 'in', (eb) =>
      eb.selectFrom('enterprise_contacts').select('enterprise_id').where('user_id', '=', userId),
    );
    if (after) query = query.where('r.id', '<', after);
    return query
      .orderBy('r.id', 'desc')
      .limit(limit + 1)
      .execute();
  },

  /** The statuses of the recommendations among some jobs and seekers (for match lists). */
  statusesOf: async (
    db: Executor,
    pairs: { jobIds: readonly string[]; seekerIds: readonly string[] },
  ): Promise<Map<string, RecommendationRow['status']>> => {
    const out = new Map<string, RecommendationRow['status']>();
    if (pairs.jobIds.length === 0 || pairs.seekerIds.length === 0) return out;
    const rows = await db
      .selectFrom('job_recommendations')
      .select(['job_id', 'seeker_id', 'status'])
      .where('job_id', 'in', pairs.jobIds)
      .where('seeker_id', 'in', pairs.seekerIds)
      .execute();
    for (const row of rows) out.set(`${row.job_id}|${row.seeker_id}`, row.status);
    return out;
  },

  /** Placements (hires) of a district with the seeker's region and the month: the counters' rebuild. */
  hires: (db: Executor, district: string) =>
    db
      .selectFrom('job_recommendations')
      .select(['region_code', 'decided_at'])
      .where('district_code', '=', district)
      .where('status', '=', 'hired')
      .execute(),
};
