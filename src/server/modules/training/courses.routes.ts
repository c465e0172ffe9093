import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  attendanceBody,
  codeSchema,
  completionSchema,
  courseBody,
  courseDetailSchema,
  courseListQuery,
  coursePageSchema,
  courseSchema,
  rosterSchema,
  sessionsBody,
} from '../../../shared/api/training.js';
import type { ServiceContext } from '../../services.js';
import { AttendanceService } from './attendance.service.js';
import { CoursesService } from './courses.service.js';
import { toCourseDto, toEnrollmentDto, toSessionDto } from './training.present.js';

const tags = ['training'];

/** Courses, their sessions and attendance (job.read / job.manage: the job service's case workers run training). */
export const courseRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const courses = new CoursesService(ctx);
  const attendance = new AttendanceService(ctx);

  const detail = async (scope: Parameters<CoursesService['get']>[0], id: string) => {
    const found = await courses.get(scope, id);
    const now = ctx.now();
    return {
      course: toCourseDto(found.course),
      sessions: found.facts.sessions.map(toSessionDto),
      enrollments: found.enrollments.map((e) => toEnrollmentDto(ctx.crypto, e, found.facts, now)),
    };
  };

  app.get(
    '/api/training-courses',
    {
      config: { permission: 'job.read' },
      schema: {
        tags,
        summary: 'Training courses run in scope, newest first',
        querystring: courseListQuery,
        response: { 200: coursePageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await courses.list(request.principal.scope, request.query);
      return { items: result.items.map(toCourseDto), nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/training-courses',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Set up a course (SYB 创办你的企业, 数控, 焊接 …) at a place in scope',
        body: courseBody,
        response: { 201: courseSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          toCourseDto(await courses.create(request.principal.scope, request.principal.actor, request.body)),
        ),
  );

  app.get(
    '/api/training-courses/:id',
    {
      config: { permission: 'job.read' },
      schema: {
        tags,
        summary: 'A course with its sessions and trainees (attendance shares, waiting list)',
        params: idParams,
        response: { 200: courseDetailSchema, ...errorResponses },
      },
    },
    async (request) => detail(request.principal.scope, request.params.id),
  );

  app.post(
    '/api/training-courses/:id/sessions',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Add sessions in bulk: given weekdays and times from a date, so many of them',
        params: idParams,
        body: sessionsBody,
        response: { 201: courseDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      await courses.addSessions(
        request.principal.scope,
        request.principal.actor,
        request.params.id,
        request.body,
      );
      return reply.code(201).send(await detail(request.principal.scope, request.params.id));
    },
  );

  app.post(
    '/api/training-courses/:id/complete',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'End the course: trainees complete by the rule, get a certificate, their skills',
        params: idParams,
        response: { 200: completionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const done = await courses.complete(
        request.principal.scope,
        request.principal.actor,
        request.params.id,
      );
      return { course: toCourseDto(done.course), completed: done.completed, notCompleted: done.notCompleted };
    },
  );

  app.get(
    '/api/training-sessions/:id/attendance',
    {
      config: { permission: 'job.read' },
      schema: {
        tags,
        summary: 'The roster of a session with each trainee’s mark',
        params: idParams,
        response: { 200: rosterSchema, ...errorResponses },
      },
    },
    async (request) => {
      const roster = await attendance.roster(request.principal.scope, request.params.id);
      return { session: toSessionDto(roster.session), items: roster.items };
    },
  );

  app.post(
    '/api/training-sessions/:id/attendance',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Mark one trainee present, late, excused or absent for the session',
        params: idParams,
        body: attendanceBody,
        response: { 200: rosterSchema, ...errorResponses },
      },
    },
    async (request) => {
      await attendance.mark(
        request.principal.scope,
        request.principal.actor,
        request.params.id,
        request.body,
      );
      const roster = await attendance.roster(request.principal.scope, request.params.id);
      return { session: toSessionDto(roster.session), items: roster.items };
    },
  );

  app.get(
    '/api/training-sessions/:id/code',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'The session’s rotating check-in code (changes every two minutes)',
        params: idParams,
        response: { 200: codeSchema, ...errorResponses },
      },
    },
    async (request) => attendance.code(request.principal.scope, request.params.id),
  );
};
