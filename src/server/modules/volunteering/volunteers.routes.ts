import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idSchema } from '../../../shared/api/common.js';
import {
  certificateBody,
  certificateSchema,
  createVolunteerBody,
  recordEntryBody,
  serialParams,
  teamListQuery,
  teamPageSchema,
  updateVolunteerBody,
  verificationSchema,
  volunteerListQuery,
  volunteerPageSchema,
  volunteerRecordSchema,
  volunteerSchema,
} from '../../../shared/api/volunteering.js';
import { pageById } from '../../http/pagination.js';
import { attachment } from '../../http/xlsx-download.js';
import type { ServiceContext } from '../../services.js';
import { CertificatesService } from './certificates.service.js';
import { memberSelf } from './volunteer-self.js';
import { toCertificateDto, toRecordDto, toVolunteerDto } from './volunteering.schema.js';
import { VolunteersService } from './volunteers.service.js';

const idParams = z.object({ id: idSchema });
const tags = ['volunteering'];

/** Volunteer teams, volunteers and their records, certificates and the public verification. */
export const volunteersRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const volunteers = new VolunteersService(ctx);
  const certificates = new CertificatesService(ctx);

  app.get(
    '/api/volunteer-teams',
    {
      config: { permission: 'volunteer.read' },
      schema: {
        tags,
        summary: 'Volunteer teams in scope',
        querystring: teamListQuery,
        response: { 200: teamPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region } = request.query;
      const { items, nextCursor } = await pageById(request.query, (after, limit) =>
        volunteers.teams(request.principal.scope, { region, after, limit }),
      );
      return {
        items: items.map((t) => ({
          id: t.id,
          name: t.name,
          regionCode: t.region_code,
          volunteers: t.volunteers,
          activities: t.activities,
          confirmedMinutes: t.confirmed_minutes,
        })),
        nextCursor,
      };
    },
  );

  app.get(
    '/api/volunteers',
    {
      config: { permission: 'volunteer.read' },
      schema: {
        tags,
        summary: 'Volunteers in scope (masked ID and phone)',
        querystring: volunteerListQuery,
        response: { 200: volunteerPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { team, q } = request.query;
      const { items, nextCursor } = await pageById(request.query, (after, limit) =>
        volunteers.list(request.principal.scope, { team, q, after, limit }),
      );
      return { items: items.map((v) => toVolunteerDto(ctx.crypto, v)), nextCursor };
    },
  );

  app.post(
    '/api/volunteers',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: 'Register a resident or member as a volunteer of a team',
        body: createVolunteerBody,
        response: { 201: volunteerSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await volunteers.create(request.principal.scope, request.body, request.principal.actor);
      return reply.code(201).send(toVolunteerDto(ctx.crypto, created));
    },
  );

  app.get(
    '/api/volunteers/:id',
    {
      config: { permission: 'volunteer.read' },
      schema: {
        tags,
        summary: 'A volunteer’s record: 基本信息, 服务情况, 培训, 表彰, 评价',
        params: idParams,
        response: { 200: volunteerRecordSchema, ...errorResponses },
      },
    },
    async (request) =>
      toRecordDto(ctx.crypto, await volunteers.record(request.principal.scope, request.params.id)),
  );

  app.patch(
    '/api/volunteers/:id',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: 'Change a volunteer’s skills or status',
        params: idParams,
        body: updateVolunteerBody,
        response: { 200: volunteerSchema, ...errorResponses },
      },
    },
    async (request) =>
      toVolunteerDto(
        ctx.crypto,
        await volunteers.update(
          request.principal.scope,
          request.params.id,
          request.body,
          request.principal.actor,
        ),
      ),
  );

  app.post(
    '/api/volunteers/:id/record-entries',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: 'Record a training (培训) or an honour (表彰)',
        params: idParams,
        body: recordEntryBody,
        response: { 201: volunteerRecordSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const record = await volunteers.addEntry(
        request.principal.scope,
        request.params.id,
        request.body,
        request.principal.actor,
      );
      return reply.code(201).send(toRecordDto(ctx.crypto, record));
    },
  );

  app.post(
    '/api/volunteers/:id/certificates',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: 'Issue a service certificate (志愿服务证明) for a period',
        params: idParams,
        body: certificateBody,
        response: { 201: certificateSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const issued = await certificates.issue(
        request.principal.scope,
        request.params.id,
        request.body,
        request.principal.actor,
      );
      return reply.code(201).send(toCertificateDto(issued));
    },
  );

  app.get(
    '/api/volunteer-certificates/:id/pdf',
    {
      config: { permission: 'volunteer.read' },
      schema: { tags, summary: 'A certificate as PDF (Chinese font embedded)', params: idParams },
    },
    async (request, reply) => {
      const { serial, pdf } = await certificates.pdfInScope(request.principal.scope, request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(`${serial}.pdf`, `志愿服务证明-${serial}.pdf`))
        .send(pdf);
    },
  );

  app.get(
    '/api/me/volunteering/certificates/:id/pdf',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'One of the signed-in member’s own certificates as PDF', params: idParams },
    },
    async (request, reply) => {
      const { serial, pdf } = await certificates.ownPdf(memberSelf(request.principal), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(`${serial}.pdf`, `志愿服务证明-${serial}.pdf`))
        .send(pdf);
    },
  );

  app.get(
    '/api/public/volunteer-certificates/:serial',
    {
      config: {
        public: 'the certificate verification page: confirms a serial printed on a certificate',
        rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Confirms a certificate serial: masked name, hours, organization, date',
        params: serialParams,
        response: { 200: verificationSchema, ...errorResponses },
      },
    },
    async (request) => certificates.verify(request.params.serial),
  );
};
