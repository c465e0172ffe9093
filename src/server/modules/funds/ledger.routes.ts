import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  accountBody,
  accountListSchema,
  decisionBody,
  disclosureSchema,
  fundSettingsBody,
  fundSettingsSchema,
  periodListSchema,
  periodParams,
  rejectVoucherBody,
  statementQuery,
  statementSchema,
  transferBody,
  transferResultSchema,
  voucherBody,
  voucherDetailSchema,
  voucherListQuery,
  voucherPageSchema,
  yearQuery,
} from '../../../shared/api/funds.js';
import { districtParams } from '../../../shared/api/loans.js';
import { beijingMonth } from '../../../shared/beijing-time.js';
import type { Principal } from '../../auth/principal.js';
import { decodeCursor, page } from '../../http/pagination.js';
import { attachment, XLSX_TYPE } from '../../http/xlsx-download.js';
import type { ServiceContext } from '../../services.js';
import { changeFundSettings, fundSettingsOf } from './fund-settings.js';
import { toAccount, toVoucherDetail, toVoucherSummary } from './funds.present.js';
import { LedgerService } from './ledger.service.js';
import { PeriodsService } from './periods.service.js';
import { annualWorkbook, disclosureOf } from './report.service.js';
import { statementOf } from './statements.service.js';
import { transferFunds } from './transfers.service.js';

const tags = ['funds'];

/** The organizations' fund ledger (党建经费): accounts, vouchers, approval, transfers, periods, reports. */
export const ledgerRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const ledger = new LedgerService(ctx);
  const thisYear = () => Number(beijingMonth(ctx.now()).slice(0, 4));
  const periods = new PeriodsService(ctx);

  const accountsAnswer = (view: Awaited<ReturnType<LedgerService['accounts']>>) => ({
    organizationId: view.org.id,
    organizationName: view.org.name,
    opened: view.accounts.length > 0,
    thresholdFen: view.thresholdFen,
    items: view.accounts.map(toAccount),
  });
  const detailFor = async (principal: Principal, id: string) =>
    toVoucherDetail(await ledger.detail(principal.scopeFor('fund.read'), id), {
      userId: principal.userId,
      mayApprove: !principal.scopeFor('fund.approve').isEmpty,
    });

  app.get(
    '/api/organizations/:id/fund-accounts',
    {
      config: { permission: 'fund.read' },
      schema: {
        tags,
        summary: 'An organization’s ledger accounts with their balances, and the approval threshold',
        params: idParams,
        response: { 200: accountListSchema, ...errorResponses },
      },
    },
    async (request) => accountsAnswer(await ledger.accounts(request.principal.scope, request.params.id)),
  );

  app.post(
    '/api/organizations/:id/fund-ledger',
    {
      config: { permission: 'fund.write' },
      schema: {
        tags,
        summary: 'Open an organization’s ledger with the default chart of accounts',
        params: idParams,
        response: { 201: accountListSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          accountsAnswer(
            await ledger.open(request.principal.scope, request.params.id, request.principal.actor),
          ),
        ),
  );

  app.post(
    '/api/organizations/:id/fund-accounts',
    {
      config: { permission: 'fund.write' },
      schema: {
        tags,
        summary: 'Add an account to an organization’s ledger (e.g. a restricted donation)',
        params: idParams,
        body: accountBody,
        response: { 201: accountListSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          accountsAnswer(
            await ledger.addAccount(
              request.principal.scope,
              request.params.id,
              request.body,
              request.principal.actor,
            ),
          ),
        ),
  );

  app.get(
    '/api/organizations/:id/fund-vouchers',
    {
      config: { permission: 'fund.read' },
      schema: {
        tags,
        summary: 'An organization’s vouchers, newest first',
        params: idParams,
        querystring: voucherListQuery,
        response: { 200: voucherPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit, status, period } = request.query;
      const after = decodeCursor(cursor, ['text']);
      const rows = await ledger.list(request.principal.scope, request.params.id, {
        status,
        period,
        after: after?.[0],
        limit,
      });
      const { items, nextCursor } = page(rows, limit, (last) => [last.id]);
      return { items: items.map(toVoucherSummary), nextCursor };
    },
  );

  app.post(
    '/api/organizations/:id/fund-vouchers',
    {
      config: { permission: 'fund.write' },
      schema: {
        tags,
        summary: 'Make a voucher: balanced lines; posted at once up to the threshold, else awaiting approval',
        params: idParams,
        body: voucherBody,
        response: { 201: voucherDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await ledger.createVoucher(
        request.principal.scope,
        request.params.id,
        request.body,
        request.principal.actor,
      );
      return reply.code(201).send(await detailFor(request.principal, id));
    },
  );

  app.get(
    '/api/fund-vouchers/:id',
    {
      config: { permission: 'fund.read' },
      schema: {
        tags,
        summary: 'A voucher with its lines',
        params: idParams,
        response: { 200: voucherDetailSchema, ...errorResponses },
      },
    },
    async (request) => detailFor(request.principal, request.params.id),
  );

  app.post(
    '/api/fund-vouchers/:id/approve',
    {
      config: { permission: 'fund.approve' },
      schema: {
        tags,
        summary: 'Approve and post a voucher awaiting approval (never one’s own)',
        params: idParams,
        body: decisionBody,
        response: { 200: voucherDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      await ledger.approve(
        request.principal.scope,
        request.params.id,
        request.body.note,
        request.principal.actor,
      );
      return detailFor(request.principal, request.params.id);
    },
  );

  app.post(
    '/api/fund-vouchers/:id/reject',
    {
      config: { permission: 'fund.approve' },
      schema: {
        tags,
        summary: 'Send a voucher awaiting approval back, with the reason; nothing is posted',
        params: idParams,
        body: rejectVoucherBody,
        response: { 200: voucherDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      await ledger.reject(
        request.principal.scope,
        request.params.id,
        request.body.note,
        request.principal.actor,
      );
      return detailFor(request.principal, request.params.id);
    },
  );

  app.post(
    '/api/fund-transfers',
    {
      config: { permission: 'fund.write' },
      schema: {
        tags,
        summary: 'Move money from one organization’s ledger to another’s (both vouchers in one transaction)',
        body: transferBody,
        response: { 201: transferResultSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const made = await transferFunds(ctx, request.principal.scope, request.body, request.principal.actor);
      // The receiving side may lie outside the caller's scope: answer what the caller may read.
      const read = request.principal.scopeFor('fund.read');
      const vouchers = [];
      for (const id of made.voucherIds)
        if (
          await ledger.detail(read, id).then(
            () => true,
            () => false,
          )
        )
          vouchers.push(await detailFor(request.principal, id));
      return reply.code(201).send({ transferId: made.transferId, vouchers });
    },
  );

  app.get(
    '/api/organizations/:id/fund-periods',
    {
      config: { permission: 'fund.read' },
      schema: {
        tags,
        summary: 'The months of an organization’s ledger: closed or open, posted and pending vouchers',
        params: idParams,
        response: { 200: periodListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await periods.list(request.principal.scope, request.params.id) }),
  );

  app.post(
    '/api/organizations/:id/fund-periods/:month/close',
    {
      config: { permission: 'fund.approve' },
      schema: {
        tags,
        summary: 'Close a month (月结): nothing more can be posted into it',
        params: periodParams,
        response: { 200: periodListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: await periods.close(
        request.principal.scope,
        request.params.id,
        request.params.month,
        request.principal.actor,
      ),
    }),
  );

  app.get(
    '/api/organizations/:id/fund-statement',
    {
      config: { permission: 'fund.read' },
      schema: {
        tags,
        summary: 'Balances over a range of months per account; with `account`, its entries',
        params: idParams,
        querystring: statementQuery,
        response: { 200: statementSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { organizationName: _, ...statement } = await statementOf(
        ctx,
        request.principal.scope,
        request.params.id,
        request.query,
      );
      return statement;
    },
  );

  app.get(
    '/api/organizations/:id/fund-report.xlsx',
    {
      config: { permission: 'fund.read' },
      schema: {
        tags,
        summary: 'The annual report of an organization’s ledger as an Excel workbook',
        params: idParams,
        querystring: yearQuery,
      },
    },
    async (request, reply) => {
      const year = request.query.year ?? thisYear();
      const { name, content } = await annualWorkbook(ctx, request.principal.scope, request.params.id, year);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`fund-report-${year}.xlsx`, name))
        .send(content);
    },
  );

  app.get(
    '/api/districts/:district/fund-settings',
    {
      config: { permission: 'fund.read' },
      schema: {
        tags,
        summary: 'A district’s approval threshold for vouchers',
        params: districtParams,
        response: { 200: fundSettingsSchema, ...errorResponses },
      },
    },
    async (request) => {
      request.principal.scope.filteredTo(request.params.district);
      return fundSettingsOf(ctx.database.db, request.params.district);
    },
  );

  app.put(
    '/api/districts/:district/fund-settings',
    {
      config: { permission: 'fund.approve' },
      schema: {
        tags,
        summary: 'Change a whole district’s approval threshold',
        params: districtParams,
        body: fundSettingsBody,
        response: { 200: fundSettingsSchema, ...errorResponses },
      },
    },
    async (request) =>
      changeFundSettings(
        ctx,
        request.principal.scope,
        request.params.district,
        request.body.approvalThresholdFen,
        request.principal.actor,
      ),
  );

  app.get(
    '/api/public/organizations/:id/fund-disclosure',
    {
      config: {
        public:
          'party-affairs disclosure (党务公开): a year’s totals of an organization’s funds, no personal data',
        rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'What an organization received and spent in a year, by fund and kind (no names)',
        params: idParams,
        querystring: yearQuery,
        response: { 200: disclosureSchema, ...errorResponses },
      },
    },
    async (request) => disclosureOf(ctx, request.params.id, request.query.year ?? thisYear()),
  );
};
