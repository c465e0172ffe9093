import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  rankingQuery,
  rankingSchema,
  resultsQuery,
  smsResultSchema,
  surveyDesignBody,
  surveyDetailSchema,
  surveyListQuery,
  surveyPageSchema,
  surveyResultsSchema,
} from '../../../shared/api/surveys.js';
import type { Scope } from '../../auth/scope.js';
import { decodeCursor, page } from '../../http/pagination.js';
import type { AuditActor } from '../audit/index.js';
import type { SurveyServices } from './survey-services.js';
import { toSurveyDetail, toSurveySummary } from './surveys.present.js';

const tags = ['surveys'];

/** 群众满意度测评: questionnaires, the draw, texts, close, results and the city's ranking. */
export const surveysRoutes: FastifyPluginAsyncZod<{ services: SurveyServices }> = async (
  app,
  { services },
) => {
  const { surveys, draws, results } = services;
  const detail = async (scope: Scope, id: string) => toSurveyDetail(await surveys.detail(scope, id));

  app.get(
    '/api/surveys',
    {
      config: { permission: 'survey.read' },
      schema: {
        tags,
        summary: 'Satisfaction surveys in scope, newest first',
        querystring: surveyListQuery,
        response: { 200: surveyPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit, status, region } = request.query;
      const after = decodeCursor(cursor, ['text'])?.[0];
      const { rows, names } = await surveys.list(request.principal.scope, {
        status,
        region,
        ...(after ? { after } : {}),
        limit,
      });
      const { items, nextCursor } = page(rows, limit, (last) => [last.id]);
      return { items: items.map((s) => toSurveySummary(s, names)), nextCursor };
    },
  );

  app.post(
    '/api/surveys',
    {
      config: { permission: 'survey.write' },
      schema: {
        tags,
        summary: 'Design a survey (a draft): questions, region, source of the sample, size, reserves, cap',
        body: surveyDesignBody,
        response: { 201: surveyDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const scope = request.principal.scope;
      const id = await surveys.create(scope, request.body, request.principal.actor);
      return reply.code(201).send(await detail(scope, id));
    },
  );

  app.get(
    '/api/surveys/:id',
    {
      config: { permission: 'survey.read' },
      schema: {
        tags,
        summary: 'A survey: questionnaire, seed, strata with quotas, reserves and answers so far',
        params: idParams,
        response: { 200: surveyDetailSchema, ...errorResponses },
      },
    },
    async (request) => detail(request.principal.scope, request.params.id),
  );

  app.put(
    '/api/surveys/:id',
    {
      config: { permission: 'survey.write' },
      schema: {
        tags,
        summary: 'Change a draft survey’s design (refused once the sample is drawn)',
        params: idParams,
        body: surveyDesignBody,
        response: { 200: surveyDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.principal.scope;
      await surveys.update(scope, request.params.id, request.body, request.principal.actor);
      return detail(scope, request.params.id);
    },
  );

  const step = (
    path: string,
    summary: string,
    act: (scope: Scope, id: string, actor: AuditActor) => Promise<unknown>,
  ) =>
    app.post(
      `/api/surveys/:id/${path}`,
      {
        config: { permission: 'survey.write' },
        schema: { tags, summary, params: idParams, response: { 200: surveyDetailSchema, ...errorResponses } },
      },
      async (request) => {
        await act(request.principal.scope, request.params.id, request.principal.actor);
        return detail(request.principal.scope, request.params.id);
      },
    );
  step(
    'draw',
    'Draw the sample from the seed (strata by grid, quotas, reserves, contact cap); opens it',
    (s, id, a) => draws.draw(s, id, a),
  );
  step('close', 'Close an open survey: no more answers', (s, id, a) => surveys.close(s, id, a));

  app.post(
    '/api/surveys/:id/sms',
    {
      config: { permission: 'survey.write' },
      schema: {
        tags,
        summary: 'Queue a text to every waiting sampled resident not yet sent one (through the outbox)',
        params: idParams,
        response: { 200: smsResultSchema, ...errorResponses },
      },
    },
    async (request) => ({
      queued: await draws.text(request.principal.scope, request.params.id, request.principal.actor),
    }),
  );

  app.get(
    '/api/surveys/:id/results',
    {
      config: { permission: 'survey.read' },
      schema: {
        tags,
        summary:
          'Results of a region (the survey’s by default) and its children: n, satisfied share, 95% Wilson interval',
        params: idParams,
        querystring: resultsQuery,
        response: { 200: surveyResultsSchema, ...errorResponses },
      },
    },
    async (request) => results.results(request.principal.scope, request.params.id, request.query.region),
  );

  app.get(
    '/api/survey-rankings',
    {
      config: { permission: 'survey.read' },
      schema: {
        tags,
        summary: 'A city’s districts in scope ranked by the satisfied share of their closed surveys',
        querystring: rankingQuery,
        response: { 200: rankingSchema, ...errorResponses },
      },
    },
    async (request) =>
      results.ranking(request.principal.scope, request.query.city, request.query.from, request.query.to),
  );
};
