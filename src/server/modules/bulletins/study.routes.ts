import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  attemptBody,
  attemptResultSchema,
  courseItemParams,
  myBulletinsSchema,
  myCourseDetailSchema,
  myCourseItemSchema,
  myPostDetailSchema,
} from '../../../shared/api/bulletins.js';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import type { ServiceContext } from '../../services.js';
import { StudyService } from './study.service.js';

const tags = ['bulletins'];

/**
 * A member's own reading and study (手机党校): signed in as the member linked to the account; what
 * does not reach the member is 404, as is everything for an account linked to no member.
 */
export const bulletinMemberRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const study = new StudyService(ctx);
  const config = { permission: 'authenticated' } as const;

  app.get(
    '/api/bulletins/me',
    {
      config,
      schema: {
        tags,
        summary: 'The member’s posts to read (unread first), courses and scores',
        response: { 200: myBulletinsSchema, ...errorResponses },
      },
    },
    async (request) => study.home(request.principal.userId),
  );

  app.post(
    '/api/bulletins/me/posts/:id/open',
    {
      config,
      schema: {
        tags,
        summary: 'Open a post: its text, and the member’s read receipt (recorded once)',
        params: idParams,
        response: { 200: myPostDetailSchema, ...errorResponses },
      },
    },
    async (request) => study.openPost(request.principal.userId, request.params.id, request.principal.actor),
  );

  app.get(
    '/api/bulletins/me/courses/:id',
    {
      config,
      schema: {
        tags,
        summary: 'A course: items with the member’s progress, the quiz without its answers',
        params: idParams,
        response: { 200: myCourseDetailSchema, ...errorResponses },
      },
    },
    async (request) => study.courseDetail(request.principal.userId, request.params.id),
  );

  app.post(
    '/api/bulletins/me/courses/:id/items/:postId/open',
    {
      config,
      schema: {
        tags,
        summary: 'Open a course item: the reading timer starts on the server at the first opening',
        params: courseItemParams,
        response: { 200: myCourseItemSchema, ...errorResponses },
      },
    },
    async (request) =>
      study.openItem(
        request.principal.userId,
        request.params.id,
        request.params.postId,
        request.principal.actor,
      ),
  );

  app.post(
    '/api/bulletins/me/courses/:id/items/:postId/done',
    {
      config,
      schema: {
        tags,
        summary: 'Finish a course item: accepted once its minimum reading time has passed',
        params: courseItemParams,
        response: { 200: myCourseItemSchema, ...errorResponses },
      },
    },
    async (request) =>
      study.finishItem(
        request.principal.userId,
        request.params.id,
        request.params.postId,
        request.principal.actor,
      ),
  );

  app.post(
    '/api/bulletins/me/courses/:id/attempts',
    {
      config,
      schema: {
        tags,
        summary: 'Answer the course’s quiz: scored on the server; the best of the allowed attempts counts',
        params: idParams,
        body: attemptBody,
        response: { 200: attemptResultSchema, ...errorResponses },
      },
    },
    async (request) =>
      study.attempt(
        request.principal.userId,
        request.params.id,
        request.body.answers,
        request.principal.actor,
      ),
  );
};
