import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../shared/api/common.js';
import {
  myTimebankSchema,
  ownStatementParams,
  rankingQuery,
  rankingSchema,
  STATEMENT_FORMATS,
  statementParams,
} from '../../../shared/api/timebank.js';
import { attachment, XLSX_TYPE } from '../../http/xlsx-download.js';
import { languageFromHeader } from '../../i18n/messages.js';
import type { ServiceContext } from '../../services.js';
import { reportFont } from '../cockpit/index.js';
import { MyTimebankService } from './my-timebank.service.js';
import { RankingsService } from './rankings.service.js';
import { statementFileNames, statementPdf, statementWorkbook } from './statement-files.js';
import { type Statement, StatementsService } from './statements.service.js';
import { toAccountDto, toLedgerRowDto } from './timebank.present.js';

const tags = ['timebank'];

/** A statement as the file asked for, in the caller's language, named after the account and month. */
export async function sendStatement(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  statement: Statement,
  format: (typeof STATEMENT_FORMATS)[number],
): Promise<FastifyReply> {
  const language = languageFromHeader(request.headers['accept-language']);
  const names = statementFileNames(statement, format);
  const content =
    format === 'xlsx'
      ? await statementWorkbook(statement, language)
      : await statementPdf(statement, reportFont(ctx.config.pdfFont), language);
  return reply
    .type(format === 'xlsx' ? XLSX_TYPE : 'application/pdf')
    .header('content-disposition', attachment(names.ascii, names.name))
    .send(content);
}

const statementSummary = (format: string, whose: string) =>
  `The monthly statement of ${whose} as ${format === 'xlsx' ? 'an Excel workbook' : 'a PDF'}: opening balance, every ledger row of the month with its running balance, closing balance`;

/** 爱心银行 reports: monthly statements, rankings of volunteers, and a member's own account. */
export const timebankStatementRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  const statements = new StatementsService(ctx);
  const rankings = new RankingsService(ctx);
  const mine = new MyTimebankService(ctx);

  for (const format of STATEMENT_FORMATS) {
    app.get(
      `/api/timebank/accounts/:id/statements/:month.${format}`,
      {
        config: { permission: 'timebank.read' },
        schema: {
          tags,
          summary: statementSummary(format, 'an account in scope'),
          params: statementParams,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const { id, month } = request.params;
        const statement = await statements.inScope(request.principal.scope, id, month);
        return sendStatement(ctx, request, reply, statement, format);
      },
    );

    app.get(
      `/api/me/timebank/statements/:month.${format}`,
      {
        config: { permission: 'authenticated' },
        schema: {
          tags,
          summary: statementSummary(format, 'the signed-in member’s own account'),
          params: ownStatementParams,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const statement = await mine.statement(request.principal.userId, request.params.month);
        return sendStatement(ctx, request, reply, statement, format);
      },
    );
  }

  app.get(
    '/api/timebank/rankings',
    {
      config: { permission: 'timebank.read' },
      schema: {
        tags,
        summary:
          'Volunteers of a region ranked by hours credited (by=hours) or by all minutes earned helping (by=minutes) over a span of months',
        querystring: rankingQuery,
        response: { 200: rankingSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region, from, to, by } = request.query;
      return { region, from, to, by, items: await rankings.rank(request.principal, request.query) };
    },
  );

  app.get(
    '/api/me/timebank',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary:
          'The signed-in member’s own account (null until minutes first reach them) with its latest rows; hours and certificates are at /api/me/volunteering',
        response: { 200: myTimebankSchema, ...errorResponses },
      },
    },
    async (request) => {
      const own = await mine.mine(request.principal.userId);
      return {
        account: own.account && toAccountDto(own.account),
        // One's own page names one's own counterparts only as far as they are no other person.
        ledger: own.ledger.map((row) => toLedgerRowDto(row, () => false)),
      };
    },
  );
};
