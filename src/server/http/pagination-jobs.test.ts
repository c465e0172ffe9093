import { beforeAll, expect } from 'vitest';
import {
  type Candidate,
  candidatePageSchema,
  jobPageSchema,
  recommendationPageSchema,
  seekerPageSchema,
} from '../../shared/api/jobs.js';
import {
  boundContact,
  createEnterprise,
  createHousehold,
  jobBodyFor,
  postJob,
  registerSeeker,
  seekerBodyFor,
} from '../modules/jobs/testing.js';
import {
  byId,
  byKey,
  idsAscending,
  idsDescending,
  type PagedList,
  walkEachList,
} from '../testing/page-walk.js';
import { describeEachDialect, QINGNIAN } from '../testing/test-env.js';

/**
 * The job service's paging lists, staff and enterprise contact, walked page by page on both
 * databases over a grid of their own: its jobs, its registered seekers, the candidates the register
 * names there, the recommendations for one job, and the contact's own jobs and recommendations.
 */
describeEachDialect('job-service lists, walked page by page', (env) => {
  let admin = '';
  let contact = '';
  let grid = '';
  let firstJob = '';

  beforeAll(async () => {
    admin = await env.loginAdmin();
    grid = await env.createRegion(QINGNIAN, 'grid', '翻页网格');
    const building = await env.createRegion(grid, 'building', '1号楼');
    const enterprise = await createEnterprise(env, QINGNIAN, '翻页企业');
    contact = (await boundContact(env, admin, enterprise, QINGNIAN)).cookie;

    const jobs: string[] = [];
    for (const title of ['设备维修电工', '仓库管理员', '叉车司机'])
      jobs.push(await postJob(env, admin, jobBodyFor(env, enterprise, grid, { title, openings: 5 })));
    firstJob = jobs[0]!;

    // Four laid-off residents are the register's candidates; three of them register as seekers.
    const seekers: string[] = [];
    for (let n = 1; n <= 4; n++) {
      const household = await createHousehold(env, building, grid, [
        { name: `翻页求职者${n}`, gender: 'male', age: 35 + n, tags: ['下岗失业'] },
      ]);
      if (n <= 3) seekers.push(await registerSeeker(env, admin, seekerBodyFor(household.personIds[0]!)));
    }
    for (const seekerId of seekers) {
      const recommended = await env.inject('POST', '/api/job-recommendations', {
        cookie: admin,
        body: { jobId: firstJob, seekerId },
      });
      expect(recommended.status).toBe(201);
    }
  });

  // The grid and the job are made in beforeAll: the URLs naming them are read when the walk runs.
  const lists: PagedList[] = [
    {
      name: 'jobs of a grid (newest first)',
      route: '/api/jobs',
      get url() {
        return `/api/jobs?region=${grid}`;
      },
      cookie: () => admin,
      max: 200,
      read: byId(jobPageSchema),
      order: idsDescending,
    },
    {
      name: 'registered seekers of a grid (newest first)',
      route: '/api/job-seekers',
      get url() {
        return `/api/job-seekers?region=${grid}`;
      },
      cookie: () => admin,
      max: 200,
      read: byId(seekerPageSchema),
      order: idsDescending,
    },
    {
      name: 'candidate seekers the register names in a grid (by person)',
      route: '/api/job-seekers/candidates',
      get url() {
        return `/api/job-seekers/candidates?region=${grid}`;
      },
      cookie: () => admin,
      max: 200,
      read: byKey(candidatePageSchema, (candidate: Candidate) => candidate.personId),
      order: idsAscending,
    },
    {
      name: 'recommendations for one job (newest first)',
      route: '/api/job-recommendations',
      get url() {
        return `/api/job-recommendations?job=${firstJob}`;
      },
      cookie: () => admin,
      max: 200,
      read: byId(recommendationPageSchema),
      order: idsDescending,
    },
    {
      name: 'the contact’s own jobs (newest first)',
      route: '/api/my-enterprise/jobs',
      url: '/api/my-enterprise/jobs?',
      cookie: () => contact,
      max: 200,
      read: byId(jobPageSchema),
      order: idsDescending,
    },
    {
      name: 'seekers recommended to the contact’s enterprise (newest first)',
      route: '/api/my-enterprise/recommendations',
      url: '/api/my-enterprise/recommendations?',
      cookie: () => contact,
      max: 200,
      read: byId(recommendationPageSchema),
      order: idsDescending,
    },
  ];

  walkEachList(env, 'pagination-jobs.test.ts', lists);
});
