import { contactPointDetailSchema, workLogSchema } from '../../../shared/api/worklogs.js';
import type { TestEnv } from '../../testing/test-env.js';
import { createOrganization } from '../member-workflows/testing.js';

/** Fixtures for the work logs' and contact points' tests (and the authorization matrix). */

/** Today and n days earlier as the server sees them (Beijing calendar). */
export const beijingDay = (env: TestEnv, daysAgo = 0): string =>
  new Date(env.now().getTime() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** A party branch of `community`. */
export const logBranch = (env: TestEnv, community: string, name = `${community}第一支部`) =>
  createOrganization(env, { regionCode: community, name });

/** A valid work log body of `organizationId`, logged `loggedOn`. */
export const workLogBody = (
  organizationId: string,
  loggedOn: string,
  overrides: Record<string, unknown> = {},
) => ({
  organizationId,
  loggedOn,
  kind: 'visit',
  content: '走访困难党员家庭三户，了解生活情况并登记需求。',
  ...overrides,
});

/** Writes a log as `cookie` and answers its id (throws on anything but 201). */
export async function writeWorkLog(env: TestEnv, cookie: string, body: unknown): Promise<string> {
  const made = await env.inject('POST', '/api/work-logs', { cookie, body });
  if (made.status !== 201) throw new Error(`work log: ${made.status} ${JSON.stringify(made.json)}`);
  return made.body(workLogSchema).id;
}

/** Assigns `leaderUserId` to `organizationId` from `startOn` as `cookie`; answers the contact point's id. */
export async function assignContactPoint(
  env: TestEnv,
  cookie: string,
  leaderUserId: string,
  organizationId: string,
  startOn: string,
): Promise<string> {
  const made = await env.inject('POST', '/api/contact-points', {
    cookie,
    body: { leaderUserId, organizationId, startOn },
  });
  if (made.status !== 201) throw new Error(`contact point: ${made.status} ${JSON.stringify(made.json)}`);
  return made.body(contactPointDetailSchema).id;
}

/**
 * The authorization matrix's records in one community: a work log written by `author` (a session
 * holding worklog.write there) and a contact point of `leaderUserId` at a branch of the community.
 */
export async function worklogMatrixFixtures(
  env: TestEnv,
  admin: string,
  author: string,
  community: string,
  leaderUserId: string,
) {
  const branch = await logBranch(env, community, `${community}日志支部`);
  const workLog = await writeWorkLog(env, author, workLogBody(branch.id, beijingDay(env)));
  const contactPoint = await assignContactPoint(env, admin, leaderUserId, branch.id, beijingDay(env, 30));
  return { workLog, contactPoint };
}

/** A volunteer activity of a new team of `community`, made by `admin`: a record a log may link to. */
export async function activityIn(env: TestEnv, admin: string, community: string): Promise<string> {
  const team = await createOrganization(env, {
    regionCode: community,
    name: `${community}日志志愿队`,
    kind: 'volunteer_team',
  });
  const at = (hours: number) => new Date(env.now().getTime() + hours * 3_600_000).toISOString();
  const made = await env.inject('POST', '/api/volunteer-activities', {
    cookie: admin,
    body: {
      teamId: team.id,
      area: '便民行动',
      title: '日志关联活动',
      place: '社区广场',
      signupMode: 'approval',
      cancelCutoffHours: 1,
      shifts: [{ role: '理发', needed: 5, startsAt: at(48), endsAt: at(50) }],
    },
  });
  if (made.status !== 201) throw new Error(`activity: ${made.status} ${JSON.stringify(made.json)}`);
  return (made.json as { id: string }).id;
}
