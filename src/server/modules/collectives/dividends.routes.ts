import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  dividendRunSchema,
  draftRunBody,
  pagedQuery,
  payoutPageSchema,
  payoutsXlsxQuery,
} from '../../../shared/api/collectives.js';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import { decodeCursor, page } from '../../http/pagination.js';
import { sendWrittenXlsx } from '../../http/xlsx-download.js';
import type { ServiceContext } from '../../services.js';
import { maskedPerson, toDividendRun } from './collectives.present.js';
import { CollectivesService } from './collectives.service.js';
import { DividendsService } from './dividends.service.js';
import { writePayoutWorkbook } from './payouts-workbook.js';

const tags = ['collectives'];

/** Dividend runs: draft, approve (by a second person), payouts, the payout list as Excel. */
export const dividendsRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const dividends = new DividendsService(ctx);
  const collectives = new CollectivesService(ctx);

  app.post(
    '/api/collectives/:id/dividend-runs',
    {
      config: { permission: 'collective.manage' },
      schema: {
        tags,
        summary: 'Draft the dividend run of a year (replaces an earlier draft of that year)',
        params: idParams,
        body: draftRunBody,
        response: { 201: dividendRunSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const scope = request.principal.scope;
      const id = await dividends.draft(scope, request.params.id, request.body.year, request.principal.actor);
      return reply.code(201).send(toDividendRun(await dividends.runInScope(scope, id)));
    },
  );

  app.get(
    '/api/dividend-runs/:id',
    {
      config: { permission: 'collective.read' },
      schema: {
        tags,
        summary: 'A dividend run',
        params: idParams,
        response: { 200: dividendRunSchema, ...errorResponses },
      },
    },
    async (request) => toDividendRun(await dividends.runInScope(request.principal.scope, request.params.id)),
  );

  app.post(
    '/api/dividend-runs/:id/approve',
    {
      config: { permission: 'collective.manage' },
      schema: {
        tags,
        summary: 'Approve a drafted run: by someone other than its drafter; the run is frozen after',
        params: idParams,
        response: { 200: dividendRunSchema, ...errorResponses },
      },
    },
    async (request) =>
      toDividendRun(
        await dividends.approve(request.principal.scope, request.params.id, request.principal.actor),
      ),
  );

  app.get(
    '/api/dividend-runs/:id/payouts',
    {
      config: { permission: 'collective.read' },
      schema: {
        tags,
        summary: 'Each shareholder’s payout in fen, masked',
        params: idParams,
        querystring: pagedQuery,
        response: { 200: payoutPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit } = request.query;
      const after = decodeCursor(cursor, ['text']);
      const rows = await dividends.payouts(request.principal.scope, request.params.id, after?.[0], limit);
      const { items, nextCursor } = page(rows, limit, (last) => [last.person_id]);
      return {
        items: items.map((row) => ({
          ...maskedPerson(ctx.crypto, row),
          shares: row.shares,
          amountFen: Number(row.amount_fen),
        })),
        nextCursor,
      };
    },
  );

  app.get(
    '/api/dividend-runs/:id/payouts.xlsx',
    {
      config: { permission: 'collective.read' },
      schema: {
        tags,
        summary:
          'The payout list as Excel; ID numbers masked unless `reveal` gives a reason and the caller may reveal there',
        params: idParams,
        querystring: payoutsXlsxQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const scope = request.principal.scope;
      const run = await dividends.runInScope(scope, request.params.id);
      const collective = await collectives.inScope(scope, run.collective_id);
      const reason = request.query.reveal;
      // Clear ID numbers only for whoever may reveal them at the collective's place, with a reason.
      const reveal = Boolean(reason) && request.principal.scopeFor('person.reveal').includes(run.region_code);
      await ctx.database.db.transaction().execute((trx) =>
        ctx.audit.append(trx, request.principal.actor, {
          action: reveal ? 'dividend.exported_revealed' : 'dividend.exported',
          targetType: 'dividend_run',
          targetId: run.id,
          regionCode: run.region_code,
          summary: reveal ? { reason } : {},
        }),
      );
      return sendWrittenXlsx(reply, (file) => writePayoutWorkbook(ctx, file, collective, run, reveal), {
        ascii: `dividend-${run.year}.xlsx`,
        name: `${collective.name}${run.year}年分红发放表.xlsx`,
      });
    },
  );
};
