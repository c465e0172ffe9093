import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { Person } from '../../db/tables.js';
import type { JobSeekerTable } from './jobs.tables.js';

export type SeekerRow = Selectable<JobSeekerTable>;
export type SeekerView = SeekerRow & {
  name: string;
  gender: 'male' | 'female';
  birth_date: string;
  id_number_enc: string;
  phone_enc: string | null;
  person_status: Person['status'];
  case_worker_name: string | null;
};

const viewQuery = (db: Executor) =>
  db
    .selectFrom('job_seekers as s')
    .innerJoin('persons as p', 'p.id', 's.person_id')
    .leftJoin('users as u', 'u.id', 's.case_worker_id')
    .selectAll('s')
    .select([
      'p.name',
      'p.gender',
      'p.birth_date',
      'p.id_number_enc',
      'p.phone_enc',
      'p.status as person_status',
      'u.display_name as case_worker_name',
    ]);

/** Seeker registrations (求职登记) and their skills. Only this file touches those tables. */
export const seekersRepository = {
  insert: async (db: Executor, row: Insertable<JobSeekerTable>, skills: readonly string[]): Promise<void> => {
    await db.insertInto('job_seekers').values(row).execute();
    await seekersRepository.replaceSkills(db, row.id, row.district_code, skills);
  },

  update: async (db: Executor, id: string, changes: Updateable<JobSeekerTable>): Promise<void> => {
    await db.updateTable('job_seekers').set(changes).where('id', '=', id).execute();
  },

  replaceSkills: async (db: Executor, seekerId: string, district: string, skills: readonly string[]) => {
    await db.deleteFrom('job_seeker_skills').where('seeker_id', '=', seekerId).execute();
    if (skills.length > 0)
      await db
        .insertInto('job_seeker_skills')
        .values(skills.map((skill) => ({ seeker_id: seekerId, skill, district_code: district })))
        .execute();
  },

  findInScope: (db: Executor, scope: Scope, id: string): Promise<SeekerRow | undefined> =>
    db
      .selectFrom('job_seekers')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('job_seekers.region_code'))
      .executeTakeFirst(),

  /** Unscoped: reads a seeker back after a scoped check or a write. */
  viewUnscoped: (db: Executor, id: string): Promise<SeekerView | undefined> =>
    viewQuery(db).where('s.id', '=', id).executeTakeFirst(),

  ofPerson: (db: Executor, district: string, personId: string) =>
    db
      .selectFrom('job_seekers')
      .select('id')
      .where('district_code', '=', district)
      .where('person_id', '=', personId)
      .executeTakeFirst(),

  list: (
    db: Executor,
    scope: Scope,
    filter: {
      q?: string | undefined;
      status?: SeekerRow['status'] | undefined;
      after?: string | undefined;
      limit: number;
    },
  ): Promise<SeekerView[]> => {
    let query = viewQuery(db).where(scope.covers('s.region_code', { driveIndex: false }));
    if (filter.status) query = query.where('s.status', '=', filter.status);
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) =>
        eb.or([eb('p.name', 'like', `%${q}%`), eb('p.name_pinyin', 'like', `${q.toLowerCase()}%`)]),
      );
    }
    if (filter.after) query = query.where('s.id', '<', filter.after);
    return query
      .orderBy('s.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  /**
   * The matching prefilter: active seekers in scope and in the job's district who share at least
   * one skill with it, most shared first, at most `limit` — found on job_seeker_skills' index, so
   * a district of 100,000 seekers is never scored whole. A job without skills takes the seekers of
   * its own street first (then the rest of scope).
   */
  candidatesForJob: async (
    db: Executor,
    scope: Scope,
    district: string,
    skills: readonly string[],
    street: string,
    limit: number,
  ): Promise<SeekerView[]> => {
    if (skills.length === 0)
      return viewQuery(db)
        .where('s.district_code', '=', district)
        .where('s.status', '=', 'active')
        .where(scope.covers('s.region_code'))
        .orderBy(sql`case when s.region_code like ${`${street}%`} then 0 else 1 end`)
        .orderBy('s.id')
        .limit(limit)
        .execute();
    const shared = db
      .selectFrom('job_seeker_skills')
      .select(['seeker_id', sql<number>`count(*)`.as('shared')])
      .where('district_code', '=', district)
      .where('skill', 'in', skills)
      .groupBy('seeker_id');
    return viewQuery(db)
      .innerJoin(shared.as('k'), 'k.seeker_id', 's.id')
      .where('s.status', '=', 'active')
      .where(scope.covers('s.region_code'))
      .orderBy('k.shared', 'desc')
      .orderBy('s.id')
      .limit(limit)
      .execute();
  },

  /** The person a registration is made from, in scope, with the household's coordinates. */
  personInScope: (db: Executor, scope: Scope, personId: string) =>
    db
      .selectFrom('persons as p')
      .leftJoin('households as h', 'h.id', 'p.household_id')
      .select(['p.id', 'p.district_code', 'p.region_code', 'p.status', 'h.latitude', 'h.longitude'])
      .where('p.id', '=', personId)
      .where(scope.covers('p.region_code'))
      .executeTakeFirst(),

  /** A staff account whose own region lies in the district (a case worker of the seeker's district). */
  caseWorkerInDistrict: (db: Executor, district: string, userId: string) =>
    db
      .selectFrom('users')
      .select('id')
      .where('id', '=', userId)
      .where('district_code', '=', district)
      .where('status', '=', 'active')
      .executeTakeFirst(),

  countRefusalWithoutCause: async (db: Executor, id: string, at: string): Promise<void> => {
    await db
      .updateTable('job_seekers')
      .set((eb) => ({ refusals_without_cause: eb('refusals_without_cause', '+', 1), updated_at: at }))
      .where('id', '=', id)
      .execute();
  },
};
