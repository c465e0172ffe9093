import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  complianceQuery,
  complianceSchema,
  districtParams,
  meetingRulesBody,
  meetingRulesSchema,
  meetingTaskListQuery,
  meetingTaskPageSchema,
  meetingTaskSchema,
} from '../../../shared/api/meetings.js';
import { decodeCursor, page } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import { ComplianceService } from './compliance.service.js';
import { MeetingTasksService } from './meeting-tasks.service.js';
import { toMeetingTask } from './meetings.present.js';

const tags = ['meetings'];

/** Compliance of 三会一课 per organization and quarter, the districts' rule tables, the tasks. */
export const complianceRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const compliance = new ComplianceService(ctx);
  const tasks = new MeetingTasksService(ctx);

  app.get(
    '/api/meeting-compliance',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary: 'Per organization in scope: the meetings the rules required in a quarter, held or missed',
        querystring: complianceQuery,
        response: { 200: complianceSchema, ...errorResponses },
      },
    },
    async (request) => ({
      quarter: request.query.quarter,
      items: await compliance.compliance(request.principal.scope, request.query),
    }),
  );

  app.get(
    '/api/districts/:district/meeting-rules',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary: 'A district’s rule table: which meeting how often, for which kinds of organization',
        params: districtParams,
        response: { 200: meetingRulesSchema, ...errorResponses },
      },
    },
    async (request) => {
      request.principal.scope.filteredTo(request.params.district);
      return compliance.rules(request.params.district);
    },
  );

  app.put(
    '/api/districts/:district/meeting-rules',
    {
      config: { permission: 'meeting.review' },
      schema: {
        tags,
        summary: 'Change a whole district’s rule table (types not named are switched off)',
        params: districtParams,
        body: meetingRulesBody,
        response: { 200: meetingRulesSchema, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.principal.scope;
      scope.filteredTo(request.params.district);
      return compliance.changeRules(
        scope,
        request.params.district,
        request.body.rules,
        request.principal.actor,
      );
    },
  );

  app.get(
    '/api/meeting-tasks',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary: 'Tasks of missed meetings and of decisions in scope, newest first',
        querystring: meetingTaskListQuery,
        response: { 200: meetingTaskPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit, ...filter } = request.query;
      const after = decodeCursor(cursor, ['text']);
      const rows = await tasks.list(request.principal.scope, { ...filter, after: after?.[0], limit });
      const { items, nextCursor } = page(rows, limit, (last) => [last.id]);
      return { items: items.map(toMeetingTask), nextCursor };
    },
  );

  app.post(
    '/api/meeting-tasks/:id/done',
    {
      config: { permission: 'meeting.write' },
      schema: {
        tags,
        summary: 'Mark a meeting task done',
        params: idParams,
        response: { 200: meetingTaskSchema, ...errorResponses },
      },
    },
    async (request) =>
      toMeetingTask(await tasks.done(request.principal.scope, request.params.id, request.principal.actor)),
  );
};
