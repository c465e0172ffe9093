import type { Organization } from '../../db/tables.js';
import type { TestEnv } from '../../testing/test-env.js';
import {
  createOrganization,
  createResidents,
  loginIn,
  memberWithLogin,
} from '../member-workflows/testing.js';

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
    volunteers.push({ id: created.json.id, personId: person.id, ...(login ? { cookie: login.cookie } : {}) });
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
