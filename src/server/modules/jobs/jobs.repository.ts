import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { Enterprise } from '../../db/tables.js';
import type { JobTable } from './jobs.tables.js';

export type JobRow = Selectable<JobTable>;
export type JobView = JobRow & { enterprise_name: string; region_name: string };

const viewQuery = (db: Executor) =>
  db
    .selectFrom('jobs as j')
    .innerJoin('enterprises as e', 'e.id', 'j.enterprise_id')
    .innerJoin('regions as r', 'r.code', 'j.region_code')
    .selectAll('j')
    .select(['e.name as enterprise_name', 'r.name as region_name']);

export interface JobFilter {
  q?: string | undefined;
  enterprise?: string | undefined;
  /** Only open jobs valid on this day (YYYY-MM-DD). */
  openOn?: string | undefined;
  after?: string | undefined;
  limit: number;
}

/** Jobs, their skills and the enterprises' contacts. Only this file touches those tables. */
export const jobsRepository = {
  insert: async (db: Executor, row: Insertable<JobTable>, skills: readonly string[]): Promise<void> => {
    await db.insertInto('jobs').values(row).execute();
    await jobsRepository.replaceSkills(db, row.id, row.district_code, skills);
  },

  update: async (db: Executor, id: string, changes: Updateable<JobTable>): Promise<void> => {
    await db.updateTable('jobs').set(changes).where('id', '=', id).execute();
  },

  replaceSkills: async (db: Executor, jobId: string, district: string, skills: readonly string[]) => {
    await db.deleteFrom('job_skills').where('job_id', '=', jobId).execute();
    if (skills.length > 0)
      await db
        .insertInto('job_skills')
        .values(skills.map((skill) => ({ job_id: jobId, skill, district_code: district })))
        .execute();
  },

  findInScope: (db: Executor, scope: Scope, id: string): Promise<JobRow | undefined> =>
    db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('jobs.region_code'))
      .executeTakeFirst(),

  /** Unscoped: reads a job back after a scoped check or a write, or one of a contact's enterprise. */
  viewUnscoped: (db: Executor, id: string): Promise<JobView | undefined> =>
    viewQuery(db).where('j.id', '=', id).executeTakeFirst(),

  /** Unscoped: the jobs brought to a fair read in scope. */
  viewsUnscoped: async (db: Executor, ids: readonly string[]): Promise<JobView[]> =>
    ids.length === 0 ? [] : viewQuery(db).where('j.id', 'in', ids).orderBy('j.id').execute(),

  list: (db: Executor, scope: Scope, filter: JobFilter): Promise<JobView[]> => {
    let query = viewQuery(db).where(scope.covers('j.region_code', { driveIndex: false }));
    if (filter.enterprise) query = query.where('j.enterprise_id', '=', filter.enterprise);
    if (filter.q) query = query.where('j.title', 'like', `%${filter.q}%`);
    if (filter.openOn)
      query = query.where('j.status', '=', 'open').where('j.valid_until', '>=', filter.openOn);
    if (filter.after) query = query.where('j.id', '<', filter.after);
    return query
      .orderBy('j.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  /** The jobs of the enterprises a contact is linked to, newest first. */
  ofContact: (db: Executor, userId: string, after: string | undefined, limit: number): Promise<JobView[]> => {
    let query = viewQuery(db).where('j.enterprise_id', 'in', (eb) =>
      eb.selectFrom('enterprise_contacts').select('enterprise_id').where('user_id', '=', userId),
    );
    if (after) query = query.where('j.id', '<', after);
    return query
      .orderBy('j.id', 'desc')
      .limit(limit + 1)
      .execute();
  },

  /**
   * Open, unexpired jobs in scope sharing a skill with the seeker (most shared first), for the
   * reverse match: the prefilter runs on job_skills' index, and only these are scored.
   */
  candidatesForSeeker: async (
    db: Executor,
    scope: Scope,
    district: string,
    skills: readonly string[],
    today: string,
    limit: number,
  ): Promise<JobView[]> => {
    if (skills.length === 0)
      return viewQuery(db)
        .where('j.district_code', '=', district)
        .where('j.status', '=', 'open')
        .where('j.valid_until', '>=', today)
        .where(scope.covers('j.region_code'))
        .orderBy('j.id', 'desc')
        .limit(limit)
        .execute();
    const shared = db
      .selectFrom('job_skills')
      .select(['job_id', sql<number>`count(*)`.as('shared')])
      .where('district_code', '=', district)
      .where('skill', 'in', skills)
      .groupBy('job_id');
    return viewQuery(db)
      .innerJoin(shared.as('s'), 's.job_id', 'j.id')
      .where('j.status', '=', 'open')
      .where('j.valid_until', '>=', today)
      .where(scope.covers('j.region_code'))
      .orderBy('s.shared', 'desc')
      .orderBy('j.id', 'desc')
      .limit(limit)
      .execute();
  },

  // ---- enterprises and their contacts ----

  enterpriseInScope: (db: Executor, scope: Scope, id: string): Promise<Enterprise | undefined> =>
    db
      .selectFrom('enterprises')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('enterprises.region_code'))
      .executeTakeFirst(),

  /** The enterprise when this user is its contact (the link, not a region, is what grants it). */
  enterpriseOfContact: (
    db: Executor,
    userId: string,
    enterpriseId: string,
  ): Promise<Enterprise | undefined> =>
    db
      .selectFrom('enterprises as e')
      .innerJoin('enterprise_contacts as c', 'c.enterprise_id', 'e.id')
      .selectAll('e')
      .where('c.user_id', '=', userId)
      .where('e.id', '=', enterpriseId)
      .executeTakeFirst(),

  enterprisesOfContact: (db: Executor, userId: string) =>
    db
      .selectFrom('enterprises as e')
      .innerJoin('enterprise_contacts as c', 'c.enterprise_id', 'e.id')
      .select(['e.id', 'e.name', 'e.region_code', 'c.user_id'])
      .where('c.user_id', '=', userId)
      .orderBy('e.name')
      .execute(),

  /** A staff account that holds the enterprise-contact role somewhere in scope. */
  contactAccountInScope: (db: Executor, scope: Scope, userId: string) =>
    db
      .selectFrom('role_assignments')
      .select('user_id')
      .where('user_id', '=', userId)
      .where('role', '=', 'enterprise_contact')
      .where(scope.covers('role_assignments.region_code'))
      .executeTakeFirst(),

  linkContact: async (
    db: Executor,
    row: { user_id: string; enterprise_id: string; district_code: string; created_at: string },
  ) => {
    await db
      .insertInto('enterprise_contacts')
      .values(row)
      .onConflict((oc) => oc.columns(['district_code', 'user_id', 'enterprise_id']).doNothing())
      .execute();
  },

  /** A hire fills one opening; the job is filled when none is left. */
  fillOne: async (db: Executor, id: string, at: string): Promise<void> => {
    await db
      .updateTable('jobs')
      .set((eb) => ({
        filled: eb('filled', '+', 1),
        status: sql<
          'open' | 'filled' | 'closed'
        >`case when filled + 1 >= openings then 'filled' else status end`,
        updated_at: at,
      }))
      .where('id', '=', id)
      .execute();
  },
};
