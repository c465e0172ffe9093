import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import { interviewBody, sampleListQuery, samplePageSchema } from '../../../shared/api/surveys.js';
import { decodeCursor, page } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import { sampleRepository } from './sample.repository.js';
import type { SurveyServices } from './survey-services.js';
import { toSampleRow } from './surveys.present.js';

const tags = ['surveys'];

/** A survey's sample, stratum by stratum, and the phone interview an operator records for a row. */
export const surveySampleRoutes: FastifyPluginAsyncZod<{
  ctx: ServiceContext;
  services: SurveyServices;
}> = async (app, { ctx, services }) => {
  app.get(
    '/api/surveys/:id/sample',
    {
      config: { permission: 'survey.read' },
      schema: {
        tags,
        summary: 'The sample rows in scope (stratum, then the seed’s order): names and numbers masked',
        params: idParams,
        querystring: sampleListQuery,
        response: { 200: samplePageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.principal.scope;
      const survey = await services.surveys.inScope(scope, request.params.id);
      const { cursor, limit, status, stratum } = request.query;
      const after = decodeCursor(cursor, ['text', 'int']);
      const rows = await sampleRepository.list(ctx.database.db, scope, survey.id, {
        status,
        stratum,
        after: after ? [after[0], after[1]] : undefined,
        limit,
      });
      const { items, nextCursor } = page(rows, limit, (last) => [last.stratum_code, last.position]);
      return { items: items.map((r) => toSampleRow(ctx, r)), nextCursor };
    },
  );

  app.post(
    '/api/survey-sample/:id/interview',
    {
      config: { permission: 'survey.write' },
      schema: {
        tags,
        summary:
          'Record a phone interview: answered (with the answers), refused or unreachable (the next reserve comes in)',
        params: idParams,
        body: interviewBody,
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (request) => ({
      id: await services.answers.interview(
        request.principal.scope,
        request.params.id,
        request.body,
        request.principal.actor,
      ),
    }),
  );
};
