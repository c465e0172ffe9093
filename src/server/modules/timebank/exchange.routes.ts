import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idSchema, limitSchema, optionalParam } from '../../../shared/api/common.js';
import {
  acceptBody,
  itemBody,
  itemListSchema,
  itemSchema,
  orderBody,
  orderSchema,
  type PostDto,
  postBody,
  postListSchema,
  postSchema,
  redeemBody,
  redemptionSchema,
} from '../../../shared/api/timebank.js';
import { cursorParam } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import { BoardService, shownStatus } from './board.service.js';
import { MarketService } from './market.service.js';
import { toItemDto } from './timebank.present.js';
import type { TimebankPost } from './timebank.tables.js';

const tags = ['timebank'];
const idParams = z.object({ id: idSchema });

const toPostDto = (post: TimebankPost, nowIso: string): PostDto => ({
  id: post.id,
  kind: post.kind,
  category: postSchema.shape.category.parse(post.category),
  title: post.title,
  description: post.description,
  minutes: Number(post.minutes),
  regionCode: post.region_code,
  posterAccountId: post.poster_account_id,
  helperAccountId: post.helper_account_id,
  payerAccountId: post.payer_account_id,
  status: shownStatus(post, nowIso),
  expiresAt: post.expires_at,
});

/** The offers and requests board and the love supermarket (爱心超市). */
export const timebankExchangeRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  const board = new BoardService(ctx);
  const market = new MarketService(ctx);
  const now = () => ctx.now().toISOString();

  app.get(
    '/api/timebank/posts',
    {
      config: { permission: 'timebank.read' },
      schema: {
        tags,
        summary: 'Offers and requests in scope, newest first',
        querystring: z.object({
          status: optionalParam(z.enum(['open', 'accepted', 'confirmed', 'cancelled', 'expired'])),
          cursor: cursorParam,
          limit: limitSchema,
        }),
        response: { 200: postListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await board.list(request.principal.scope, request.query);
      const at = now();
      return { items: result.items.map((post) => toPostDto(post, at)), nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/timebank/posts',
    {
      config: { permission: 'timebank.write' },
      schema: {
        tags,
        summary: 'Post an offer or a request',
        body: postBody,
        response: { 201: postSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const post = await board.create(request.principal.scope, request.body, request.principal.actor);
      return reply.code(201).send(toPostDto(post, now()));
    },
  );

  app.post(
    '/api/timebank/posts/:id/accept',
    {
      config: { permission: 'timebank.write' },
      schema: {
        tags,
        summary: 'Take a post up: the payer’s minutes (or the community fund’s) go into escrow',
        params: idParams,
        body: acceptBody,
        response: { 200: postSchema, ...errorResponses },
      },
    },
    async (request) =>
      toPostDto(
        await board.accept(request.principal.scope, request.params.id, request.body, request.principal.actor),
        now(),
      ),
  );

  for (const step of ['confirm', 'cancel'] as const) {
    app.post(
      `/api/timebank/posts/:id/${step}`,
      {
        config: { permission: 'timebank.write' },
        schema: {
          tags,
          summary:
            step === 'confirm' ? 'Help given: escrow pays the helper' : 'Call off: escrow refunds the payer',
          params: idParams,
          response: { 200: postSchema, ...errorResponses },
        },
      },
      async (request) =>
        toPostDto(
          await board[step](request.principal.scope, request.params.id, request.principal.actor),
          now(),
        ),
    );
  }

  app.get(
    '/api/timebank/items',
    {
      config: { permission: 'timebank.read' },
      schema: {
        tags,
        summary: 'Love-supermarket items in scope',
        querystring: z.object({ cursor: cursorParam, limit: limitSchema }),
        response: { 200: itemListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const result = await market.items(request.principal.scope, request.query);
      return { items: result.items.map(toItemDto), nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/timebank/items',
    {
      config: { permission: 'timebank.redeem' },
      schema: {
        tags,
        summary: 'Add an item to a community’s love supermarket',
        body: itemBody,
        response: { 201: itemSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          toItemDto(await market.createItem(request.principal.scope, request.body, request.principal.actor)),
        ),
  );

  app.post(
    '/api/timebank/items/:id/orders',
    {
      config: { permission: 'timebank.write' },
      schema: {
        tags,
        summary: 'Order an item for an account; answers the six-digit code, shown only here',
        params: idParams,
        body: orderBody,
        response: { 201: orderSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await market.order(
            request.principal.scope,
            request.params.id,
            request.body,
            request.principal.actor,
          ),
        ),
  );

  app.post(
    '/api/timebank/redemptions',
    {
      config: { permission: 'timebank.redeem' },
      schema: {
        tags,
        summary: 'The clerk checks a code off, once (409 timebank.code_used / timebank.code_expired)',
        body: redeemBody,
        response: { 200: redemptionSchema, ...errorResponses },
      },
    },
    async (request) => market.redeem(request.principal.scope, request.body.code, request.principal.actor),
  );
};
