import { beforeAll } from 'vitest';
import { fairPageSchema } from '../../shared/api/jobs.js';
import { boundContact, createEnterprise, createFair } from '../modules/jobs/testing.js';
import { byId, idsDescending, type PagedList, walkEachList } from '../testing/page-walk.js';
import { describeEachDialect, QINGNIAN } from '../testing/test-env.js';

/** Job fairs (newest first), as a case worker and as an enterprise's contact sees them, walked page by page. */
describeEachDialect('job fairs, walked page by page', (env) => {
  let secretary = '';
  let contact = '';

  beforeAll(async () => {
    const admin = await env.loginAdmin();
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    const enterprise = await createEnterprise(env, QINGNIAN, '分页机械厂');
    contact = (await boundContact(env, admin, enterprise, QINGNIAN)).cookie;
    // Fairs over the community and over its street and district: all open to the contact.
    for (const region of [QINGNIAN, QINGNIAN, QINGNIAN.slice(0, 9), QINGNIAN.slice(0, 6), QINGNIAN])
      await createFair(env, admin, region);
  }, 120_000);

  const lists: PagedList[] = [
    {
      name: 'job fairs (newest first)',
      route: '/api/job-fairs',
      url: '/api/job-fairs?',
      cookie: () => secretary,
      max: 100,
      read: byId(fairPageSchema),
      order: idsDescending,
    },
    {
      name: 'fairs open to an enterprise contact (newest first)',
      route: '/api/my-enterprise/job-fairs',
      url: '/api/my-enterprise/job-fairs?',
      cookie: () => contact,
      max: 100,
      read: byId(fairPageSchema),
      order: idsDescending,
    },
  ];
  walkEachList(env, 'pagination-job-fairs.test.ts', lists);
});
