import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  arrearsNotifySchema,
  arrearsPageSchema,
  arrearsQuery,
  duesBaseBody,
  duesCalculateBody,
  duesCalculationSchema,
  duesPaymentBody,
  duesRecordSchema,
  myDuesPaymentBody,
} from '../../../shared/api/funds.js';
import { fieldError } from '../../http/errors.js';
import { decodeCursor, page } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import { ArrearsService } from './arrears.service.js';
import { DuesService } from './dues.service.js';
import { calculateDues } from './dues-rules.js';

const tags = ['dues'];

/** Dues (党费): the calculator, each member's base and monthly records, payments, arrears. */
export const duesRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const dues = new DuesService(ctx);
  const arrears = new ArrearsService(ctx);

  app.post(
    '/api/dues/calculate',
    {
      config: { permission: 'dues.read' },
      schema: {
        tags,
        summary: 'Monthly dues for an income and category, by the rules’ bands (rounded half up to the fen)',
        body: duesCalculateBody,
        response: { 200: duesCalculationSchema, ...errorResponses },
      },
    },
    async (request) => calculateDues(request.body.category, request.body.incomeFen),
  );

  app.get(
    '/api/members/:id/dues',
    {
      config: { permission: 'dues.read' },
      schema: {
        tags,
        summary: 'A member’s dues base, payments and unpaid months',
        params: idParams,
        response: { 200: duesRecordSchema, ...errorResponses },
      },
    },
    async (request) => dues.record(request.principal.scope, request.params.id),
  );

  app.put(
    '/api/members/:id/dues-base',
    {
      config: { permission: 'dues.write' },
      schema: {
        tags,
        summary: 'Set a member’s dues base (category and monthly income after tax) from a month on',
        params: idParams,
        body: duesBaseBody,
        response: { 200: duesRecordSchema, ...errorResponses },
      },
    },
    async (request) =>
      dues.setBase(request.principal.scope, request.params.id, request.body, request.principal.actor),
  );

  app.post(
    '/api/members/:id/dues-payments',
    {
      config: { permission: 'dues.write' },
      schema: {
        tags,
        summary: 'Record dues the member paid in person (never paid by anybody else on their behalf)',
        params: idParams,
        body: duesPaymentBody,
        response: { 201: duesRecordSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await dues.recordPayment(
            request.principal.scope,
            request.params.id,
            request.body,
            request.principal.actor,
          ),
        ),
  );

  app.get(
    '/api/me/dues',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'The signed-in member’s own dues record',
        response: { 200: duesRecordSchema, ...errorResponses },
      },
    },
    async (request) => dues.recordOf(await dues.ownMember(request.principal.userId)),
  );

  app.post(
    '/api/me/dues-payments',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Pay one’s own dues (a member pays only their own)',
        body: myDuesPaymentBody,
        response: { 201: duesRecordSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const member = await dues.ownMember(request.principal.userId);
      const { memberId, ...payment } = request.body;
      if (memberId !== undefined && memberId !== member.id)
        throw fieldError('memberId', 'dues.proxy_forbidden');
      return reply.code(201).send(await dues.pay(member, payment, 'self', request.principal.actor));
    },
  );

  app.get(
    '/api/dues-arrears',
    {
      config: { permission: 'dues.read' },
      schema: {
        tags,
        summary: 'Members in scope with six months or more of dues unpaid',
        querystring: arrearsQuery,
        response: { 200: arrearsPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit, organization } = request.query;
      const after = decodeCursor(cursor, ['text']);
      const rows = await arrears.list(request.principal.scope, {
        organizationId: organization,
        after: after?.[0],
        limit,
      });
      return page(rows, limit, (last) => [last.memberId]);
    },
  );

  app.post(
    '/api/dues-arrears/notify',
    {
      config: { permission: 'dues.write' },
      schema: {
        tags,
        summary: 'Tell branch secretaries of their members newly six months in arrears',
        response: { 200: arrearsNotifySchema, ...errorResponses },
      },
    },
    async (request) => arrears.notify(request.principal.scope, request.principal.actor),
  );
};
