import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cursorParam, errorResponses, idParams, limitSchema } from '../../../shared/api/common.js';
import {
  outcomeBody,
  recommendationListQuery,
  recommendationPageSchema,
  recommendationSchema,
  recommendBody,
} from '../../../shared/api/jobs.js';
import type { ServiceContext } from '../../services.js';
import { toRecommendationDto } from './jobs.dto.js';
import type { RecommendationsService } from './recommendations.service.js';

const tags = ['jobs'];
const pageQuery = z.object({ cursor: cursorParam, limit: limitSchema });

/**
 * Recommendations: a case worker recommends a seeker for a job (job.manage over both); the outcome
 * is recorded by the enterprise's contact (job.post, their enterprise's recommendations only) or
 * by the case worker for it (job.manage over the seeker).
 */
export const recommendationRoutes: FastifyPluginAsyncZod<{
  ctx: ServiceContext;
  recommendations: RecommendationsService;
}> = async (app, { ctx, recommendations }) => {
  const present = (r: Parameters<typeof toRecommendationDto>[1]) => toRecommendationDto(ctx.crypto, r);

  app.get(
    '/api/job-recommendations',
    {
      config: { permission: 'job.read' },
      schema: {
        tags,
        summary: 'Recommendations of seekers in scope, newest first (by job or seeker)',
        querystring: recommendationListQuery,
        response: { 200: recommendationPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await recommendations.list(request.principal.scope, request.query);
      return { items: result.items.map(present), nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/job-recommendations',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Recommend a registered seeker for an open job',
        body: recommendBody,
        response: { 201: recommendationSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { principal } = request;
      const created = await recommendations.recommend(
        principal.scope,
        principal.actor,
        principal.userId,
        request.body,
      );
      return reply.code(201).send(present(created));
    },
  );

  app.post(
    '/api/job-recommendations/:id/outcome',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Record an interview or outcome for the enterprise, or the seeker’s refusal',
        params: idParams,
        body: outcomeBody,
        response: { 200: recommendationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { principal } = request;
      return present(
        await recommendations.recordOutcome(
          { scope: principal.scope },
          principal.actor,
          principal.userId,
          request.params.id,
          request.body,
        ),
      );
    },
  );

  app.get(
    '/api/my-enterprise/recommendations',
    {
      config: { permission: 'job.post' },
      schema: {
        tags,
        summary: 'Seekers recommended to the contact’s enterprises, newest first',
        querystring: pageQuery,
        response: { 200: recommendationPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await recommendations.listOfContact(request.principal.userId, request.query);
      return { items: result.items.map(present), nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/my-enterprise/recommendations/:id/outcome',
    {
      config: { permission: 'job.post' },
      schema: {
        tags,
        summary: 'The enterprise records the interview and the outcome of a recommendation to it',
        params: idParams,
        body: outcomeBody,
        response: { 200: recommendationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { principal } = request;
      return present(
        await recommendations.recordOutcome(
          { contactUserId: principal.userId },
          principal.actor,
          principal.userId,
          request.params.id,
          request.body,
        ),
      );
    },
  );
};
