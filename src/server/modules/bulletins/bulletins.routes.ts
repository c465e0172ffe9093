import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  courseBody,
  courseDetailSchema,
  courseListSchema,
  postBody,
  postDetailSchema,
  postListQuery,
  postListSchema,
  unreadListSchema,
} from '../../../shared/api/bulletins.js';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import type { ServiceContext } from '../../services.js';
import { CoursesService } from './courses.service.js';
import { PostsService } from './posts.service.js';

const tags = ['bulletins'];

/** Staff: write, publish and withdraw posts and study courses; read counts and who has not read. */
export const bulletinStaffRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const posts = new PostsService(ctx);
  const courses = new CoursesService(ctx);
  const read = { permission: 'bulletin.read' } as const;
  const write = { permission: 'bulletin.write' } as const;

  app.get(
    '/api/bulletin-posts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Posts filed in scope (newest 200), with audience and receipts in scope',
        querystring: postListQuery,
        response: { 200: postListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await posts.list(request.principal.scope, request.query) }),
  );

  app.post(
    '/api/bulletin-posts',
    {
      config: write,
      schema: {
        tags,
        summary: 'Draft a post (news, notice, study material) targeted at organizations or regions',
        body: postBody,
        response: { 201: postDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const scope = request.principal.scope;
      const id = await posts.create(scope, request.body, request.principal.actor);
      return reply.code(201).send(await posts.detail(scope, id));
    },
  );

  app.get(
    '/api/bulletin-posts/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A post with its targets and read count',
        params: idParams,
        response: { 200: postDetailSchema, ...errorResponses },
      },
    },
    async (request) => posts.detail(request.principal.scope, request.params.id),
  );

  app.put(
    '/api/bulletin-posts/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Correct a draft post',
        params: idParams,
        body: postBody,
        response: { 200: postDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.principal.scope;
      await posts.update(scope, request.params.id, request.body, request.principal.actor);
      return posts.detail(scope, request.params.id);
    },
  );

  for (const step of ['publish', 'withdraw'] as const)
    app.post(
      `/api/bulletin-posts/:id/${step}`,
      {
        config: write,
        schema: {
          tags,
          summary: step === 'publish' ? 'Publish a draft post to its targets' : 'Withdraw a published post',
          params: idParams,
          response: { 200: postDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = request.principal.scope;
        await posts[step](scope, request.params.id, request.principal.actor);
        return posts.detail(scope, request.params.id);
      },
    );

  app.get(
    '/api/bulletin-posts/:id/unread',
    {
      config: read,
      schema: {
        tags,
        summary: 'Members the post reaches in scope who have not opened it (at most 1,000)',
        params: idParams,
        response: { 200: unreadListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await posts.unread(request.principal.scope, request.params.id) }),
  );

  app.get(
    '/api/study-courses',
    {
      config: read,
      schema: {
        tags,
        summary: 'Study courses filed in scope (newest 200)',
        response: { 200: courseListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await courses.list(request.principal.scope) }),
  );

  app.post(
    '/api/study-courses',
    {
      config: write,
      schema: {
        tags,
        summary: 'Draft a study course: study posts with reading times, a quiz, a pass mark',
        body: courseBody,
        response: { 201: courseDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const scope = request.principal.scope;
      const id = await courses.create(scope, request.body, request.principal.actor);
      return reply.code(201).send(await courses.detail(scope, id));
    },
  );

  app.get(
    '/api/study-courses/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A study course with its quiz and right answers, and completions in scope',
        params: idParams,
        response: { 200: courseDetailSchema, ...errorResponses },
      },
    },
    async (request) => courses.detail(request.principal.scope, request.params.id),
  );

  for (const step of ['publish', 'withdraw'] as const)
    app.post(
      `/api/study-courses/:id/${step}`,
      {
        config: write,
        schema: {
          tags,
          summary:
            step === 'publish' ? 'Publish a draft course to its targets' : 'Withdraw a published course',
          params: idParams,
          response: { 200: courseDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = request.principal.scope;
        await courses[step](scope, request.params.id, request.principal.actor);
        return courses.detail(scope, request.params.id);
      },
    );
};
