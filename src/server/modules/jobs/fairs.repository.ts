import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { JobFairTable } from './jobs.tables.js';

export type FairRow = Selectable<JobFairTable>;
export type FairView = FairRow & {
  region_name: string;
  enterprises: number | string;
  seekers: number | string;
};

const viewQuery = (db: Executor) =>
  db
    .selectFrom('job_fairs as f')
    .innerJoin('regions as r', 'r.code', 'f.region_code')
    .selectAll('f')
    .select([
      'r.name as region_name',
      sql<number>`(select count(*) from job_fair_enterprises fe where fe.fair_id = f.id)`.as('enterprises'),
      sql<number>`(select count(*) from job_fair_seekers fs where fs.fair_id = f.id)`.as('seekers'),
    ]);

/** Job fairs (招聘会, 农民办事大集), who attends and what they bring. Only this file touches those tables. */
export const fairsRepository = {
  insert: async (db: Executor, row: Insertable<JobFairTable>): Promise<void> => {
    await db.insertInto('job_fairs').values(row).execute();
  },

  update: async (db: Executor, id: string, changes: Updateable<JobFairTable>): Promise<void> => {
    await db.updateTable('job_fairs').set(changes).where('id', '=', id).execute();
  },

  findInScope: (db: Executor, scope: Scope, id: string): Promise<FairRow | undefined> =>
    db
      .selectFrom('job_fairs')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('job_fairs.region_code'))
      .executeTakeFirst(),

  /** Unscoped: a fair read after a scoped check, or found through an enterprise's district. */
  findUnscoped: (db: Executor, id: string): Promise<FairRow | undefined> =>
    db.selectFrom('job_fairs').selectAll().where('id', '=', id).executeTakeFirst(),

  viewUnscoped: (db: Executor, id: string): Promise<FairView | undefined> =>
    viewQuery(db).where('f.id', '=', id).executeTakeFirst(),

  list: (
    db: Executor,
    scope: Scope,
    filter: { status?: FairRow['status'] | undefined; after?: string | undefined; limit: number },
  ): Promise<FairView[]> => {
    let query = viewQuery(db).where(scope.covers('f.region_code', { driveIndex: false }));
    if (filter.status) query = query.where('f.status', '=', filter.status);
    if (filter.after) query = query.where('f.id', '<', filter.after);
    return query
      .orderBy('f.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  /**
   * Planned or open fairs held over the place of one of a contact's enterprises (the fair's region
   * contains the enterprise's: its community, street or district), newest first.
   */
  openToContact: (db: Executor, userId: string, after: string | undefined, limit: number) => {
    let query = viewQuery(db)
      .where('f.status', 'in', ['planned', 'open'])
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('enterprise_contacts as c')
            .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
            .select('c.enterprise_id')
            .where('c.user_id', '=', userId)
            .where(sql<boolean>`e.region_code like f.region_code || '%'`),
        ),
      );
    if (after) query = query.where('f.id', '<', after);
    return query
      .orderBy('f.id', 'desc')
      .limit(limit + 1)
      .execute();
  },

  addEnterprise: async (
    db: Executor,
    row: {
      fair_id: string;
      enterprise_id: string;
      district_code: string;
      registered_by: string | null;
      created_at: string;
    },
  ): Promise<void> => {
    await db
      .insertInto('job_fair_enterprises')
      .values(row)
      .onConflict((oc) => oc.columns(['fair_id', 'enterprise_id']).doNothing())
      .execute();
  },

  addJobs: async (
    db: Executor,
    rows: { fair_id: string; job_id: string; enterprise_id: string; district_code: string }[],
  ): Promise<void> => {
    if (rows.length === 0) return;
    await db
      .insertInto('job_fair_jobs')
      .values(rows)
      .onConflict((oc) => oc.columns(['fair_id', 'job_id']).doNothing())
      .execute();
  },

  addSeeker: async (
    db: Executor,
    row: {
      fair_id: string;
      seeker_id: string;
      district_code: string;
      registered_by: string | null;
      created_at: string;
    },
  ): Promise<void> => {
    await db.insertInto('job_fair_seekers').values(row).execute();
  },

  hasSeeker: (db: Executor, fairId: string, seekerId: string) =>
    db
      .selectFrom('job_fair_seekers')
      .select('seeker_id')
      .where('fair_id', '=', fairId)
      .where('seeker_id', '=', seekerId)
      .executeTakeFirst(),

  seekerCount: async (db: Executor, fairId: string): Promise<number> =>
    Number(
      (
        await db
          .selectFrom('job_fair_seekers')
          .select(sql<number>`count(*)`.as('n'))
          .where('fair_id', '=', fairId)
          .executeTakeFirstOrThrow()
      ).n,
    ),

  hasJob: (db: Executor, fairId: string, jobId: string) =>
    db
      .selectFrom('job_fair_jobs')
      .select('job_id')
      .where('fair_id', '=', fairId)
      .where('job_id', '=', jobId)
      .executeTakeFirst(),

  enterprisesOf: (db: Executor, fairId: string) =>
    db
      .selectFrom('job_fair_enterprises as fe')
      .innerJoin('enterprises as e', 'e.id', 'fe.enterprise_id')
      .select(['e.id', 'e.name'])
      .where('fe.fair_id', '=', fairId)
      .orderBy('e.name')
      .execute(),

  jobIdsOf: async (db: Executor, fairId: string): Promise<string[]> =>
    (
      await db
        .selectFrom('job_fair_jobs')
        .select('job_id')
        .where('fair_id', '=', fairId)
        .orderBy('job_id')
        .execute()
    ).map((r) => r.job_id),

  seekerIdsOf: async (db: Executor, fairId: string): Promise<string[]> =>
    (
      await db
        .selectFrom('job_fair_seekers')
        .select('seeker_id')
        .where('fair_id', '=', fairId)
        .orderBy('seeker_id')
        .execute()
    ).map((r) => r.seeker_id),

  /** What came of the fair: recommendations naming it, interviews among them, hires. */
  results: async (db: Executor, fairId: string) => {
    const row = await db
      .selectFrom('job_recommendations')
      .select([
        sql<number>`count(*)`.as('recommendations'),
        sql<number>`coalesce(sum(case when interview_at is not null or status in ('interviewing', 'no_show') then 1 else 0 end), 0)`.as(
          'interviews',
        ),
        sql<number>`coalesce(sum(case when status = 'hired' then 1 else 0 end), 0)`.as('hires'),
      ])
      .where('fair_id', '=', fairId)
      .executeTakeFirstOrThrow();
    return {
      recommendations: Number(row.recommendations),
      interviews: Number(row.interviews),
      hires: Number(row.hires),
    };
  },
};
