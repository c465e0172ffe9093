import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createTaskForceBody,
  regionListQuery,
  resultBody,
  secondmentBody,
  taskForceDetailSchema,
  taskForceListSchema,
} from '../../../shared/api/cobuilding.js';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import type { ServiceContext } from '../../services.js';
import { toTaskForce, toTaskForceDetail } from './cobuilding.present.js';
import { TaskForcesService } from './task-forces.service.js';

const tags = ['cobuilding'];
const detailResponse = { 200: taskForceDetailSchema, ...errorResponses };

/** 临时党组织 and 攻坚队: task forces, their seconded members and results. */
export const taskForceRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const forces = new TaskForcesService(ctx);

  app.get(
    '/api/task-forces',
    {
      config: { permission: 'cobuilding.read' },
      schema: {
        tags,
        summary: 'Task forces in scope (region= narrows), latest start first',
        querystring: regionListQuery,
        response: { 200: taskForceListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await forces.list(request.principal.scope, request.query.region)).map(toTaskForce),
    }),
  );

  app.post(
    '/api/task-forces',
    {
      config: { permission: 'cobuilding.write' },
      schema: {
        tags,
        summary:
          'Set up a task force (command, temporary organization, vanguard team) with its purpose and period',
        body: createTaskForceBody,
        response: { 201: taskForceDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { scope, actor } = request.principal;
      return reply.code(201).send(toTaskForceDetail(await forces.create(scope, request.body, actor)));
    },
  );

  app.get(
    '/api/task-forces/:id',
    {
      config: { permission: 'cobuilding.read' },
      schema: {
        tags,
        summary: 'A task force with its seconded members (home organization, period) and results',
        params: idParams,
        response: detailResponse,
      },
    },
    async (request) => toTaskForceDetail(await forces.detail(request.principal.scope, request.params.id)),
  );

  app.post(
    '/api/task-forces/:id/secondments',
    {
      config: { permission: 'cobuilding.write' },
      schema: {
        tags,
        summary: 'Second a member from their home organization for a period within the task force’s',
        params: idParams,
        body: secondmentBody,
        response: detailResponse,
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      return toTaskForceDetail(await forces.second(scope, request.params.id, request.body, actor));
    },
  );

  app.post(
    '/api/task-forces/:id/results',
    {
      config: { permission: 'cobuilding.write' },
      schema: {
        tags,
        summary: 'Record a result: a day, a text and optional figures',
        params: idParams,
        body: resultBody,
        response: detailResponse,
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      return toTaskForceDetail(await forces.addResult(scope, request.params.id, request.body, actor));
    },
  );
};
