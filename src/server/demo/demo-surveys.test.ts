import { expect, it } from 'vitest';
import { surveyDetailSchema, surveyPageSchema, surveyResultsSchema } from '../../shared/api/surveys.js';
import { gridsWithAdults } from '../modules/surveys/testing.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../testing/test-env.js';
import { buildDemoSurveys } from './demo-surveys.js';

describeEachDialect(
  'demo survey: drawn, answered by phone and closed through the module’s services',
  (env) => {
    it('leaves one closed survey whose results show with their interval', async () => {
      await gridsWithAdults(env, QINGNIAN, [40, 30, 20]);
      await buildDemoSurveys(env.ctx, DISTRICT, QINGNIAN);
      const admin = await env.loginAdmin();
      const [survey] = (await env.inject('GET', '/api/surveys', { cookie: admin })).body(
        surveyPageSchema,
      ).items;
      expect(survey).toMatchObject({ status: 'closed', anonymous: true, regionCode: QINGNIAN });
      const detail = (await env.inject('GET', `/api/surveys/${survey!.id}`, { cookie: admin })).body(
        surveyDetailSchema,
      );
      expect(detail.strata.map((s) => s.quota)).toEqual([27, 20, 13]);
      // Refusals and the unreachable brought reserves in, and every quota was met.
      expect(detail.strata.reduce((sum, s) => sum + s.reservesUsed, 0)).toBeGreaterThan(0);
      expect(detail.strata.map((s) => s.answered)).toEqual([27, 20, 13]);
      const results = (await env.inject('GET', `/api/surveys/${survey!.id}/results`, { cookie: admin })).body(
        surveyResultsSchema,
      );
      expect(results.region.n).toBe(60);
      expect(results.region.interval.low).toBeLessThan(results.region.interval.share!);
      expect(results.region.interval.high).toBeGreaterThan(results.region.interval.share!);
    });
  },
);
