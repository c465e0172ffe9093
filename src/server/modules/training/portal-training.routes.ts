import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  checkInBody,
  checkInResultSchema,
  enrollmentSchema,
  myTrainingSchema,
  selfEnrollBody,
} from '../../../shared/api/training.js';
import { attachment } from '../../http/xlsx-download.js';
import type { ServiceContext } from '../../services.js';
import { AttendanceService } from './attendance.service.js';
import { TrainingCertificatesService } from './certificates.service.js';
import { enrollmentsRepository } from './enrollments.repository.js';
import { EnrollmentsService } from './enrollments.service.js';
import { presentEnrollments, toCourseDto } from './training.present.js';
import { traineeOf } from './training-self.js';

const tags = ['training', 'portal'];

/**
 * A resident's own training in the portal (`/m/training`): the open courses of their district,
 * enrolling, checking in with the code on the trainer's phone, and their certificates. A resident
 * reaches only their own enrollments: anything else answers 404.
 */
export const portalTrainingRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const enrollments = new EnrollmentsService(ctx);
  const attendance = new AttendanceService(ctx);
  const certificates = new TrainingCertificatesService(ctx);

  app.get(
    '/api/portal/me/training',
    {
      config: { permission: 'resident' },
      schema: {
        tags,
        summary: 'The resident’s enrollments and the open courses of their district',
        response: { 200: myTrainingSchema, ...errorResponses },
      },
    },
    async (request) => {
      const mine = await enrollments.mine(traineeOf(request));
      return {
        courses: mine.courses.map(toCourseDto),
        enrollments: await presentEnrollments(ctx.database.db, ctx.crypto, mine.enrollments, ctx.now()),
      };
    },
  );

  app.post(
    '/api/portal/me/training/enrollments',
    {
      config: { permission: 'resident' },
      schema: {
        tags,
        summary: 'Enroll oneself in a course (a full course puts one on its waiting list)',
        body: selfEnrollBody,
        response: { 201: enrollmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await enrollments.enrollSelf(traineeOf(request), request.body.courseId);
      const view = (await enrollmentsRepository.viewUnscoped(ctx.database.db, row.id))!;
      const [dto] = await presentEnrollments(ctx.database.db, ctx.crypto, [view], ctx.now());
      const { courseTitle: _, ...rest } = dto!;
      return reply.code(201).send(rest);
    },
  );

  app.post(
    '/api/portal/me/training/check-in',
    {
      config: { permission: 'resident' },
      schema: {
        tags,
        summary: 'Check in to the session running now with the code on the trainer’s phone',
        body: checkInBody,
        response: { 200: checkInResultSchema, ...errorResponses },
      },
    },
    async (request) => attendance.checkIn(traineeOf(request), request.body.code),
  );

  app.get(
    '/api/portal/me/training/enrollments/:id/certificate',
    {
      config: { permission: 'resident' },
      schema: { tags, summary: 'One’s own training certificate as PDF', params: idParams },
    },
    async (request, reply) => {
      const { serial, pdf } = await certificates.ownPdf(traineeOf(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(`${serial}.pdf`, `培训结业证书-${serial}.pdf`))
        .send(pdf);
    },
  );
};
