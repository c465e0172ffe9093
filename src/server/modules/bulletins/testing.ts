import { courseDetailSchema, postDetailSchema } from '../../../shared/api/bulletins.js';
import type { TestEnv } from '../../testing/test-env.js';
import { createOrganization, createResidents, memberWithLogin } from '../member-workflows/testing.js';

/** Fixtures for the bulletins tests (and the authorization matrix). */

export const noticeBody = (
  regionCode: string,
  targets: unknown[],
  overrides: Record<string, unknown> = {},
) => ({
  kind: 'notice',
  title: '关于开展主题党日活动的通知',
  body: '请各支部于月底前完成主题党日活动。',
  regionCode,
  targets,
  ...overrides,
});

/** Drafts a post as `cookie` and answers its id (throws on anything but 201). */
export async function draftPost(env: TestEnv, cookie: string, body: unknown): Promise<string> {
  const made = await env.inject('POST', '/api/bulletin-posts', { cookie, body });
  if (made.status !== 201) throw new Error(`post: ${made.status} ${JSON.stringify(made.json)}`);
  return made.body(postDetailSchema).id;
}

export async function publishedPost(env: TestEnv, cookie: string, body: unknown): Promise<string> {
  const id = await draftPost(env, cookie, body);
  const published = await env.inject('POST', `/api/bulletin-posts/${id}/publish`, { cookie });
  if (published.status !== 200)
    throw new Error(`publish: ${published.status} ${JSON.stringify(published.json)}`);
  return id;
}

/** A course body over `postIds` (60 s each) with a single and a multiple choice question. */
export const courseBodyOver = (regionCode: string, targets: unknown[], postIds: readonly string[]) => ({
  title: '党章学习（第一课）',
  description: '阅读后完成测验',
  regionCode,
  targets,
  items: postIds.map((postId) => ({ postId, minSeconds: 60 })),
  questions: [
    { kind: 'single', text: '第一题：单选', options: ['甲', '乙', '丙'], correct: [1] },
    { kind: 'multiple', text: '第二题：多选', options: ['甲', '乙', '丙', '丁'], correct: [0, 2] },
  ],
  passMark: 60,
  maxAttempts: 3,
});

export async function draftCourse(env: TestEnv, cookie: string, body: unknown): Promise<string> {
  const made = await env.inject('POST', '/api/study-courses', { cookie, body });
  if (made.status !== 201) throw new Error(`course: ${made.status} ${JSON.stringify(made.json)}`);
  return made.body(courseDetailSchema).id;
}

/** The authorization matrix's records: a draft notice and a draft course filed under `community`. */
export async function bulletinMatrixFixture(env: TestEnv, adminCookie: string, community: string) {
  const targets = [{ kind: 'region', regionCode: community }];
  const post = await draftPost(env, adminCookie, noticeBody(community, targets));
  const study = await publishedPost(env, adminCookie, noticeBody(community, targets, { kind: 'study' }));
  const course = await draftCourse(env, adminCookie, courseBodyOver(community, targets, [study]));
  return { post, course };
}

/**
 * Three members with their own accounts: `inner` in a branch under the committee of `community`,
 * `side` in a branch of the same community with no parent, `away` in a branch of `otherCommunity`.
 */
export async function bulletinWorld(env: TestEnv, community: string, otherCommunity: string) {
  const committee = await createOrganization(env, {
    regionCode: community,
    name: '社区党委',
    kind: 'committee',
  });
  const branch = await createOrganization(env, { regionCode: community, name: '第一支部' });
  await env.database.db
    .updateTable('organizations')
    .set({ parent_id: committee.id, path: `${committee.path}${branch.id}/` })
    .where('id', '=', branch.id)
    .execute();
  const sideBranch = await createOrganization(env, { regionCode: community, name: '第二支部' });
  const awayBranch = await createOrganization(env, { regionCode: otherCommunity, name: '外社区支部' });
  const here = (await createResidents(env, community, 2)).people;
  const there = (await createResidents(env, otherCommunity, 1)).people;
  const inner = await memberWithLogin(env, {
    organization: { ...branch, parent_id: committee.id, path: `${committee.path}${branch.id}/` },
    personId: here[0]!.id,
  });
  const side = await memberWithLogin(env, { organization: sideBranch, personId: here[1]!.id });
  const away = await memberWithLogin(env, { organization: awayBranch, personId: there[0]!.id });
  return { committee, branch, sideBranch, awayBranch, inner, side, away };
}
