import {
  bookingSchema,
  projectDetailSchema,
  taskForceDetailSchema,
  unitDetailSchema,
  venueSchema,
} from '../../../shared/api/cobuilding.js';
import type { TestEnv } from '../../testing/test-env.js';
import { createEnterprise } from '../jobs/testing.js';

/** Fixtures of the co-building tests (and the authorization matrix). */

async function ok(env: TestEnv, cookie: string, url: string, body: unknown, status = 200) {
  const r = await env.inject('POST', url, { cookie, body });
  if (r.status !== status) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.json)}`);
  return r;
}

export const projectBody = (regionCode: string, overrides: Record<string, unknown> = {}) => ({
  regionCode,
  name: '乐辰科技产业园',
  site: '哈南工业新城12号地块',
  startedOn: '2026-01-05',
  status: 'building',
  ...overrides,
});

/** A project at `regionCode` with `enterprises` new enterprises of that region; answers their ids. */
export async function makeProject(env: TestEnv, cookie: string, regionCode: string, enterprises = 1) {
  const created = await ok(env, cookie, '/api/projects', projectBody(regionCode), 201);
  const id = created.body(projectDetailSchema).id;
  const enterpriseIds: string[] = [];
  for (let i = 0; i < enterprises; i++) {
    const enterpriseId = await createEnterprise(env, regionCode, '乐辰科技');
    await ok(env, cookie, `/api/projects/${id}/enterprises`, { enterpriseId });
    enterpriseIds.push(enterpriseId);
  }
  return { id, enterpriseIds };
}

export async function makeUnit(env: TestEnv, cookie: string, regionCode: string) {
  const created = await ok(
    env,
    cookie,
    '/api/cobuilding-units',
    { regionCode, name: '东安发动机厂', kind: 'enterprise', reportedMembers: 12 },
    201,
  );
  return created.body(unitDetailSchema).id;
}

export const venueBody = (overrides: Record<string, unknown> = {}) => ({
  name: '职工活动中心',
  capacity: 50,
  opensAt: '08:30',
  closesAt: '20:00',
  ...overrides,
});

export async function makeVenue(env: TestEnv, cookie: string, unitId: string) {
  const created = await ok(env, cookie, `/api/cobuilding-units/${unitId}/venues`, venueBody(), 201);
  return created.body(venueSchema).id;
}

/** A booking body on a Beijing date, from..to Beijing wall time (HH:MM). */
export const bookingBody = (
  date: string,
  from: string,
  to: string,
  overrides: Record<string, unknown> = {},
) => ({
  startsAt: `${date}T${from}:00+08:00`,
  endsAt: `${date}T${to}:00+08:00`,
  purpose: '社区党员学习',
  attendees: 20,
  ...overrides,
});

export async function makeTaskForce(env: TestEnv, cookie: string, regionCode: string) {
  const created = await ok(
    env,
    cookie,
    '/api/task-forces',
    {
      regionCode,
      name: '征收工作临时党支部',
      kind: 'temporary_org',
      purpose: '征地拆迁攻坚',
      startsOn: '2026-01-01',
    },
    201,
  );
  return created.body(taskForceDetailSchema).id;
}

/** The authorization matrix's records in `community`: a project with an uncovered enterprise, a unit, its venue, a booking, a task force. */
export async function cobuildingMatrixFixtures(env: TestEnv, adminCookie: string, community: string) {
  const project = await makeProject(env, adminCookie, community, 1);
  const unit = await makeUnit(env, adminCookie, community);
  const venue = await makeVenue(env, adminCookie, unit);
  const booked = await ok(
    env,
    adminCookie,
    `/api/venues/${venue}/bookings`,
    bookingBody('2030-01-08', '09:00', '10:00'),
    201,
  );
  return {
    project: { id: project.id, enterpriseId: project.enterpriseIds[0]! },
    unit: { id: unit },
    venue: { id: venue },
    booking: { id: booked.body(bookingSchema).id },
    taskForce: { id: await makeTaskForce(env, adminCookie, community) },
  };
}
