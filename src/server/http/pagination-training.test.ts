import { beforeAll } from 'vitest';
import { coursePageSchema, followUpPageSchema } from '../../shared/api/training.js';
import { completedCourse, trainingWorld } from '../modules/training/testing.js';
import { byId, idsDescending, type PagedList, walkEachList } from '../testing/page-walk.js';
import { describeEachDialect, QINGNIAN } from '../testing/test-env.js';

/** The training courses and graduates of 青年社区 (newest first), walked page by page on both databases. */
describeEachDialect('training courses and follow-ups, walked page by page', (env) => {
  let worker = '';

  beforeAll(async () => {
    const world = await trainingWorld(env, QINGNIAN, 4);
    worker = world.worker.cookie;
    await completedCourse(
      env,
      world,
      world.people.map((p) => p.id),
    );
    await completedCourse(env, world, [world.people[0]!.id]);
    await completedCourse(env, world, [world.people[1]!.id]);
  }, 120_000);

  const lists: PagedList[] = [
    {
      name: 'training courses (newest first)',
      route: '/api/training-courses',
      url: '/api/training-courses?',
      cookie: () => worker,
      max: 200,
      read: byId(coursePageSchema),
      order: idsDescending,
    },
    {
      name: 'training graduates (all, newest first)',
      route: '/api/training-follow-ups',
      url: '/api/training-follow-ups?state=all&',
      cookie: () => worker,
      max: 200,
      read: byId(followUpPageSchema),
      order: idsDescending,
    },
  ];
  walkEachList(env, 'pagination-training.test.ts', lists);
});
