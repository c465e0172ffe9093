import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  assessmentBody,
  enrollBody,
  enrollmentSchema,
  followUpBody,
  followUpPageSchema,
  followUpQuery,
  serialParams,
  verificationSchema,
} from '../../../shared/api/training.js';
import { attachment } from '../../http/xlsx-download.js';
import type { ServiceContext } from '../../services.js';
import { TrainingCertificatesService } from './certificates.service.js';
import type { EnrollmentRow } from './enrollments.repository.js';
import { enrollmentsRepository } from './enrollments.repository.js';
import { EnrollmentsService } from './enrollments.service.js';
import { presentEnrollments } from './training.present.js';

const tags = ['training'];

/** Enrollments, assessment, follow-up and certificates (job.read / job.manage), and the public check. */
export const enrollmentRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const enrollments = new EnrollmentsService(ctx);
  const certificates = new TrainingCertificatesService(ctx);

  const present = async (row: EnrollmentRow) => {
    const view = (await enrollmentsRepository.viewUnscoped(ctx.database.db, row.id))!;
    const [dto] = await presentEnrollments(ctx.database.db, ctx.crypto, [view], ctx.now());
    const { courseTitle: _, ...rest } = dto!;
    return rest;
  };

  app.post(
    '/api/training-courses/:id/enrollments',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Enroll a resident of one’s scope (a full course puts them on the waiting list)',
        params: idParams,
        body: enrollBody,
        response: { 201: enrollmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await enrollments.enroll(
        request.principal.scope,
        request.principal.actor,
        request.params.id,
        request.body.personId,
      );
      return reply.code(201).send(await present(row));
    },
  );

  app.post(
    '/api/training-enrollments/:id/cancel',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Cancel an enrollment; the first on the waiting list takes the place',
        params: idParams,
        response: { 200: enrollmentSchema, ...errorResponses },
      },
    },
    async (request) =>
      present(await enrollments.cancel(request.principal.scope, request.principal.actor, request.params.id)),
  );

  app.post(
    '/api/training-enrollments/:id/assessment',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Record the assessment result of a trainee',
        params: idParams,
        body: assessmentBody,
        response: { 200: enrollmentSchema, ...errorResponses },
      },
    },
    async (request) =>
      present(
        await enrollments.assess(
          request.principal.scope,
          request.principal.actor,
          request.params.id,
          request.body.result,
        ),
      ),
  );

  app.post(
    '/api/training-enrollments/:id/follow-up',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags,
        summary: 'Record what became of a graduate six months on: employed, a business, or neither',
        params: idParams,
        body: followUpBody,
        response: { 200: enrollmentSchema, ...errorResponses },
      },
    },
    async (request) =>
      present(
        await enrollments.followUp(
          request.principal.scope,
          request.principal.actor,
          request.params.id,
          request.body,
        ),
      ),
  );

  app.get(
    '/api/training-follow-ups',
    {
      config: { permission: 'job.read' },
      schema: {
        tags,
        summary: 'Graduates due for their six-month follow-up (or all graduates), newest first',
        querystring: followUpQuery,
        response: { 200: followUpPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await enrollments.followUps(request.principal.scope, request.query);
      return {
        items: await presentEnrollments(ctx.database.db, ctx.crypto, result.items, ctx.now()),
        nextCursor: result.nextCursor,
      };
    },
  );

  app.get(
    '/api/training-enrollments/:id/certificate',
    {
      config: { permission: 'job.read' },
      schema: { tags, summary: 'A graduate’s certificate as PDF (Chinese font embedded)', params: idParams },
    },
    async (request, reply) => {
      const { serial, pdf } = await certificates.pdfInScope(request.principal.scope, request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(`${serial}.pdf`, `培训结业证书-${serial}.pdf`))
        .send(pdf);
    },
  );

  app.get(
    '/api/public/training-certificates/:serial',
    {
      config: {
        public: 'the training certificate verification page: confirms a serial printed on a certificate',
        rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Confirms a training certificate serial: masked name, course, date',
        params: serialParams,
        response: { 200: verificationSchema, ...errorResponses },
      },
    },
    async (request) => certificates.verify(request.params.serial),
  );
};
