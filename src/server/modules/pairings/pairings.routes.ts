import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  contactBody,
  createPairingBody,
  endPairingBody,
  outcomeBody,
  pairingDetailSchema,
  pairingListQuery,
  pairingPageSchema,
  supportBody,
} from '../../../shared/api/pairings.js';
import { decodeCursor, page } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import { toPairingDetail, toPairingSummary } from './pairings.present.js';
import { PairingsService } from './pairings.service.js';

const tags = ['pairings'];

/** 帮扶结对: the list, a pairing with its contacts, support and outcomes, and its end. */
export const pairingsRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const pairings = new PairingsService(ctx);
  const detail = async (scope: Parameters<PairingsService['detail']>[0], id: string) =>
    toPairingDetail(await pairings.detail(scope, id));

  app.get(
    '/api/pairings',
    {
      config: { permission: 'pairing.read' },
      schema: {
        tags,
        summary: 'Assistance pairings in scope, newest first',
        querystring: pairingListQuery,
        response: { 200: pairingPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit, status, targetKind, region } = request.query;
      const after = decodeCursor(cursor, ['text']);
      const rows = await pairings.list(request.principal.scope, {
        status,
        targetKind,
        region,
        after: after?.[0],
        limit,
      });
      const { items, nextCursor } = page(rows, limit, (last) => [last.id]);
      return { items: items.map(toPairingSummary), nextCursor };
    },
  );

  app.post(
    '/api/pairings',
    {
      config: { permission: 'pairing.manage' },
      schema: {
        tags,
        summary: 'Pair a helper (account, member, organization) with an enterprise, community or household',
        body: createPairingBody,
        response: { 201: pairingDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const scope = request.principal.scope;
      const id = await pairings.create(scope, request.body, request.principal.actor);
      return reply.code(201).send(await detail(scope, id));
    },
  );

  app.get(
    '/api/pairings/:id',
    {
      config: { permission: 'pairing.read' },
      schema: {
        tags,
        summary: 'A pairing: plan, contacts, support given, outcomes',
        params: idParams,
        response: { 200: pairingDetailSchema, ...errorResponses },
      },
    },
    async (request) => detail(request.principal.scope, request.params.id),
  );

  const record = <B>(
    path: string,
    summary: string,
    body: import('zod').ZodType<B>,
    act: (
      scope: Parameters<PairingsService['detail']>[0],
      id: string,
      input: B,
      actor: import('../audit/index.js').AuditActor,
    ) => Promise<void>,
  ) =>
    app.post(
      `/api/pairings/:id/${path}`,
      {
        config: { permission: 'pairing.manage' },
        schema: {
          tags,
          summary,
          params: idParams,
          body,
          response: { 200: pairingDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = request.principal.scope;
        await act(scope, request.params.id, request.body as B, request.principal.actor);
        return detail(scope, request.params.id);
      },
    );

  record(
    'contacts',
    'Record a contact (date, method, note) and the next one planned',
    contactBody,
    (s, id, b, a) => pairings.recordContact(s, id, b, a),
  );
  record('supports', 'Record support given: money (fen), goods or services', supportBody, (s, id, b, a) =>
    pairings.recordSupport(s, id, b, a),
  );
  record('outcomes', 'Record an outcome of the pairing', outcomeBody, (s, id, b, a) =>
    pairings.recordOutcome(s, id, b, a),
  );
  record('end', 'End the pairing with its reason', endPairingBody, (s, id, b, a) =>
    pairings.end(s, id, b, a),
  );
};
