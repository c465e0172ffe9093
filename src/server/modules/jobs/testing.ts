import { v7 as uuidv7 } from 'uuid';
import { fairSchema, jobSchema, recommendationSchema, seekerSchema } from '../../../shared/api/jobs.js';
import { districtOf } from '../../../shared/region-code.js';
import { creditCodeCheckChar } from '../../../shared/validators/index.js';
import { QINGNIAN, SHANGHAI_XINCUN, type TestEnv } from '../../testing/test-env.js';

/**
 * Fixtures of the job-service tests: enterprises, households and persons written straight into
 * the register's tables with exact ages and tags (the register owns their real write paths), a
 * job body, and seekers registered through the API.
 */

let serial = 100_000;

export async function createEnterprise(
  env: TestEnv,
  regionCode: string,
  name = '平房机械厂',
): Promise<string> {
  serial += 1;
  const district = districtOf(regionCode);
  const first17 = `91${district}MA1${String(serial).padStart(6, '0')}`;
  const id = uuidv7();
  const now = env.now().toISOString();
  await env.database.db
    .insertInto('enterprises')
    .values({
      id,
      district_code: district,
      region_code: regionCode,
      name: `${name}${serial}`,
      credit_code: first17 + creditCodeCheckChar(first17),
      address: '',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A YYYY-MM-DD birth date `years` (and a day) before today: exactly `years` old. */
export const bornYearsAgo = (env: TestEnv, years: number): string => {
  const today = env.now().toISOString().slice(0, 10);
  const day = new Date(`${Number(today.slice(0, 4)) - years}${today.slice(4)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
};

export interface PersonSpec {
  name: string;
  gender: 'male' | 'female';
  age: number;
  tags?: string[];
}

let idSerial = 1000;

/** A household in a building (or grid) with its people; returns their ids in order. */
export async function createHousehold(
  env: TestEnv,
  regionCode: string,
  gridCode: string,
  people: PersonSpec[],
  coordinates: { latitude: number; longitude: number } | null = null,
): Promise<{ householdId: string; personIds: string[] }> {
  const db = env.database.db;
  const district = districtOf(regionCode);
  const now = env.now().toISOString();
  const householdId = uuidv7();
  await db
    .insertInto('households')
    .values({
      id: householdId,
      district_code: district,
      region_code: regionCode,
      grid_code: gridCode,
      unit: '1',
      floor: 1,
      room: String(idSerial),
      address: `测试地址${idSerial}`,
      latitude: coordinates?.latitude ?? null,
      longitude: coordinates?.longitude ?? null,
      head_person_id: null,
      overview: '',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const personIds: string[] = [];
  for (const [i, p] of people.entries()) {
    idSerial += 1;
    const id = uuidv7();
    const idNumber = `${district}${bornYearsAgo(env, p.age).replaceAll('-', '')}${String(idSerial).slice(-3)}X`;
    const phone = `139${String(10_000_000 + idSerial).slice(-8)}`;
    await db
      .insertInto('persons')
      .values({
        id,
        district_code: district,
        region_code: regionCode,
        household_id: householdId,
        name: p.name,
        name_pinyin: '',
        name_initials: '',
        gender: p.gender,
        birth_date: bornYearsAgo(env, p.age),
        ethnicity: '汉族',
        relation: i === 0 ? '户主' : '其他',
        id_number_enc: env.ctx.crypto.encrypt('person.id_number', idNumber),
        id_number_bidx: env.ctx.crypto.blindIndex('person.id_number', idNumber),
        phone_enc: env.ctx.crypto.encrypt('person.phone', phone),
        phone_bidx: env.ctx.crypto.blindIndex('person.phone', phone),
        phone_last4_bidx: env.ctx.crypto.blindIndex('person.phone_last4', phone.slice(-4)),
        registered_address: '',
        current_address: '',
        note: '',
        status: 'active',
        row_hash: 'test',
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const tag of p.tags ?? []) {
      const code = (
        await db.selectFrom('tags').select('code').where('name', '=', tag).executeTakeFirstOrThrow()
      ).code;
      await db
        .insertInto('person_tags')
        .values({ person_id: id, tag_code: code, district_code: district })
        .execute();
    }
    personIds.push(id);
  }
  return { householdId, personIds };
}

export function jobBodyFor(
  env: TestEnv,
  enterpriseId: string,
  regionCode: string,
  overrides: Record<string, unknown> = {},
) {
  const inDays = (n: number) => new Date(env.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);
  return {
    enterpriseId,
    title: '设备维修电工',
    description: '负责车间设备日常维修',
    openings: 2,
    skills: ['电工', '焊工', '叉车'],
    education: 'senior',
    salaryMinFen: 300_000,
    salaryMaxFen: 500_000,
    regionCode,
    validUntil: inDays(30),
    publicService: false,
    ...overrides,
  };
}

export function seekerBodyFor(personId: string, overrides: Record<string, unknown> = {}) {
  return {
    personId,
    skills: ['电工'],
    wantedJobs: ['维修工'],
    education: 'junior',
    expectedSalaryFen: 400_000,
    availability: 'immediate',
    ...overrides,
  };
}

/** Registers a seeker through the API and returns its id. */
export async function registerSeeker(env: TestEnv, cookie: string, body: unknown): Promise<string> {
  const response = await env.inject('POST', '/api/job-seekers', { cookie, body });
  if (response.status !== 201) throw new Error(`seeker: ${JSON.stringify(response.json)}`);
  return response.body(seekerSchema).id;
}

/** Posts a job through the API and returns its id. */
export async function postJob(env: TestEnv, cookie: string, body: unknown): Promise<string> {
  const response = await env.inject('POST', '/api/jobs', { cookie, body });
  if (response.status !== 201) throw new Error(`job: ${JSON.stringify(response.json)}`);
  return response.body(jobSchema).id;
}

/** Binds an enterprise-contact account to an enterprise, as `cookie` (job.manage) would. */
export async function bindContact(env: TestEnv, cookie: string, enterpriseId: string, userId: string) {
  const bound = await env.inject('POST', '/api/enterprise-contacts', {
    cookie,
    body: { enterpriseId, userId },
  });
  if (bound.status !== 200) throw new Error(`contact: ${JSON.stringify(bound.json)}`);
}

/** A new enterprise-contact account of `regionCode`, signed in and bound to the enterprise. */
export async function boundContact(
  env: TestEnv,
  cookie: string,
  enterpriseId: string,
  regionCode: string,
): Promise<{ cookie: string; id: string }> {
  const contact = await env.loginAs({ role: 'enterprise_contact', regionCode });
  await bindContact(env, cookie, enterpriseId, contact.id);
  return contact;
}

/**
 * The authorization matrix's job-service records in one community: an enterprise bound to a
 * contact account, its job, a registered seeker of the community recommended for it, and an
 * enterprise-contact account of the community (for binding). Written as an admin would, through
 * the API, but the enterprise straight into its table.
 */
export async function jobsMatrixFixtures(
  env: TestEnv,
  admin: string,
  community: string,
  contactUserId: string,
): Promise<{
  samples: { enterprise: string; job: string; jobSeeker: string; contactAccount: string };
  params: Record<
    'job' | 'job_seeker' | 'job_recommendation' | 'own_job_recommendation' | 'job_fair',
    Record<string, string>
  >;
}> {
  const enterprise = await createEnterprise(env, community, '矩阵企业');
  await bindContact(env, admin, enterprise, contactUserId);
  const job = await postJob(env, admin, jobBodyFor(env, enterprise, community, { skills: ['矩阵'] }));
  const { personIds } = await createHousehold(env, community, community, [
    { name: '矩阵求职者', gender: 'male', age: 40, tags: ['下岗失业'] },
  ]);
  const jobSeeker = await registerSeeker(env, admin, seekerBodyFor(personIds[0]!, { skills: ['矩阵'] }));
  const recommended = await env.inject('POST', '/api/job-recommendations', {
    cookie: admin,
    body: { jobId: job, seekerId: jobSeeker },
  });
  if (recommended.status !== 201) throw new Error(`recommendation: ${JSON.stringify(recommended.json)}`);
  const recommendation = recommended.body(recommendationSchema).id;
  const contactAccount = await env.createUser({ role: 'enterprise_contact', regionCode: community });
  const fair = await createFair(env, admin, community);
  return {
    samples: { enterprise, job, jobSeeker, contactAccount: contactAccount.id },
    params: {
      job: { id: job },
      job_seeker: { id: jobSeeker },
      job_recommendation: { id: recommendation },
      own_job_recommendation: { id: recommendation },
      job_fair: { id: fair },
    },
  };
}

/** Both communities' fixtures: 青年社区's enterprise bound to `insideContact`, 上海新村's to a new account. */
export async function jobsMatrixWorld(env: TestEnv, admin: string, insideContact: string) {
  const outsideContact = (await env.createUser({ role: 'enterprise_contact', regionCode: SHANGHAI_XINCUN }))
    .id;
  return [
    [QINGNIAN, await jobsMatrixFixtures(env, admin, QINGNIAN, insideContact)],
    [SHANGHAI_XINCUN, await jobsMatrixFixtures(env, admin, SHANGHAI_XINCUN, outsideContact)],
  ] as const;
}

/** A planned job fair in `regionCode`, tomorrow for three hours, made through the API. */
export async function createFair(
  env: TestEnv,
  cookie: string,
  regionCode: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const starts = new Date(env.now().getTime() + 86_400_000);
  const response = await env.inject('POST', '/api/job-fairs', {
    cookie,
    body: {
      kind: 'job_fair',
      title: '春风行动招聘会',
      place: '社区文化广场',
      regionCode,
      startsAt: starts.toISOString(),
      endsAt: new Date(starts.getTime() + 3 * 3_600_000).toISOString(),
      ...overrides,
    },
  });
  if (response.status !== 201) throw new Error(`fair: ${JSON.stringify(response.json)}`);
  return response.body(fairSchema).id;
}
