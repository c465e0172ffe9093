import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  createMeetingBody,
  meetingDetailSchema,
  meetingListQuery,
  meetingPageSchema,
  returnMeetingBody,
  submitMeetingBody,
  updateMeetingBody,
} from '../../../shared/api/meetings.js';
import type { Scope } from '../../auth/scope.js';
import { decodeCursor, page } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import { MeetingReviewService } from './meeting-review.service.js';
import { toMeetingDetail, toMeetingSummary } from './meetings.present.js';
import { MeetingsService } from './meetings.service.js';

const tags = ['meetings'];

/** 三会一课: the list, a meeting with its attendance and decisions, drafting, submission, review. */
export const meetingsRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const meetings = new MeetingsService(ctx);
  const review = new MeetingReviewService(ctx);
  const detail = async (scope: Scope, id: string) => toMeetingDetail(await meetings.detail(scope, id));

  app.get(
    '/api/meetings',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary:
          'Meetings in scope (of an organization, a region, a type, a status, planned between two dates), newest first',
        querystring: meetingListQuery,
        response: { 200: meetingPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit, ...filter } = request.query;
      const after = decodeCursor(cursor, ['text']);
      const rows = await meetings.list(request.principal.scope, { ...filter, after: after?.[0], limit });
      const { items, nextCursor } = page(rows, limit, (last) => [last.id]);
      const counts = await meetings.counts(items.map((m) => m.id));
      const none = { present: 0, absent: 0, expected: 0 };
      return { items: items.map((m) => toMeetingSummary(m, counts.get(m.id) ?? none)), nextCursor };
    },
  );

  app.post(
    '/api/meetings',
    {
      config: { permission: 'meeting.write' },
      schema: {
        tags,
        summary:
          'Draft a meeting of an organization: type, dates, duration, presenter, recorder, attendance, minutes',
        body: createMeetingBody,
        response: { 201: meetingDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const scope = request.principal.scope;
      const id = await meetings.create(scope, request.body, request.principal.actor);
      return reply.code(201).send(await detail(scope, id));
    },
  );

  app.get(
    '/api/meetings/:id',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary: 'A meeting: attendance, minutes, review and the tasks its decisions became',
        params: idParams,
        response: { 200: meetingDetailSchema, ...errorResponses },
      },
    },
    async (request) => detail(request.principal.scope, request.params.id),
  );

  app.put(
    '/api/meetings/:id',
    {
      config: { permission: 'meeting.write' },
      schema: {
        tags,
        summary: 'Correct a draft or returned meeting',
        params: idParams,
        body: updateMeetingBody,
        response: { 200: meetingDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.principal.scope;
      await meetings.update(scope, request.params.id, request.body, request.principal.actor);
      return detail(scope, request.params.id);
    },
  );

  app.post(
    '/api/meetings/:id/submit',
    {
      config: { permission: 'meeting.write' },
      schema: {
        tags,
        summary: 'Submit a complete meeting for review; its decisions become tracked tasks',
        params: idParams,
        body: submitMeetingBody,
        response: { 200: meetingDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.principal.scope;
      await meetings.submit(scope, request.params.id, request.body, request.principal.actor);
      return detail(scope, request.params.id);
    },
  );

  app.post(
    '/api/meetings/:id/approve',
    {
      config: { permission: 'meeting.review' },
      schema: {
        tags,
        summary: 'Approve a submitted meeting (the level above its organization)',
        params: idParams,
        response: { 200: meetingDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      await review.approve(request.principal, request.params.id);
      return detail(request.principal.scope, request.params.id);
    },
  );

  app.post(
    '/api/meetings/:id/return',
    {
      config: { permission: 'meeting.review' },
      schema: {
        tags,
        summary: 'Return a submitted meeting to its secretary with the reason',
        params: idParams,
        body: returnMeetingBody,
        response: { 200: meetingDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      await review.return(request.principal, request.params.id, request.body.reason);
      return detail(request.principal.scope, request.params.id);
    },
  );
};
