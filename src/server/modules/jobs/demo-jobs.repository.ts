import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { EnterpriseTable } from '../../db/tables.js';
import { ageBounds, notEmployed, workingAge } from './candidates.repository.js';
import type { JobRecommendationTable, JobSeekerTable, JobTable } from './jobs.tables.js';

const inChunks = async <T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += 200) await write(rows.slice(i, i + 200));
};

/** Bulk writes for the demo's job service (no counters: the demo recounts everything after). */
export const demoJobsRepository = {
  communities: (db: Executor, district: string) =>
    db
      .selectFrom('regions')
      .select('code')
      .where('kind', 'in', ['community', 'village'])
      .where('code', 'like', `${district}%`)
      .orderBy('code')
      .execute(),

  /** Candidates from the register (see candidates.repository.ts), with their household's place. */
  candidates: (db: Executor, district: string, today: string, limit: number) => {
    const b = ageBounds(today);
    return db
      .selectFrom('persons as p')
      .leftJoin('households as h', (join) =>
        join.onRef('h.id', '=', 'p.household_id').onRef('h.district_code', '=', 'p.district_code'),
      )
      .select([
        'p.id',
        'p.region_code',
        'h.grid_code',
        'h.latitude',
        'h.longitude',
        sql<string | null>`(select min(ra.user_id) from role_assignments ra
          where ra.role = 'grid_worker' and ra.region_code = h.grid_code)`.as('worker'),
      ])
      .where('p.district_code', '=', district)
      .where('p.status', '=', 'active')
      .where(workingAge('p', b))
      .where(notEmployed('p'))
      .orderBy('p.id')
      .limit(limit)
      .execute();
  },

  insertEnterprises: (db: Executor, rows: Insertable<EnterpriseTable>[]) =>
    inChunks(rows, (chunk) => db.insertInto('enterprises').values(chunk).execute()),

  insertJobs: async (db: Executor, rows: Insertable<JobTable>[]) => {
    await inChunks(rows, (chunk) => db.insertInto('jobs').values(chunk).execute());
    const skills = rows.flatMap((r) =>
      (JSON.parse(r.skills) as string[]).map((skill) => ({
        job_id: r.id,
        skill,
        district_code: r.district_code,
      })),
    );
    await inChunks(skills, (chunk) => db.insertInto('job_skills').values(chunk).execute());
  },

  insertSeekers: async (db: Executor, rows: Insertable<JobSeekerTable>[]) => {
    await inChunks(rows, (chunk) => db.insertInto('job_seekers').values(chunk).execute());
    const skills = rows.flatMap((r) =>
      (JSON.parse(r.skills) as string[]).map((skill) => ({
        seeker_id: r.id,
        skill,
        district_code: r.district_code,
      })),
    );
    await inChunks(skills, (chunk) => db.insertInto('job_seeker_skills').values(chunk).execute());
  },

  insertRecommendations: (db: Executor, rows: Insertable<JobRecommendationTable>[]) =>
    inChunks(rows, (chunk) => db.insertInto('job_recommendations').values(chunk).execute()),
};
