import { beforeAll } from 'vitest';
import { casePageSchema } from '../../shared/api/relocation.js';
import { openCase, relocationWorld } from '../modules/relocation/testing.js';
import { byId, idsDescending, type PagedList, walkEachList } from '../testing/page-walk.js';
import { describeEachDialect, QINGNIAN } from '../testing/test-env.js';

/** Relocation cases, walked page by page. */
describeEachDialect('relocation cases, walked page by page', (env) => {
  let secretary = '';

  beforeAll(async () => {
    const world = await relocationWorld(env, QINGNIAN, 24);
    secretary = world.secretary.cookie;
    for (const household of world.households.slice(0, 5)) await openCase(env, secretary, household.id);
  }, 120_000);

  const lists: PagedList[] = [
    {
      name: 'relocation cases (newest first)',
      route: '/api/relocation-cases',
      url: '/api/relocation-cases?',
      cookie: () => secretary,
      max: 200,
      read: byId(casePageSchema),
      order: idsDescending,
    },
  ];
  walkEachList(env, 'pagination-relocation.test.ts', lists);
});
