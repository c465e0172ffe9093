import { beforeAll } from 'vitest';
import { contactPointPageSchema, workLogPageSchema } from '../../shared/api/worklogs.js';
import {
  assignContactPoint,
  beijingDay,
  logBranch,
  workLogBody,
  writeWorkLog,
} from '../modules/worklogs/testing.js';
import { byId, idsDescending, type PagedList, walkEachList } from '../testing/page-walk.js';
import { describeEachDialect, QINGNIAN } from '../testing/test-env.js';

/** Work logs (by day, newest first) and contact points, walked page by page. */
describeEachDialect('work logs and contact points, walked page by page', (env) => {
  let secretary = '';

  beforeAll(async () => {
    const admin = await env.loginAdmin();
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    const branches = [];
    for (let i = 0; i < 4; i += 1) branches.push((await logBranch(env, QINGNIAN, `分页支部${i}`)).id);
    // Several logs on the same day, so the walk crosses a page boundary inside one date.
    for (let i = 0; i < 5; i += 1)
      await writeWorkLog(env, secretary, workLogBody(branches[i % 4]!, beijingDay(env, i % 2)));
    for (const branch of branches) {
      const leader = await env.createUser({ role: 'secretary', regionCode: QINGNIAN });
      await assignContactPoint(env, admin, leader.id, branch, beijingDay(env, 5));
    }
  }, 120_000);

  const lists: PagedList[] = [
    {
      name: 'work logs (newest day first)',
      route: '/api/work-logs',
      url: '/api/work-logs?',
      cookie: () => secretary,
      max: 200,
      read: byId(workLogPageSchema),
    },
    {
      name: 'contact points (newest first)',
      route: '/api/contact-points',
      url: '/api/contact-points?',
      cookie: () => secretary,
      max: 200,
      read: byId(contactPointPageSchema),
      order: idsDescending,
    },
  ];
  walkEachList(env, 'pagination-worklogs.test.ts', lists);
});
