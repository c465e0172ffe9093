import { sql } from 'kysely';
import type { SeekerGroup } from '../../../shared/api/jobs.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';

/**
 * Who the register names as a job seeker, and what "employed" means there (the register records
 * joblessness, not jobs):
 *
 * - **Working age**: from 16 to 59 for men and to 54 for women (the retirement ages of 60 and 55).
 * - **Not employed**: a working-age resident tagged 下岗失业 or 失地农民, or with an active seeker
 *   registration, and not placed by this service (a hire here makes them employed). Everybody
 *   else of working age counts as employed: nothing in the register says otherwise.
 * - **零就业家庭**: a household with a working-age member none of whose working-age members is
 *   employed. Its working-age members are candidates and are served first in matching.
 * - **4050 人员**: women from 40 and men from 50, of working age; a mark on a candidate (an
 *   employed 45-year-old woman is no seeker), filterable like the others.
 * - **Candidates**: active working-age residents in scope who are not employed.
 */
export const JOBLESS_TAGS = ['下岗失业', '失地农民'] as const;
export const GROUP_OF_TAG: Record<(typeof JOBLESS_TAGS)[number], SeekerGroup> = {
  下岗失业: 'laid_off',
  失地农民: 'landless',
};

/** Birth-date bounds (YYYY-MM-DD) of the age rules on one day. */
export interface AgeBounds {
  /** Born on or before: at least 16. */
  youngest: string;
  /** Born after: under 60 (men) / 55 (women). */
  menOldest: string;
  womenOldest: string;
  /** Born on or before: 50 and over (men), 40 and over (women). */
  men4050: string;
  women4050: string;
}

const yearsBefore = (day: string, years: number) => `${Number(day.slice(0, 4)) - years}${day.slice(4)}`;

export function ageBounds(today: string): AgeBounds {
  return {
    youngest: yearsBefore(today, 16),
    menOldest: yearsBefore(today, 60),
    womenOldest: yearsBefore(today, 55),
    men4050: yearsBefore(today, 50),
    women4050: yearsBefore(today, 40),
  };
}

/** SQL: the person under alias `a` is of working age. */
export const workingAge = (a: string, b: AgeBounds) =>
  sql<boolean>`(${sql.ref(`${a}.birth_date`)} <= ${b.youngest} and (
    (${sql.ref(`${a}.gender`)} = 'male' and ${sql.ref(`${a}.birth_date`)} > ${b.menOldest}) or
    (${sql.ref(`${a}.gender`)} = 'female' and ${sql.ref(`${a}.birth_date`)} > ${b.womenOldest})))`;

/** SQL: the person under alias `a` is not employed (see above; working age is checked apart). */
export const notEmployed = (a: string) =>
  sql<boolean>`((exists (select 1 from person_tags jt inner join tags jn on jn.code = jt.tag_code
      where jt.person_id = ${sql.ref(`${a}.id`)} and jn.name in (${sql.join([...JOBLESS_TAGS])}))
    or exists (select 1 from job_seekers js where js.person_id = ${sql.ref(`${a}.id`)} and js.status = 'active'))
    and not exists (select 1 from job_seekers jp where jp.person_id = ${sql.ref(`${a}.id`)} and jp.status = 'placed'))`;

/** SQL: the household of the person under alias `a` is a 零就业家庭. */
export const zeroEmploymentHousehold = (a: string, b: AgeBounds) =>
  sql<boolean>`(${sql.ref(`${a}.household_id`)} is not null and not exists (
    select 1 from persons hm where hm.household_id = ${sql.ref(`${a}.household_id`)}
      and hm.status = 'active' and ${workingAge('hm', b)} and not ${notEmployed('hm')}))`;

/** SQL: the person under alias `a` is 4050 (working age checked apart). */
export const is4050 = (a: string, b: AgeBounds) =>
  sql<boolean>`((${sql.ref(`${a}.gender`)} = 'male' and ${sql.ref(`${a}.birth_date`)} <= ${b.men4050}) or
    (${sql.ref(`${a}.gender`)} = 'female' and ${sql.ref(`${a}.birth_date`)} <= ${b.women4050}))`;

export interface CandidateRow {
  id: string;
  name: string;
  gender: 'male' | 'female';
  birth_date: string;
  region_code: string;
  id_number_enc: string;
  phone_enc: string | null;
  status: 'active';
  zero_employment: number | boolean;
  age_4050: number | boolean;
  seeker_id: string | null;
}

const truthy = (v: number | boolean | string) => v === true || Number(v) === 1;

/** Candidate seekers found from the register (the rules above). */
export const candidatesRepository = {
  /** One page of candidates in scope, by person id; `group` narrows to one reason. */
  page: async (
    db: Executor,
    scope: Scope,
    today: string,
    filter: { group?: SeekerGroup | undefined; after?: string | undefined; limit: number },
  ): Promise<CandidateRow[]> => {
    const b = ageBounds(today);
    let query = db
      .selectFrom('persons as p')
      .leftJoin('job_seekers as s', (join) =>
        join.onRef('s.person_id', '=', 'p.id').onRef('s.district_code', '=', 'p.district_code'),
      )
      .select([
        'p.id',
        'p.name',
        'p.gender',
        'p.birth_date',
        'p.region_code',
        'p.id_number_enc',
        'p.phone_enc',
        sql<'active'>`'active'`.as('status'),
        sql<number>`case when ${zeroEmploymentHousehold('p', b)} then 1 else 0 end`.as('zero_employment'),
        sql<number>`case when ${is4050('p', b)} then 1 else 0 end`.as('age_4050'),
        's.id as seeker_id',
      ])
      .where(scope.covers('p.region_code', { driveIndex: false }))
      .where('p.status', '=', 'active')
      .where(workingAge('p', b))
      .where(notEmployed('p'));
    if (filter.group === 'zero_employment') query = query.where(zeroEmploymentHousehold('p', b));
    if (filter.group === 'age_4050') query = query.where(is4050('p', b));
    if (filter.group === 'laid_off' || filter.group === 'landless') {
      const tag = filter.group === 'laid_off' ? '下岗失业' : '失地农民';
      query = query.where(
        sql<boolean>`exists (select 1 from person_tags ft inner join tags fn on fn.code = ft.tag_code
          where ft.person_id = p.id and fn.name = ${tag})`,
      );
    }
    if (filter.after) query = query.where('p.id', '>', filter.after);
    return query
      .orderBy('p.id')
      .limit(filter.limit + 1)
      .execute();
  },

  /** The 零就业家庭 and 4050 marks of some persons (for seekers shown elsewhere). */
  marksOf: async (
    db: Executor,
    personIds: readonly string[],
    today: string,
  ): Promise<Map<string, { zeroEmployment: boolean; age4050: boolean; tags: string[] }>> => {
    const out = new Map<string, { zeroEmployment: boolean; age4050: boolean; tags: string[] }>();
    if (personIds.length === 0) return out;
    const b = ageBounds(today);
    const rows = await db
      .selectFrom('persons as p')
      .select([
        'p.id',
        sql<number>`case when ${workingAge('p', b)} and ${zeroEmploymentHousehold('p', b)} then 1 else 0 end`.as(
          'zero_employment',
        ),
        sql<number>`case when ${workingAge('p', b)} and ${is4050('p', b)} then 1 else 0 end`.as('age_4050'),
      ])
      .where('p.id', 'in', personIds)
      .execute();
    const tags = await db
      .selectFrom('person_tags')
      .innerJoin('tags', 'tags.code', 'person_tags.tag_code')
      .select(['person_tags.person_id', 'tags.name'])
      .where('person_tags.person_id', 'in', personIds)
      .orderBy('tags.sort')
      .execute();
    for (const row of rows)
      out.set(row.id, {
        zeroEmployment: truthy(row.zero_employment),
        age4050: truthy(row.age_4050),
        tags: tags.filter((t) => t.person_id === row.id).map((t) => t.name),
      });
    return out;
  },
};

/** The groups a person falls in, from their tags and marks. */
export function groupsOf(marks: {
  zeroEmployment: boolean;
  age4050: boolean;
  tags: readonly string[];
}): SeekerGroup[] {
  const groups: SeekerGroup[] = [];
  for (const tag of JOBLESS_TAGS) if (marks.tags.includes(tag)) groups.push(GROUP_OF_TAG[tag]);
  if (marks.zeroEmployment) groups.push('zero_employment');
  if (marks.age4050) groups.push('age_4050');
  return groups;
}

export const isMarked = truthy;
