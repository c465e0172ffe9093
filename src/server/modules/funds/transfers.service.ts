import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { transferBody } from '../../../shared/api/funds.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { fundSettingsOf } from './fund-settings.js';
import { ledgerRepository } from './ledger.repository.js';
import { type Org, openAccounts, organizationIn, voucherNumber } from './ledger.service.js';
import { postVoucher, refuseClosed } from './posting.js';

/**
 * Money moved from one organization's ledger to another's (a street funding a community, 拨付下级):
 * two vouchers, one per ledger, written in one transaction: the payer's Dr 拨付下级 / Cr 银行存款 and
 * the receiver's Dr 银行存款 / Cr 上级拨入. Both are posted together or, above the threshold, wait
 * together for one approval.
 */
export async function transferFunds(
  ctx: ServiceContext,
  scope: Scope,
  input: z.output<typeof transferBody>,
  actor: AuditActor,
): Promise<{ transferId: string; voucherIds: string[] }> {
  if (input.fromOrganizationId === input.toOrganizationId)
    throw fieldError('toOrganizationId', 'fund.transfer_same_organization');
  if (input.date > beijingDate(ctx.now())) throw fieldError('date', 'fund.date_in_future');
  const transferId = uuidv7();
  const voucherIds: string[] = [];
  await ctx.database.db.transaction().execute(async (trx) => {
    const from = await organizationIn(trx, scope, input.fromOrganizationId);
    // The receiver is in the caller's scope too (拨付下级: money goes down the tree). A receiver
    // outside it does not exist for the caller: answering "ledger not open" or "month closed"
    // about it would tell them about another organization's books.
    const to = await organizationIn(trx, scope, input.toOrganizationId);
    if (to.district_code !== from.district_code) throw notFound('fund.organization_not_found');
    const period = input.date.slice(0, 7);
    const { approvalThresholdFen } = await fundSettingsOf(trx, from.district_code);
    const status = input.amountFen > approvalThresholdFen ? 'pending' : 'posted';
    const sides: [Org, string, string, string][] = [
      [from, '5105', '1002', `拨付${to.name}：${input.summary}`],
      [to, '1002', '4104', `${from.name}拨入：${input.summary}`],
    ];
    for (const [org, debitCode, creditCode, summary] of sides) {
      const id = await writeSide(ctx, trx, {
        org,
        transferId,
        period,
        date: input.date,
        summary: summary.slice(0, 200),
        amountFen: input.amountFen,
        debitCode,
        creditCode,
        status,
        actor,
      });
      voucherIds.push(id);
    }
    await ctx.audit.append(trx, actor, {
      action: 'fund.transfer_made',
      targetType: 'fund_transfer',
      targetId: transferId,
      regionCode: from.region_code,
      summary: { from: from.id, to: to.id, amountFen: input.amountFen, status, vouchers: voucherIds },
    });
  });
  return { transferId, voucherIds };
}

async function writeSide(
  ctx: ServiceContext,
  trx: Executor,
  side: {
    org: Org;
    transferId: string;
    period: string;
    date: string;
    summary: string;
    amountFen: number;
    debitCode: string;
    creditCode: string;
    status: 'pending' | 'posted';
    actor: AuditActor;
  },
): Promise<string> {
  const { org } = side;
  const accounts = await openAccounts(trx, org.id);
  const debit = accounts.find((a) => a.code === side.debitCode);
  const credit = accounts.find((a) => a.code === side.creditCode);
  if (!debit || !credit) throw conflict('fund.ledger_not_open');
  await refuseClosed(trx, org.id, side.period);
  const id = uuidv7();
  const at = ctx.now().toISOString();
  const n = await ledgerRepository.nextNumber(trx, org.district_code, org.id, side.period);
  await ledgerRepository.insertVoucher(
    trx,
    {
      id,
      district_code: org.district_code,
      region_code: org.region_code,
      organization_id: org.id,
      number: voucherNumber(side.period, n),
      period: side.period,
      voucher_date: side.date,
      summary: side.summary,
      kind: 'transfer',
      spending_kind: side.debitCode === '5105' ? 'transfer_out' : null,
      total_fen: side.amountFen,
      attachment_count: 0,
      status: side.status,
      transfer_id: side.transferId,
      made_by: side.actor.id,
      made_by_name: side.actor.name,
      approved_by: null,
      approved_by_name: null,
      approved_at: null,
      note: null,
      created_at: at,
      updated_at: at,
    },
    [
      {
        id: uuidv7(),
        district_code: org.district_code,
        voucher_id: id,
        account_id: debit.id,
        seq: 0,
        debit_fen: side.amountFen,
        credit_fen: 0,
        memo: '',
      },
      {
        id: uuidv7(),
        district_code: org.district_code,
        voucher_id: id,
        account_id: credit.id,
        seq: 1,
        debit_fen: 0,
        credit_fen: side.amountFen,
        memo: '',
      },
    ],
    [],
  );
  if (side.status === 'posted') await postVoucher(trx, { id, organization_id: org.id, period: side.period });
  return id;
}
