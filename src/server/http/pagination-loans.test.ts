import { beforeAll } from 'vitest';
import { loanPageSchema } from '../../shared/api/loans.js';
import { applyFor, loanWorld } from '../modules/loans/testing.js';
import { byId, idsDescending, type PagedList, walkEachList } from '../testing/page-walk.js';
import { describeEachDialect, QINGNIAN } from '../testing/test-env.js';

/** The loan applications of 青年社区 (newest first), walked page by page on both databases. */
describeEachDialect('loan applications, walked page by page', (env) => {
  let secretary = '';

  beforeAll(async () => {
    const world = await loanWorld(env, QINGNIAN, 4);
    secretary = world.secretary.cookie;
    for (const person of world.people) await applyFor(env, world.gridWorker.cookie, person.id);
  }, 120_000);

  const lists: PagedList[] = [
    {
      name: 'loan applications (newest first)',
      route: '/api/loan-applications',
      url: '/api/loan-applications?',
      cookie: () => secretary,
      max: 200,
      read: byId(loanPageSchema),
      order: idsDescending,
    },
  ];
  walkEachList(env, 'pagination-loans.test.ts', lists);
});
