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
    .innerJoin('persons as p', (join) =>
      join.onRef('p.id', '=', 's.person_id').onRef('p.district_code', '=', 's.district_code'),
    )
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
  /** Seekers still looking for work per region of a district (the cockpit's count). */
  activeByRegion: (db: Executor, district: string) =>
    db
      .selectFrom('job_seekers')
      .select((eb) => ['region_code', eb.fn.countAll<number>().as('n')])
      .where('district_code', '=', district)
      .where('status', '=', 'active')
      .groupBy('region_code')
      .execute(),

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

  /** Unscoped: the seekers registered for a fair read in scope (their registration was checked). */
  viewsUnscoped: async (db: Executor, ids: readonly string[]): Promise<SeekerView[]> =>
    ids.length === 0 ? [] : viewQuery(db).where('s.id', 'in', ids).orderBy('s.id').execute(),

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
   * One tier of the exact top-N match (top-seekers.ts): the active seekers of the district in scope
   * who hold exactly `shared` of the job's skills, found on job_seeker_skills' (district, skill)
   * index; `shared` 0 is everybody else (a job without skills: everybody). `alertable` keeps only
   * those a text alert may go to: with a phone and not opted out.
   */
  sharingSkills: (
    db: Executor,
    scope: Scope,
    district: string,
    skills: readonly string[],
    shared: number,
    alertable = false,
  ): Promise<SeekerView[]> => {
    let query = viewQuery(db)
      .where('s.district_code', '=', district)
      .where('s.status', '=', 'active')
      .where(scope.covers('s.region_code', { driveIndex: false }));
    if (alertable) query = query.where('s.sms_opt_out', '=', 0).where('p.phone_enc', 'is not', null);
    if (skills.length === 0) return query.execute();
    if (shared === 0)
      return query
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('job_seeker_skills as k')
                .select('k.seeker_id')
                .whereRef('k.seeker_id', '=', 's.id')
                .whereRef('k.district_code', '=', 's.district_code')
                .where('k.skill', 'in', skills),
            ),
          ),
        )
        .execute();
    const tier = db
      .selectFrom('job_seeker_skills')
      .select('seeker_id')
      .where('district_code', '=', district)
      .where('skill', 'in', skills)
      .groupBy('seeker_id')
      .having(sql<number>`count(*)`, '=', shared);
    return query.innerJoin(tier.as('k'), 'k.seeker_id', 's.id').execute();
  },

  /** Opts a seeker in or out of text alerts (the caller audits). */
  setSmsOptOut: async (db: Executor, id: string, optOut: boolean, at: string): Promise<void> => {
    await db
      .updateTable('job_seekers')
      .set({ sms_opt_out: optOut ? 1 : 0, updated_at: at })
      .where('id', '=', id)
      .execute();
  },

  /** The registrations of a person (a resident on the portal), any district. */
  ofPersonAnywhere: (db: Executor, personId: string) =>
    db.selectFrom('job_seekers').selectAll().where('person_id', '=', personId).orderBy('id').execute(),

  /** The person a registration is made from, in scope, with the household's coordinates. */
  personInScope: (db: Executor, scope: Scope, personId: string) =>
    db
      .selectFrom('persons as p')
      .leftJoin('households as h', (join) =>
        join.onRef('h.id', '=', 'p.household_id').onRef('h.district_code', '=', 'p.district_code'),
      )
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
