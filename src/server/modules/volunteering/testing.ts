import { v7 as uuidv7 } from 'uuid';
import { activitySchema, signupSchema, volunteerSchema } from '../../../shared/api/volunteering.js';
import type { Organization } from '../../db/tables.js';
import type { TestEnv } from '../../testing/test-env.js';
import {
  createOrganization,
  createResidents,
  loginIn,
  memberWithLogin,
} from '../member-workflows/testing.js';
import { newPhone, residentLogin } from '../portal/testing.js';

/** Fixtures for the volunteering tests: a team, residents, and volunteers with or without a login. */
export interface VolunteerWorld {
  team: Organization;
  people: { id: string; name: string }[];
  secretary: string;
  /** Volunteer ids, and for the first three a member login (cookie) of the same person. */
  volunteers: { id: string; personId: string; cookie?: string }[];
}

export const hoursFromNow = (env: TestEnv, hours: number) =>
  new Date(env.now().getTime() + hours * 3_600_000).toISOString();

/**
 * A portal session of the register person: gives the person a fresh mobile number, as the register
 * would hold it, and signs in with it, so the portal links the account to the person.
 */
export async function residentOf(env: TestEnv, personId: string): Promise<string> {
  const phone = newPhone();
  await env.database.db
    .updateTable('persons')
    .set({
      phone_enc: env.ctx.crypto.encrypt('person.phone', phone),
      phone_bidx: env.ctx.crypto.blindIndex('person.phone', phone),
    })
    .where('id', '=', personId)
    .execute();
  return residentLogin(env, phone);
}

export async function volunteerWorld(
  env: TestEnv,
  community: string,
  count: number,
): Promise<VolunteerWorld> {
  const { people } = await createResidents(env, community, count);
  const team = await createOrganization(env, {
    regionCode: community,
    name: `${community}志愿服务队${Math.random().toString(36).slice(2, 6)}`,
    kind: 'volunteer_team',
  });
  const branch = await createOrganization(env, {
    regionCode: community,
    name: `${community}党支部${Math.random().toString(36).slice(2, 6)}`,
  });
  const secretary = (await loginIn(env, { role: 'secretary', regionCode: community })).cookie;
  const volunteers: VolunteerWorld['volunteers'] = [];
  for (const [i, person] of people.entries()) {
    const login =
      i < 3 ? await memberWithLogin(env, { organization: branch, personId: person.id }) : undefined;
    const created = await env.inject('POST', '/api/volunteers', {
      cookie: secretary,
      body: { teamId: team.id, personId: person.id, skills: i === 0 ? ['急救证'] : [] },
    });
    if (created.status !== 201) throw new Error(`volunteer: ${JSON.stringify(created.json)}`);
    volunteers.push({
      id: created.body(volunteerSchema).id,
      personId: person.id,
      ...(login ? { cookie: login.cookie } : {}),
    });
  }
  return { team, people, secretary, volunteers };
}

export function activityBody(
  env: TestEnv,
  teamId: string,
  options: {
    startsIn?: number;
    hours?: number;
    needed?: number;
    mode?: string;
    cutoff?: number;
    skills?: string[];
  } = {},
) {
  const startsIn = options.startsIn ?? 3;
  return {
    teamId,
    area: '社区环境',
    title: '楼道清扫日',
    description: '清理楼道堆物，张贴防火提示',
    place: '青年社区 3 号楼',
    signupMode: options.mode ?? 'open',
    cancelCutoffHours: options.cutoff ?? 2,
    shifts: [
      {
        role: '清扫',
        needed: options.needed ?? 2,
        skills: options.skills ?? [],
        startsAt: hoursFromNow(env, startsIn),
        endsAt: hoursFromNow(env, startsIn + (options.hours ?? 2)),
      },
    ],
  };
}

/** An activity of a team with one shift, made through the API as a leader would; answers its id. */
export async function createActivity(
  env: TestEnv,
  cookie: string,
  teamId: string,
  options: Parameters<typeof activityBody>[2] = {},
): Promise<string> {
  const response = await env.inject('POST', '/api/volunteer-activities', {
    cookie,
    body: activityBody(env, teamId, options),
  });
  if (response.status !== 201) throw new Error(`activity: ${JSON.stringify(response.json)}`);
  return response.body(activitySchema).id;
}

type Params = Record<string, string>;

/**
 * The authorization matrix's volunteering records in one community: a team, a volunteer who is a
 * member with a login (the owner of the own-* records), one who is a resident signed in to the
 * portal (the owner of the resident_volunteer_* records), an activity with a shift, a sign-up by
 * the leader and one by each of them, and a certificate each. Written as an admin would, through
 * the API, but the certificates, which need confirmed past service, straight into their table.
 */
export async function volunteeringMatrixFixtures(
  env: TestEnv,
  admin: string,
  community: string,
): Promise<{
  samples: { volunteerTeam: string; volunteer: string; volunteerShift: string };
  params: Record<
    | 'volunteer'
    | 'volunteer_activity'
    | 'volunteer_signup'
    | 'volunteer_certificate'
    | 'own_volunteer_signup'
    | 'own_volunteer_certificate'
    | 'resident_volunteer_signup'
    | 'resident_volunteer_certificate',
    Params
  >;
  owner: string;
  residentOwner: string;
}> {
  const { people } = await createResidents(env, community, 3);
  const team = await createOrganization(env, {
    regionCode: community,
    name: `${community}矩阵志愿队`,
    kind: 'volunteer_team',
  });
  const branch = await createOrganization(env, { regionCode: community, name: `${community}矩阵支部` });
  const owner = await memberWithLogin(env, { organization: branch, personId: people[0]!.id });
  const enrol = async (personId: string) => {
    const response = await env.inject('POST', '/api/volunteers', {
      cookie: admin,
      body: { teamId: team.id, personId },
    });
    if (response.status !== 201) throw new Error(`volunteer: ${JSON.stringify(response.json)}`);
    return response.body(volunteerSchema).id;
  };
  const own = await enrol(people[0]!.id);
  const other = await enrol(people[1]!.id);
  const resident = await enrol(people[2]!.id);
  const residentCookie = await residentOf(env, people[2]!.id);
  const activity = await env.inject('POST', '/api/volunteer-activities', {
    cookie: admin,
    body: {
      teamId: team.id,
      area: '便民行动',
      title: '矩阵便民服务',
      place: '社区广场',
      signupMode: 'approval',
      cancelCutoffHours: 1,
      shifts: [{ role: '理发', needed: 10, startsAt: hoursFromNow(env, 72), endsAt: hoursFromNow(env, 74) }],
    },
  });
  if (activity.status !== 201) throw new Error(`activity: ${JSON.stringify(activity.json)}`);
  const created = activity.body(activitySchema);
  const shiftId = created.shifts[0]!.id;
  const byLeader = await env.inject('POST', `/api/volunteer-activities/${created.id}/signups`, {
    cookie: admin,
    body: { shiftId, volunteerId: other },
  });
  const byOwner = await env.inject('POST', '/api/me/volunteering/signups', {
    cookie: owner.cookie,
    body: { activityId: created.id, shiftId },
  });
  const byResident = await env.inject('POST', '/api/portal/me/volunteering/signups', {
    cookie: residentCookie,
    body: { activityId: created.id, shiftId },
  });
  if (byLeader.status !== 201 || byOwner.status !== 201 || byResident.status !== 201)
    throw new Error('volunteering sign-ups');
  const certify = async (volunteerId: string) => {
    const certificate = uuidv7();
    await env.database.db
      .insertInto('volunteer_certificates')
      .values({
        id: certificate,
        district_code: team.district_code,
        region_code: team.region_code,
        serial: `ZY-${team.district_code}-20260101-${certificate.slice(-6).toUpperCase()}`,
        volunteer_id: volunteerId,
        team_id: team.id,
        minutes: 120,
        services: 1,
        content: '便民行动：矩阵便民服务',
        period_from: '2026-01-01',
        period_to: '2026-01-31',
        issued_on: '2026-02-01',
        issued_by: null,
        created_at: env.now().toISOString(),
      })
      .execute();
    return certificate;
  };
  const certificate = await certify(own);
  const residentCertificate = await certify(resident);
  return {
    samples: { volunteerTeam: team.id, volunteer: other, volunteerShift: shiftId },
    params: {
      volunteer: { id: other },
      volunteer_activity: { id: created.id },
      volunteer_signup: { id: byLeader.body(signupSchema).id },
      volunteer_certificate: { id: certificate },
      own_volunteer_signup: { id: byOwner.body(signupSchema).id },
      own_volunteer_certificate: { id: certificate },
      resident_volunteer_signup: { id: byResident.body(signupSchema).id },
      resident_volunteer_certificate: { id: residentCertificate },
    },
    owner: owner.cookie,
    residentOwner: residentCookie,
  };
}
