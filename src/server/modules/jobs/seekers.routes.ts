import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  candidatePageSchema,
  candidateQuery,
  jobMatchListSchema,
  matchQuery,
  seekerBody,
  seekerDetailSchema,
  seekerListQuery,
  seekerMatchListSchema,
  seekerPageSchema,
  seekerSchema,
  updateSeekerBody,
} from '../../../shared/api/jobs.js';
import type { ServiceContext } from '../../services.js';
import { toRecommendationDto } from './jobs.dto.js';
import type { MatchingService } from './matching.service.js';
import type { SeekersService } from './seekers.service.js';

const tags = ['jobs'];

/** Seekers: candidates from the register, registrations, and matching both ways (job.read / job.manage). */
export const seekerRoutes: FastifyPluginAsyncZod<{
  ctx: ServiceContext;
  seekers: SeekersService;
  matching: MatchingService;
}> = async (app, { ctx, seekers, matching }) => {
  app.get(
    '/api/job-seekers/candidates',
    {
      config: { permission: 'job.read' },
      schema: {
        tags,
        summary: 'Candidate seekers found from the register: 下岗失业, 失地农民, 零就业家庭, 4050',
        querystring: candidateQuery,
        response: { 200: candidatePageSchema, ...errorResponses },
      },
    },
    async (request) => seekers.candidates(request.principal.scope, request.query),
  );

  app.get(
    '/api/job-seekers',
    {
      config: { permission: 'job.read' },
      schema: {
        tags,
        summary: 'Registered seekers in scope, newest first',
        querystring: seekerListQuery,
        response: { 200: seekerPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await seekers.list(request.principal.scope, request.query);
      return { items: await seekers.present(result.items), nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/job-seekers',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Register a seeker (求职登记) from a person in scope',
        body: seekerBody,
        response: { 201: seekerSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const view = await seekers.register(request.principal.scope, request.principal.actor, request.body);
      return reply.code(201).send((await seekers.present([view]))[0]!);
    },
  );

  app.get(
    '/api/job-seekers/:id',
    {
      config: { permission: 'job.read' },
      schema: {
        tags,
        summary: 'One seeker with their recommendations',
        params: idParams,
        response: { 200: seekerDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const detail = await seekers.get(request.principal.scope, request.params.id);
      return {
        seeker: (await seekers.present([detail.seeker]))[0]!,
        recommendations: detail.recommendations.map((r) => toRecommendationDto(ctx.crypto, r)),
      };
    },
  );

  app.patch(
    '/api/job-seekers/:id',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Change a registration, or withdraw it',
        params: idParams,
        body: updateSeekerBody,
        response: { 200: seekerSchema, ...errorResponses },
      },
    },
    async (request) => {
      const view = await seekers.update(
        request.principal.scope,
        request.principal.actor,
        request.params.id,
        request.body,
      );
      return (await seekers.present([view]))[0]!;
    },
  );

  app.get(
    '/api/job-seekers/:id/matches',
    {
      config: { permission: 'job.read' },
      schema: {
        tags,
        summary: 'Open jobs in scope ranked for a seeker, with the reasons',
        params: idParams,
        querystring: matchQuery,
        response: { 200: jobMatchListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: await matching.jobsForSeeker(request.principal.scope, request.params.id, request.query.limit),
    }),
  );

  app.get(
    '/api/jobs/:id/matches',
    {
      config: { permission: 'job.read' },
      schema: {
        tags,
        summary: 'Registered seekers in scope ranked for a job, with the reasons',
        params: idParams,
        querystring: matchQuery,
        response: { 200: seekerMatchListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: await matching.seekersForJob(request.principal.scope, request.params.id, request.query.limit),
    }),
  );
};
