import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../shared/api/common.js';
import {
  pairingCoverageSchema,
  pairingTotalsSchema,
  regionQuery,
  uncoveredPageSchema,
  uncoveredQuery,
} from '../../../shared/api/pairings.js';
import { decodeCursor, page } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import { PairingCoverageService } from './coverage.service.js';
import { PairingsService } from './pairings.service.js';

const tags = ['pairings'];

/** 帮扶覆盖率 per region, the households still without a pairing, and the cockpit's totals. */
export const pairingCoverageRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const coverage = new PairingCoverageService(ctx);
  const pairings = new PairingsService(ctx);

  app.get(
    '/api/pairing-coverage',
    {
      config: { permission: 'pairing.read' },
      schema: {
        tags,
        summary:
          'Households in difficulty with an active pairing ÷ all of them, for a region and its children',
        querystring: regionQuery,
        response: { 200: pairingCoverageSchema, ...errorResponses },
      },
    },
    async (request) => coverage.coverage(request.principal.scope, request.query.region),
  );

  app.get(
    '/api/pairing-coverage/uncovered',
    {
      config: { permission: 'pairing.read' },
      schema: {
        tags,
        summary: 'Households in difficulty without an active pairing, by place',
        querystring: uncoveredQuery,
        response: { 200: uncoveredPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit, region } = request.query;
      const after = decodeCursor(cursor, ['text', 'text']);
      const rows = await coverage.uncovered(
        request.principal.scope,
        region,
        limit,
        after ? { regionCode: after[0], id: after[1] } : undefined,
      );
      return page(rows, limit, (last) => [last.regionCode, last.id]);
    },
  );

  app.get(
    '/api/pairing-totals',
    {
      config: { permission: 'pairing.read' },
      schema: {
        tags,
        summary:
          'Targets of active pairings by kind (enterprises, communities/villages, households), support in fen',
        querystring: regionQuery,
        response: { 200: pairingTotalsSchema, ...errorResponses },
      },
    },
    async (request) => pairings.totals(request.principal.scope, request.query.region),
  );
};
