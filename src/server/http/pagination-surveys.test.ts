import { beforeAll } from 'vitest';
import { samplePageSchema, surveyPageSchema } from '../../shared/api/surveys.js';
import { createSurvey, drawSurvey, gridsWithAdults, surveyBody } from '../modules/surveys/testing.js';
import { byId, byKey, idsDescending, type PagedList, walkEachList } from '../testing/page-walk.js';
import { describeEachDialect, QINGNIAN } from '../testing/test-env.js';

/** Satisfaction surveys (newest first) and a survey's sample (stratum, then the seed's order), walked page by page. */
describeEachDialect('satisfaction surveys, walked page by page', (env) => {
  let secretary = '';
  let surveyId = '';

  beforeAll(async () => {
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    await gridsWithAdults(env, QINGNIAN, [4, 3]);
    for (const seed of ['a', 'b', 'c'])
      surveyId = (
        await createSurvey(
          env,
          secretary,
          surveyBody(QINGNIAN, { seed, sampleSize: 4, contactWindowDays: 0 }),
        )
      ).id;
    await drawSurvey(env, secretary, surveyId);
  }, 120_000);

  const lists: PagedList[] = [
    {
      name: 'surveys (newest first)',
      route: '/api/surveys',
      url: '/api/surveys?',
      cookie: () => secretary,
      max: 200,
      read: byId(surveyPageSchema),
      order: idsDescending,
    },
    {
      name: 'a survey’s sample',
      route: '/api/surveys/:id/sample',
      get url() {
        return `/api/surveys/${surveyId}/sample?`;
      },
      cookie: () => secretary,
      max: 200,
      read: byKey(samplePageSchema, (row) => `${row.stratumCode}/${String(row.position).padStart(4, '0')}`),
    },
  ];
  walkEachList(env, 'pagination-surveys.test.ts', lists);
});
