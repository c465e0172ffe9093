import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  createWorkLogBody,
  updateWorkLogBody,
  voidWorkLogBody,
  workLogCountsQuery,
  workLogCountsSchema,
  workLogListQuery,
  workLogPageSchema,
  workLogSchema,
} from '../../../shared/api/worklogs.js';
import type { Principal } from '../../auth/principal.js';
import { decodeCursor, page } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import { toWorkLog } from './worklogs.present.js';
import { WorkLogsService } from './worklogs.service.js';

const tags = ['work logs'];

/** 工作日志: the list, one log, writing, correcting and voiding (by its author), the monthly count. */
export const workLogsRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const logs = new WorkLogsService(ctx);
  const present = async (principal: Principal, id: string) =>
    toWorkLog(await logs.detail(principal.scope, id), principal.userId, logs.today());

  app.get(
    '/api/work-logs',
    {
      config: { permission: 'worklog.read' },
      schema: {
        tags,
        summary:
          'Work logs in scope (of an organization, a region, an author, a kind, between two dates), newest first',
        querystring: workLogListQuery,
        response: { 200: workLogPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit, ...filter } = request.query;
      const after = decodeCursor(cursor, ['text', 'text']);
      const rows = await logs.list(request.principal.scope, {
        ...filter,
        after: after ? [after[0], after[1]] : undefined,
        limit,
      });
      const { items, nextCursor } = page(rows, limit, (last) => [last.logged_on, last.id]);
      const today = logs.today();
      return { items: items.map((row) => toWorkLog(row, request.principal.userId, today)), nextCursor };
    },
  );

  app.post(
    '/api/work-logs',
    {
      config: { permission: 'worklog.write' },
      schema: {
        tags,
        summary:
          'Write a work log of an organization, optionally linked to a work order, a visit, an activity',
        body: createWorkLogBody,
        response: { 201: workLogSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { principal } = request;
      const author = { id: principal.userId, name: principal.user.display_name };
      const id = await logs.create(principal.scope, request.body, author, principal.actor);
      return reply.code(201).send(await present(principal, id));
    },
  );

  app.get(
    '/api/work-logs/:id',
    {
      config: { permission: 'worklog.read' },
      schema: {
        tags,
        summary: 'A work log',
        params: idParams,
        response: { 200: workLogSchema, ...errorResponses },
      },
    },
    async (request) => present(request.principal, request.params.id),
  );

  app.put(
    '/api/work-logs/:id',
    {
      config: { permission: 'worklog.write' },
      schema: {
        tags,
        summary: 'Correct one’s own work log within 7 days of writing it',
        params: idParams,
        body: updateWorkLogBody,
        response: { 200: workLogSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { principal } = request;
      await logs.update(principal.scope, request.params.id, request.body, principal.userId, principal.actor);
      return present(principal, request.params.id);
    },
  );

  app.post(
    '/api/work-logs/:id/void',
    {
      config: { permission: 'worklog.write' },
      schema: {
        tags,
        summary: 'Void one’s own work log within 7 days of writing it, with the reason (nothing is deleted)',
        params: idParams,
        body: voidWorkLogBody,
        response: { 200: workLogSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { principal } = request;
      await logs.void(
        principal.scope,
        request.params.id,
        request.body.reason,
        principal.userId,
        principal.actor,
      );
      return present(principal, request.params.id);
    },
  );

  app.get(
    '/api/work-log-counts',
    {
      config: { permission: 'worklog.read' },
      schema: {
        tags,
        summary: 'Per party organization in scope: its work logs of a month; `missing=true` those with none',
        querystring: workLogCountsQuery,
        response: { 200: workLogCountsSchema, ...errorResponses },
      },
    },
    async (request) =>
      logs.monthlyCounts(request.principal.scope, request.query.month, {
        region: request.query.region,
        missing: request.query.missing === 'true',
      }),
  );
};
