import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cursorParam, errorResponses, idParams } from '../../../shared/api/common.js';
import {
  listQuery,
  portalAccountSchema,
  portalOrderBody,
  portalOrderPageSchema,
  portalPostBody,
  portalPostPageSchema,
  portalPostSchema,
  portalTimebankSchema,
} from '../../../shared/api/portal.js';
import {
  itemListSchema,
  orderSchema,
  ownStatementParams,
  STATEMENT_FORMATS,
} from '../../../shared/api/timebank.js';
import type { SignedInResident } from '../../http/access-control.js';
import { unauthenticated } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { ResidentTimebankService } from './resident-timebank.service.js';
import { sendStatement } from './statements.routes.js';
import { toItemDto, toLedgerRowDto } from './timebank.present.js';

const tags = ['portal', 'timebank'];
const config = { permission: 'resident' as const };

const residentOf = (request: FastifyRequest): SignedInResident => {
  if (!request.resident) throw unauthenticated();
  return request.resident;
};

/**
 * 爱心银行 in the resident portal (`/api/portal/me/timebank…`, resident sessions only): one's own
 * account, statements and orders, and the board and love supermarket of one's community. No route
 * takes an account id: the account is always the signed-in resident's own.
 */
export const portalTimebankRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const timebank = new ResidentTimebankService(ctx);

  app.get(
    '/api/portal/me/timebank',
    {
      config,
      schema: {
        tags,
        summary: 'The resident’s own account (null before they join) and its latest rows',
        response: { 200: portalTimebankSchema, ...errorResponses },
      },
    },
    async (request) => {
      const own = await timebank.summary(residentOf(request));
      return {
        linked: own.linked,
        account: own.account && {
          id: own.account.id,
          ownerName: own.account.owner_name,
          balanceMinutes: Number(own.account.balance_minutes),
          floorMinutes: own.account.floor_minutes,
          ceilingMinutes: own.account.ceiling_minutes,
        },
        ledger: own.ledger.map((row) => toLedgerRowDto(row, () => false)),
      };
    },
  );

  app.post(
    '/api/portal/me/timebank/account',
    {
      config,
      schema: {
        tags,
        summary:
          'Join the time bank: opens the account of the register person the phone is linked to (409 timebank.not_linked)',
        response: { 200: portalAccountSchema, 201: portalAccountSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { account, created } = await timebank.open(residentOf(request), request.actor);
      return reply.code(created ? 201 : 200).send({
        id: account.id,
        ownerName: account.owner_name,
        balanceMinutes: Number(account.balance_minutes),
        floorMinutes: account.floor_minutes,
        ceilingMinutes: account.ceiling_minutes,
      });
    },
  );

  for (const format of STATEMENT_FORMATS) {
    app.get(
      `/api/portal/me/timebank/statements/:month.${format}`,
      {
        config,
        schema: {
          tags,
          summary: `The resident’s own monthly statement (${format})`,
          params: ownStatementParams,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const statement = await timebank.statement(residentOf(request), request.params.month);
        return sendStatement(ctx, request, reply, statement, format);
      },
    );
  }

  app.get(
    '/api/portal/me/timebank/posts',
    {
      config,
      schema: {
        tags,
        summary: 'The community’s board: posts open to take, and the resident’s own, newest first',
        querystring: listQuery,
        response: { 200: portalPostPageSchema, ...errorResponses },
      },
    },
    async (request) => timebank.posts(residentOf(request), request.query),
  );

  app.post(
    '/api/portal/me/timebank/posts',
    {
      config,
      schema: {
        tags,
        summary: 'Post an offer or a request from the resident’s own account',
        body: portalPostBody,
        response: { 201: portalPostSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await timebank.createPost(residentOf(request), request.body, request.actor)),
  );

  const steps = {
    accept: 'Take a post of the community up with one’s own account (the payer’s minutes are held)',
    confirm: 'The one helped confirms the help was given: the held minutes go to the helper',
    cancel: 'Withdraw one’s open post, or back out of help one took on (the held minutes go back)',
  } as const;
  for (const step of ['accept', 'confirm', 'cancel'] as const) {
    app.post(
      `/api/portal/me/timebank/posts/:id/${step}`,
      {
        config,
        schema: {
          tags,
          summary: steps[step],
          params: idParams,
          response: { 200: portalPostSchema, ...errorResponses },
        },
      },
      async (request) => timebank[step](residentOf(request), request.params.id, request.actor),
    );
  }

  app.get(
    '/api/portal/me/timebank/items',
    {
      config,
      schema: {
        tags,
        summary: 'The love supermarket of the resident’s community',
        querystring: z.object({ cursor: cursorParam, limit: listQuery.shape.limit }),
        response: { 200: itemListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await timebank.items(residentOf(request), request.query);
      return { items: result.items.map(toItemDto), nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/portal/me/timebank/items/:id/orders',
    {
      config,
      schema: {
        tags,
        summary: 'Order an item, paid from one’s own account; answers the six-digit code, shown only here',
        params: idParams,
        body: portalOrderBody,
        response: { 201: orderSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await timebank.order(residentOf(request), request.params.id, request.body.quantity, request.actor),
        ),
  );

  app.get(
    '/api/portal/me/timebank/orders',
    {
      config,
      schema: {
        tags,
        summary: 'The resident’s own supermarket orders, newest first (codes are never shown again)',
        querystring: listQuery,
        response: { 200: portalOrderPageSchema, ...errorResponses },
      },
    },
    async (request) => timebank.orders(residentOf(request), request.query),
  );
};
