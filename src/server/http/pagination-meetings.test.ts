import { beforeAll } from 'vitest';
import { meetingPageSchema, meetingTaskPageSchema } from '../../shared/api/meetings.js';
import {
  beijingToday,
  draftMeeting,
  fullMeeting,
  meetingWorld,
  submittedMeeting,
} from '../modules/meetings/testing.js';
import { byId, idsDescending, type PagedList, walkEachList } from '../testing/page-walk.js';
import { describeEachDialect, QINGNIAN } from '../testing/test-env.js';

/** Meetings and meeting tasks, walked page by page. */
describeEachDialect('meetings and meeting tasks, walked page by page', (env) => {
  let secretary = '';

  beforeAll(async () => {
    const admin = await env.loginAdmin();
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    const { branch, members } = await meetingWorld(env, QINGNIAN, { members: 2 });
    const ids = members.map((m) => m.id);
    const day = beijingToday(env, 1);
    for (let i = 0; i < 3; i += 1) await draftMeeting(env, admin, fullMeeting(branch.id, ids, day));
    await submittedMeeting(
      env,
      admin,
      fullMeeting(branch.id, ids, day),
      ['走访困难党员', '整理党员档案', '更新公开栏', '组织志愿服务', '开展安全检查'].map((text) => ({
        text,
        dueOn: beijingToday(env, -7),
      })),
    );
  }, 120_000);

  const lists: PagedList[] = [
    {
      name: 'meetings (newest first)',
      route: '/api/meetings',
      url: '/api/meetings?',
      cookie: () => secretary,
      max: 200,
      read: byId(meetingPageSchema),
      order: idsDescending,
    },
    {
      name: 'meeting tasks (newest first)',
      route: '/api/meeting-tasks',
      url: '/api/meeting-tasks?',
      cookie: () => secretary,
      max: 200,
      read: byId(meetingTaskPageSchema),
      order: idsDescending,
    },
  ];
  walkEachList(env, 'pagination-meetings.test.ts', lists);
});
