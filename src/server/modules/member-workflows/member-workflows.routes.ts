import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  commendationListSchema,
  commendationQuery,
  commendationSchema,
  commitmentDetailSchema,
  commitmentListSchema,
  commitmentQuery,
  commitmentSchema,
  createCommendationBody,
  createCommitmentBody,
  createTransferBody,
  decisionBody,
  expiredTransfersSchema,
  progressBody,
  ratingBody,
  registerBody,
  registrationListSchema,
  registrationQuery,
  registrationSchema,
  registrationSummarySchema,
  summaryQuery,
  transferActionBody,
  transferDetailSchema,
  transferListSchema,
  transferQuery,
  transferSchema,
} from '../../../shared/api/member-workflows.js';
import type { ServiceContext } from '../../services.js';
import { CommendationsService } from './commendations.service.js';
import { CommitmentsService } from './commitments.service.js';
import {
  toCommendationDto,
  toCommitmentDto,
  toCommitmentUpdateDto,
  toRegistrationDto,
  toTransferDto,
  toTransferEventDto,
} from './member-workflows.dto.js';
import { RegistrationsService } from './registrations.service.js';
import { expireTransfers, TransfersService } from './transfers.service.js';

/**
 * 双报到, 组织关系转接, 承诺践诺 and 表彰. Routes for a member acting on their own record are
 * 'authenticated'; their services check the account's link to the member (members.user_id), or
 * org.write over the member for a secretary acting on the member's behalf.
 */
export const memberWorkflowRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const registrations = new RegistrationsService(ctx);
  const transfers = new TransfersService(ctx);
  const commitments = new CommitmentsService(ctx);
  const commendations = new CommendationsService(ctx);

  // ---- 双报到 ----

  app.get(
    '/api/me/registration',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['member-workflows'],
        summary: 'The signed-in member’s community registration (双报到)',
        response: { 200: registrationSchema, ...errorResponses },
      },
    },
    async (request) => toRegistrationDto(await registrations.mine(request.principal.userId)),
  );

  app.post(
    '/api/me/registration',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['member-workflows'],
        summary: 'Register at the community where one lives, with service areas and a commitment',
        body: registerBody,
        response: { 201: registrationSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await registrations.register(
        request.principal.userId,
        request.body,
        request.principal.actor,
      );
      return reply.code(201).send(toRegistrationDto(created));
    },
  );

  app.get(
    '/api/registrations',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['member-workflows'],
        summary: 'Registrations at the communities in scope',
        querystring: registrationQuery,
        response: { 200: registrationListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await registrations.list(request.principal.scope, request.query)).map(toRegistrationDto),
    }),
  );

  app.get(
    '/api/registrations/summary',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['member-workflows'],
        summary: 'Per community: confirmed, pending, and in-service residents who have not registered',
        querystring: summaryQuery,
        response: { 200: registrationSummarySchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: await registrations.summary(request.principal.scope, request.query.region),
    }),
  );

  app.post(
    '/api/registrations/:id/decision',
    {
      config: { permission: 'org.write' },
      schema: {
        tags: ['member-workflows'],
        summary: 'The community confirms or rejects a registration',
        params: idParams,
        body: decisionBody,
        response: { 200: registrationSchema, ...errorResponses },
      },
    },
    async (request) =>
      toRegistrationDto(
        await registrations.decide(
          request.principal.scope,
          request.params.id,
          request.body,
          request.principal.actor,
        ),
      ),
  );

  // ---- 组织关系转接 ----

  app.post(
    '/api/transfers',
    {
      config: { permission: 'org.write' },
      schema: {
        tags: ['member-workflows'],
        summary: 'The sending organization requests a member’s relationship transfer',
        body: createTransferBody,
        response: { 201: transferSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await transfers.request(request.principal.scope, request.body, request.principal.actor);
      return reply.code(201).send(toTransferDto(created));
    },
  );

  app.get(
    '/api/transfers',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['member-workflows'],
        summary: 'Outgoing (sending side in scope) and/or incoming (receiving side in scope) transfers',
        querystring: transferQuery,
        response: { 200: transferListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await transfers.list(request.principal.scope, request.query)).map(toTransferDto),
    }),
  );

  app.post(
    '/api/transfers/expire',
    {
      config: { permission: 'org.write' },
      schema: {
        tags: ['member-workflows'],
        summary: 'Expire unused letters past their date (transfers with a side in scope)',
        response: { 200: expiredTransfersSchema, ...errorResponses },
      },
    },
    async (request) => ({
      expired: await expireTransfers(ctx, ctx.now(), {
        scope: request.principal.scope,
        actor: request.principal.actor,
      }),
    }),
  );

  app.get(
    '/api/transfers/:id',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['member-workflows'],
        params: idParams,
        response: { 200: transferDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { transfer, side, events } = await transfers.get(request.principal.scope, request.params.id);
      return { ...toTransferDto(transfer), side, events: events.map(toTransferEventDto) };
    },
  );

  app.post(
    '/api/transfers/:id/actions',
    {
      config: { permission: 'org.write' },
      schema: {
        tags: ['member-workflows'],
        summary: 'approve_sending (sender), approve_receiving and receipt (receiver), reject (either)',
        params: idParams,
        body: transferActionBody,
        response: { 200: transferSchema, ...errorResponses },
      },
    },
    async (request) =>
      toTransferDto(
        await transfers.act(
          request.principal.scope,
          request.params.id,
          request.body,
          request.principal.actor,
        ),
      ),
  );

  // ---- 承诺践诺 ----

  app.post(
    '/api/members/:id/commitments',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['member-workflows'],
        summary: 'A yearly public commitment, by the member themself or by org.write over the member',
        params: idParams,
        body: createCommitmentBody,
        response: { 201: commitmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await commitments.create(request.principal, request.params.id, request.body);
      return reply.code(201).send(toCommitmentDto(created));
    },
  );

  app.get(
    '/api/me/commitments',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['member-workflows'],
        summary: 'The signed-in member’s own commitments',
        querystring: commitmentQuery.pick({ year: true }),
        response: { 200: commitmentListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await commitments.mine(request.principal.userId, request.query.year)).map(toCommitmentDto),
    }),
  );

  app.post(
    '/api/commitments/:id/progress',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['member-workflows'],
        summary: 'Progress on a commitment, by the member themself or by org.write over the member',
        params: idParams,
        body: progressBody,
        response: { 200: commitmentSchema, ...errorResponses },
      },
    },
    async (request) =>
      toCommitmentDto(await commitments.progress(request.principal, request.params.id, request.body)),
  );

  app.post(
    '/api/commitments/:id/ratings',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['member-workflows'],
        summary: 'Rate a commitment of one’s region: satisfied, basically satisfied or unsatisfied',
        params: idParams,
        body: ratingBody,
        response: { 200: commitmentSchema, ...errorResponses },
      },
    },
    async (request) =>
      toCommitmentDto(await commitments.rate(request.principal, request.params.id, request.body.rating)),
  );

  app.get(
    '/api/commitments',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['member-workflows'],
        summary: 'The public list: member, commitment, progress, ratings and satisfaction rate',
        querystring: commitmentQuery,
        response: { 200: commitmentListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await commitments.list(request.principal.scope, request.query)).map(toCommitmentDto),
    }),
  );

  app.get(
    '/api/commitments/:id',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['member-workflows'],
        params: idParams,
        response: { 200: commitmentDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { commitment, updates } = await commitments.get(request.principal.scope, request.params.id);
      return { ...toCommitmentDto(commitment), updates: updates.map(toCommitmentUpdateDto) };
    },
  );

  // ---- 表彰 ----

  app.post(
    '/api/commendations',
    {
      config: { permission: 'org.write' },
      schema: {
        tags: ['member-workflows'],
        summary: 'Commend a member or an organization (e.g. 优秀共产党员, 先进基层党组织)',
        body: createCommendationBody,
        response: { 201: commendationSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await commendations.create(
        request.principal.scope,
        request.body,
        request.principal.actor,
      );
      return reply.code(201).send(toCommendationDto(created));
    },
  );

  app.get(
    '/api/commendations',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['member-workflows'],
        querystring: commendationQuery,
        response: { 200: commendationListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await commendations.list(request.principal.scope, request.query)).map(toCommendationDto),
    }),
  );
};
