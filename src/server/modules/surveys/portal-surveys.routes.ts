import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams, noContent } from '../../../shared/api/common.js';
import { answersBody, portalSurveyListSchema } from '../../../shared/api/surveys.js';
import type { SignedInResident } from '../../http/access-control.js';
import { unauthenticated } from '../../http/errors.js';
import type { SurveyServices } from './survey-services.js';
import { toPortalSurvey } from './surveys.present.js';

const tags = ['surveys', 'portal'];

const residentOf = (request: FastifyRequest): SignedInResident => {
  if (!request.resident) throw unauthenticated();
  return request.resident;
};

/**
 * The resident's side (`/m/surveys`): the surveys whose sample names them (as a register person
 * or by the phone they signed in with) and that wait for their answer, and the answer itself.
 */
export const portalSurveysRoutes: FastifyPluginAsyncZod<{ services: SurveyServices }> = async (
  app,
  { services },
) => {
  app.get(
    '/api/portal/surveys',
    {
      config: { permission: 'resident' },
      schema: {
        tags,
        summary: 'The surveys waiting for the signed-in resident’s answer',
        response: { 200: portalSurveyListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const waiting = await services.answers.waitingFor(residentOf(request));
      return { items: waiting.map((w) => toPortalSurvey(w.survey, w.questions)) };
    },
  );

  app.post(
    '/api/portal/surveys/:id/answers',
    {
      config: { permission: 'resident' },
      schema: {
        tags,
        summary: 'Answer a survey one is sampled for (once)',
        params: idParams,
        body: answersBody,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.answers.answerOnPortal(
        residentOf(request),
        request.actor,
        request.params.id,
        request.body,
      );
      return reply.code(204).send();
    },
  );
};
