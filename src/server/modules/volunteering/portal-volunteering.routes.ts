import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  codeCheckInBody,
  myVolunteeringSchema,
  selfSignupBody,
  signupSchema,
} from '../../../shared/api/volunteering.js';
import { unauthenticated } from '../../http/errors.js';
import { attachment } from '../../http/xlsx-download.js';
import type { ServiceContext } from '../../services.js';
import { CertificatesService } from './certificates.service.js';
import { MyVolunteeringService } from './my-volunteering.service.js';
import { SignupsService } from './signups.service.js';
import { residentSelf, type VolunteerSelf } from './volunteer-self.js';
import { toMyVolunteeringDto, toSignupDto } from './volunteering.schema.js';

const tags = ['volunteering', 'portal'];

/** The resident of a `permission: 'resident'` route, as the volunteer they may be. */
const selfOf = (request: FastifyRequest): VolunteerSelf => {
  if (!request.resident) throw unauthenticated();
  return residentSelf(request.resident, request.actor);
};

/**
 * A resident's own volunteering in the portal (`/m/volunteering`): the same services and rules as
 * a member's `/api/me/volunteering`, with the resident's linked register person as the volunteer.
 * A resident reaches only their own records: anything else answers 404.
 */
export const portalVolunteeringRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  const my = new MyVolunteeringService(ctx);
  const signups = new SignupsService(ctx);
  const certificates = new CertificatesService(ctx);

  app.get(
    '/api/portal/me/volunteering',
    {
      config: { permission: 'resident' },
      schema: {
        tags,
        summary: 'The resident’s volunteering: hours, services, certificates, open activities of their teams',
        response: { 200: myVolunteeringSchema, ...errorResponses },
      },
    },
    async (request) => toMyVolunteeringDto(ctx.crypto, await my.mine(selfOf(request))),
  );

  app.post(
    '/api/portal/me/volunteering/signups',
    {
      config: { permission: 'resident' },
      schema: {
        tags,
        summary: 'Sign oneself up for a shift (a full shift puts one on its waiting list)',
        body: selfSignupBody,
        response: { 201: signupSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(toSignupDto(await signups.signUpSelf(selfOf(request), request.body))),
  );

  app.post(
    '/api/portal/me/volunteering/signups/:id/cancel',
    {
      config: { permission: 'resident' },
      schema: {
        tags,
        summary: 'Cancel one’s own sign-up (before the cut-off); the waiting list moves up',
        params: idParams,
        response: { 200: signupSchema, ...errorResponses },
      },
    },
    async (request) => toSignupDto(await signups.cancelOwn(selfOf(request), request.params.id)),
  );

  app.post(
    '/api/portal/me/volunteering/check-in',
    {
      config: { permission: 'resident' },
      schema: {
        tags,
        summary: 'Check in or out with the rotating code on the leader’s phone (typed or scanned)',
        body: codeCheckInBody,
        response: { 200: signupSchema, ...errorResponses },
      },
    },
    async (request) => toSignupDto(await signups.checkInWithCode(selfOf(request), request.body)),
  );

  app.get(
    '/api/portal/me/volunteering/certificates/:id/pdf',
    {
      config: { permission: 'resident' },
      schema: { tags, summary: 'One of the resident’s own certificates as PDF', params: idParams },
    },
    async (request, reply) => {
      const { serial, pdf } = await certificates.ownPdf(selfOf(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(`${serial}.pdf`, `志愿服务证明-${serial}.pdf`))
        .send(pdf);
    },
  );
};
