import { meetingDetailSchema } from '../../../shared/api/meetings.js';
import type { Organization } from '../../db/tables.js';
import type { TestEnv } from '../../testing/test-env.js';
import { createMember, createOrganization, createResidents } from '../member-workflows/testing.js';

/** Fixtures for the meetings tests (and the authorization matrix). */

export { previousQuarter, quarterOfDay } from './compliance-rules.js';

/** Today and n days earlier as the server sees them (Beijing calendar). */
export const beijingToday = (env: TestEnv, daysAgo = 0): string =>
  new Date(env.now().getTime() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

/**
 * A committee at `community` with a branch under it (the branch's parent is the committee, so
 * whoever reviews the community reviews the branch), and `members` members of the branch, the
 * first of them its secretary (leader). Both organizations are backdated to 2020 so that past
 * quarters count for them.
 */
export async function meetingWorld(
  env: TestEnv,
  community: string,
  options: { members?: number; parent?: Organization } = {},
) {
  const count = options.members ?? 3;
  const committee =
    options.parent ??
    (await createOrganization(env, { regionCode: community, name: `${community}党委`, kind: 'committee' }));
  const branch = await createOrganization(env, { regionCode: community, name: `${community}第${count}支部` });
  const { people } = await createResidents(env, community, count);
  const members = [];
  for (const person of people)
    members.push(await createMember(env, { organization: branch, personId: person.id }));
  const db = env.database.db;
  await db
    .updateTable('organizations')
    .set({
      parent_id: committee.id,
      path: `${committee.path}${branch.id}/`,
      leader_member_id: members[0]?.id ?? null,
      created_at: '2020-01-01T00:00:00.000Z',
    })
    .where('id', '=', branch.id)
    .execute();
  await db
    .updateTable('organizations')
    .set({ created_at: '2020-01-01T00:00:00.000Z' })
    .where('id', '=', committee.id)
    .execute();
  return { committee, branch: { ...branch, parent_id: committee.id }, members };
}

/** A complete meeting body: every member present, held `heldOn`. */
export const fullMeeting = (
  organizationId: string,
  memberIds: readonly string[],
  heldOn: string,
  overrides: Record<string, unknown> = {},
) => ({
  organizationId,
  type: 'committee',
  topic: '学习贯彻会议精神',
  plannedOn: heldOn,
  heldOn,
  durationMinutes: 90,
  presenterMemberId: memberIds[0],
  recorderMemberId: memberIds[1] ?? memberIds[0],
  minutes: '会议传达学习了上级文件精神，讨论了本季度工作安排。',
  attendance: memberIds.map((memberId) => ({ memberId, present: true })),
  ...overrides,
});

/** Drafts a meeting as `cookie` and answers its id (throws on anything but 201). */
export async function draftMeeting(env: TestEnv, cookie: string, body: unknown): Promise<string> {
  const made = await env.inject('POST', '/api/meetings', { cookie, body });
  if (made.status !== 201) throw new Error(`meeting: ${made.status} ${JSON.stringify(made.json)}`);
  return made.body(meetingDetailSchema).id;
}

/** Drafts and submits a complete meeting; answers its id. */
export async function submittedMeeting(
  env: TestEnv,
  cookie: string,
  body: unknown,
  decisions: unknown[] = [],
): Promise<string> {
  const id = await draftMeeting(env, cookie, body);
  const submitted = await env.inject('POST', `/api/meetings/${id}/submit`, { cookie, body: { decisions } });
  if (submitted.status !== 200)
    throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.json)}`);
  return id;
}

/** The authorization matrix's records: a draft meeting and a decision task of a submitted one. */
export async function meetingMatrixFixtures(env: TestEnv, adminCookie: string, community: string) {
  const { branch, members } = await meetingWorld(env, community, { members: 2 });
  const ids = members.map((m) => m.id);
  const today = beijingToday(env);
  const meeting = await draftMeeting(env, adminCookie, { ...fullMeeting(branch.id, ids, today), heldOn: '' });
  const submitted = await submittedMeeting(env, adminCookie, fullMeeting(branch.id, ids, today), [
    { text: '矩阵决议', ownerMemberId: ids[0], dueOn: today },
  ]);
  const detail = await env.inject('GET', `/api/meetings/${submitted}`, { cookie: adminCookie });
  const task = detail.body(meetingDetailSchema).decisions[0]!.id;
  return { meeting, task };
}
