import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  memberEvaluationBody,
  memberEvaluationGridSchema,
  memberEvaluationQuery,
} from '../../../shared/api/reviews.js';
import { beijingYear } from '../../../shared/beijing-time.js';
import type { ServiceContext } from '../../services.js';
import { MemberEvaluationsService } from './member-evaluations.service.js';

const tags = ['reviews'];

/** The Beijing calendar year of an instant (UTC+8, no daylight saving). */

/** 民主评议党员: an organization's members and their grades of a year, and grading one of them. */
export const memberEvaluationRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  const evaluations = new MemberEvaluationsService(ctx);

  app.get(
    '/api/organizations/:id/member-evaluations',
    {
      config: { permission: 'review.read' },
      schema: {
        tags,
        summary: 'The organization’s members with their grade of the year, and the cap on 优秀',
        params: idParams,
        querystring: memberEvaluationQuery,
        response: { 200: memberEvaluationGridSchema, ...errorResponses },
      },
    },
    async (request) =>
      evaluations.grid(
        request.principal.scope,
        request.params.id,
        request.query.year ?? beijingYear(ctx.now()),
      ),
  );

  app.put(
    '/api/organizations/:id/member-evaluations',
    {
      config: { permission: 'review.write' },
      schema: {
        tags,
        summary: 'Grade a member for a year (优秀 for at most a third of the members)',
        params: idParams,
        body: memberEvaluationBody,
        response: { 200: memberEvaluationGridSchema, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.principal.scope;
      await evaluations.grade(scope, request.params.id, request.body, request.principal.actor);
      return evaluations.grid(scope, request.params.id, request.body.year);
    },
  );
};
