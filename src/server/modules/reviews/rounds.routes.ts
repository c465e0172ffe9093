import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  addEvaluatorBody,
  assignmentListSchema,
  createRoundBody,
  reportBody,
  roundDetailSchema,
  roundListQuery,
  roundListSchema,
  scoresBody,
} from '../../../shared/api/reviews.js';
import type { ServiceContext } from '../../services.js';
import { toAssignment, toRoundDetail, toRoundSummary } from './reviews.present.js';
import { ReviewRoundsService } from './rounds.service.js';

const tags = ['reviews'];

/** 述职评议: rounds, evaluators, reports, scores, close (freeze) and publish. */
export const reviewRoundRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const rounds = new ReviewRoundsService(ctx);
  const detail = async (scope: Parameters<ReviewRoundsService['detail']>[0], id: string) =>
    toRoundDetail(await rounds.detail(scope, id));

  app.get(
    '/api/review-rounds',
    {
      config: { permission: 'review.read' },
      schema: {
        tags,
        summary: 'Review rounds held by regions in scope, newest year first (a few a year: not paged)',
        querystring: roundListQuery,
        response: { 200: roundListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await rounds.list(request.principal.scope, request.query)).map(toRoundSummary),
    }),
  );

  app.post(
    '/api/review-rounds',
    {
      config: { permission: 'review.write' },
      schema: {
        tags,
        summary: 'Open a review round of a region: its child regions become the reviewed units',
        body: createRoundBody,
        response: { 201: roundDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const scope = request.principal.scope;
      const id = await rounds.create(scope, request.body, request.principal.actor);
      return reply.code(201).send(await detail(scope, id));
    },
  );

  app.get(
    '/api/review-rounds/:id',
    {
      config: { permission: 'review.read' },
      schema: {
        tags,
        summary: 'A round: units ranked with KPIs and scores (computed while open, frozen once closed)',
        params: idParams,
        response: { 200: roundDetailSchema, ...errorResponses },
      },
    },
    async (request) => detail(request.principal.scope, request.params.id),
  );

  app.post(
    '/api/review-rounds/:id/evaluators',
    {
      config: { permission: 'review.write' },
      schema: {
        tags,
        summary: 'Name a user an evaluator of the round, in a group (leader, member, resident)',
        params: idParams,
        body: addEvaluatorBody,
        response: { 200: roundDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.principal.scope;
      await rounds.addEvaluator(scope, request.params.id, request.body, request.principal.actor);
      return detail(scope, request.params.id);
    },
  );

  for (const [path, summary] of [
    ['close', 'Close the round: KPIs, scores and ranks are computed once and frozen'],
    ['publish', 'Publish a closed round’s results'],
  ] as const)
    app.post(
      `/api/review-rounds/:id/${path}`,
      {
        config: { permission: 'review.write' },
        schema: { tags, summary, params: idParams, response: { 200: roundDetailSchema, ...errorResponses } },
      },
      async (request) => {
        const scope = request.principal.scope;
        if (path === 'close') await rounds.close(scope, request.params.id, request.principal.actor);
        else await rounds.publish(scope, request.params.id, request.principal.actor);
        return detail(scope, request.params.id);
      },
    );

  app.post(
    '/api/review-units/:id/report',
    {
      config: { permission: 'review.write' },
      schema: {
        tags,
        summary: 'Submit the unit’s report (述职报告), by review.write over the unit',
        params: idParams,
        body: reportBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await rounds.submitReport(
        request.principal.scope,
        request.params.id,
        request.body,
        request.principal.actor,
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/review-units/:id/scores',
    {
      config: { permission: 'review.score' },
      schema: {
        tags,
        summary: 'An evaluator’s scores of a unit, every rubric item (replaces their earlier sheet)',
        params: idParams,
        body: scoresBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await rounds.score(request.principal.userId, request.params.id, request.body, request.principal.actor);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me/review-assignments',
    {
      config: { permission: 'review.score' },
      schema: {
        tags,
        summary: 'The open rounds the caller evaluates, with their units and the caller’s scores',
        response: { 200: assignmentListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: (await rounds.assignments(request.principal.userId)).map(toAssignment) }),
  );
};
