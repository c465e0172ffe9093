import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { accountBody, VoucherBody } from '../../../shared/api/funds.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { conflict, DomainError, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { fundSettingsOf } from './fund-settings.js';
import { type AccountRow, ledgerRepository, type VoucherRow } from './ledger.repository.js';
import { checkBalanced, DEFAULT_CHART, yuan } from './ledger-rules.js';
import { postVoucher, refuseClosed } from './posting.js';

export type Org = NonNullable<Awaited<ReturnType<typeof ledgerRepository.organizationInScope>>>;

/** An organization in scope, or 404 (outside one's scope a ledger does not exist). */
export async function organizationIn(db: Executor, scope: Scope, id: string): Promise<Org> {
  const org = await ledgerRepository.organizationInScope(db, scope, id);
  if (!org) throw notFound('fund.organization_not_found');
  return org;
}

/** The organization's accounts, or 409 when its ledger has not been opened. */
export async function openAccounts(db: Executor, organizationId: string): Promise<AccountRow[]> {
  const accounts = await ledgerRepository.accounts(db, organizationId);
  if (accounts.length === 0) throw conflict('fund.ledger_not_open');
  return accounts;
}

export const voucherNumber = (period: string, n: number) =>
  `记-${period.replace('-', '')}-${String(n).padStart(4, '0')}`;

/** Accounts, opening a ledger, and vouchers: making, listing, approving, rejecting. */
export class LedgerService {
  constructor(private readonly ctx: ServiceContext) {}

  async accounts(scope: Scope, organizationId: string) {
    const { db } = this.ctx.database;
    const org = await organizationIn(db, scope, organizationId);
    const accounts = await ledgerRepository.accounts(db, org.id);
    const settings = await fundSettingsOf(db, org.district_code);
    return { org, accounts, thresholdFen: settings.approvalThresholdFen };
  }

  /** Opens an organization's ledger with the default chart of accounts. */
  async open(scope: Scope, organizationId: string, actor: AuditActor) {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const org = await organizationIn(trx, scope, organizationId);
      if ((await ledgerRepository.accounts(trx, org.id)).length > 0)
        throw conflict('fund.ledger_already_open');
      const at = this.ctx.now().toISOString();
      try {
        await ledgerRepository.insertAccounts(
          trx,
          DEFAULT_CHART.map((a) => ({
            id: uuidv7(),
            district_code: org.district_code,
            region_code: org.region_code,
            organization_id: org.id,
            code: a.code,
            name: a.name,
            type: a.type,
            fund: a.fund,
            restricted: a.restricted ? 1 : 0,
            spending_kind: a.spendingKind ?? null,
            balance_fen: 0,
            created_at: at,
          })),
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('fund.ledger_already_open');
        throw error;
      }
      await this.ctx.audit.append(trx, actor, {
        action: 'fund.ledger_opened',
        targetType: 'organization',
        targetId: org.id,
        regionCode: org.region_code,
      });
    });
    return this.accounts(scope, organizationId);
  }

  async addAccount(
    scope: Scope,
    organizationId: string,
    input: z.output<typeof accountBody>,
    actor: AuditActor,
  ) {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const org = await organizationIn(trx, scope, organizationId);
      const accounts = await openAccounts(trx, org.id);
      if (accounts.some((a) => a.code === input.code))
        throw fieldError('code', 'fund.account_exists', { code: input.code });
      const id = uuidv7();
      await ledgerRepository.insertAccounts(trx, [
        {
          id,
          district_code: org.district_code,
          region_code: org.region_code,
          organization_id: org.id,
          code: input.code,
          name: input.name,
          type: input.type,
          fund: input.fund,
          restricted: input.restricted ? 1 : 0,
          spending_kind: input.type === 'expense' ? (input.spendingKind ?? 'other') : null,
          balance_fen: 0,
          created_at: this.ctx.now().toISOString(),
        },
      ]);
      await this.ctx.audit.append(trx, actor, {
        action: 'fund.account_created',
        targetType: 'fund_account',
        targetId: id,
        regionCode: org.region_code,
        summary: { code: input.code, name: input.name, type: input.type, fund: input.fund },
      });
    });
    return this.accounts(scope, organizationId);
  }

  /**
   * Makes a voucher. Its lines must balance and name the organization's own accounts; its month must
   * be open. Up to the district's threshold it is posted at once; above it, it waits for someone
   * other than its maker to approve it.
   */
  async createVoucher(
    scope: Scope,
    organizationId: string,
    input: VoucherBody,
    actor: AuditActor,
  ): Promise<string> {
    const today = beijingDate(this.ctx.now());
    if (input.date > today) throw fieldError('date', 'fund.date_in_future');
    const total = checkBalanced(input.lines);
    if (input.kind === 'spending' && !input.spendingKind)
      throw fieldError('spendingKind', 'fund.spending_kind_required');
    if (input.kind !== 'spending' && input.spendingKind)
      throw fieldError('spendingKind', 'fund.spending_kind_only_spending');
    const beneficiaries = input.beneficiaries ?? [];
    if (new Set(beneficiaries.map((b) => b.memberId)).size !== beneficiaries.length)
      throw fieldError('beneficiaries', 'fund.beneficiary_repeated');
    const paid = beneficiaries.reduce((sum, b) => sum + b.amountFen, 0);
    if (beneficiaries.length > 0 && paid !== total)
      throw fieldError('beneficiaries', 'fund.beneficiaries_sum', { sum: yuan(paid), total: yuan(total) });
    const id = uuidv7();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const org = await organizationIn(trx, scope, organizationId);
      const accounts = new Map((await openAccounts(trx, org.id)).map((a) => [a.id, a]));
      input.lines.forEach((line, index) => {
        if (!accounts.has(line.accountId))
          throw fieldError(`lines.${index}.accountId`, 'fund.account_not_found');
      });
      const found = await ledgerRepository.membersInScope(
        trx,
        scope,
        beneficiaries.map((b) => b.memberId),
      );
      if (found.length !== beneficiaries.length)
        throw fieldError('beneficiaries', 'fund.beneficiary_not_found');
      const period = input.date.slice(0, 7);
      await refuseClosed(trx, org.id, period);
      const { approvalThresholdFen } = await fundSettingsOf(trx, org.district_code);
      const status = total > approvalThresholdFen ? 'pending' : 'posted';
      const at = this.ctx.now().toISOString();
      const n = await ledgerRepository.nextNumber(trx, org.district_code, org.id, period);
      await ledgerRepository.insertVoucher(
        trx,
        {
          id,
          district_code: org.district_code,
          region_code: org.region_code,
          organization_id: org.id,
          number: voucherNumber(period, n),
          period,
          voucher_date: input.date,
          summary: input.summary,
          kind: input.kind,
          spending_kind: input.spendingKind ?? null,
          total_fen: total,
          attachment_count: input.attachmentCount,
          status,
          transfer_id: null,
          made_by: actor.id,
          made_by_name: actor.name,
          approved_by: null,
          approved_by_name: null,
          approved_at: null,
          note: null,
          created_at: at,
          updated_at: at,
        },
        input.lines.map((line, seq) => ({
          id: uuidv7(),
          district_code: org.district_code,
          voucher_id: id,
          account_id: line.accountId,
          seq,
          debit_fen: line.debitFen,
          credit_fen: line.creditFen,
          memo: line.memo ?? '',
        })),
        beneficiaries.map((b) => ({
          district_code: org.district_code,
          voucher_id: id,
          member_id: b.memberId,
          amount_fen: b.amountFen,
        })),
      );
      if (status === 'posted') await postVoucher(trx, { id, organization_id: org.id, period });
      await this.ctx.audit.append(trx, actor, {
        action: 'fund.voucher_made',
        targetType: 'fund_voucher',
        targetId: id,
        regionCode: org.region_code,
        summary: { totalFen: total, status, kind: input.kind, beneficiaries: beneficiaries.length },
      });
    });
    return id;
  }

  async list(
    scope: Scope,
    organizationId: string,
    filter: {
      status?: string | undefined;
      period?: string | undefined;
      after?: string | undefined;
      limit: number;
    },
  ): Promise<VoucherRow[]> {
    const { db } = this.ctx.database;
    const org = await organizationIn(db, scope, organizationId);
    return ledgerRepository.list(db, org.id, filter);
  }

  async detail(scope: Scope, id: string) {
    const { db } = this.ctx.database;
    const voucher = await ledgerRepository.voucherInScope(db, scope, id);
    if (!voucher) throw notFound('fund.voucher_not_found');
    const [lines, beneficiaryCount] = await Promise.all([
      ledgerRepository.lines(db, id),
      ledgerRepository.beneficiaryCount(db, id),
    ]);
    return { voucher, lines, beneficiaryCount };
  }

  /**
   * Approves a pending voucher and posts it: by someone other than its maker (403 otherwise), into an
   * open month. A transfer's vouchers are approved and posted together, both sides or neither.
   */
  async approve(scope: Scope, id: string, note: string | undefined, actor: AuditActor & { id: string }) {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const voucher = await ledgerRepository.voucherInScope(trx, scope, id, true);
      if (!voucher) throw notFound('fund.voucher_not_found');
      if (voucher.status !== 'pending') throw conflict('fund.not_pending');
      if (voucher.made_by === actor.id) throw new DomainError('fund.own_voucher', 403);
      const siblings = voucher.transfer_id
        ? await ledgerRepository.vouchersOfTransfer(trx, voucher.transfer_id)
        : [voucher];
      const at = this.ctx.now().toISOString();
      for (const v of siblings) {
        if (v.made_by === actor.id) throw new DomainError('fund.own_voucher', 403);
        const moved = await ledgerRepository.decide(trx, v.id, {
          status: 'posted',
          updated_at: at,
          approved_by: actor.id,
          approved_by_name: actor.name,
          approved_at: at,
          note: note ?? null,
        });
        if (!moved) throw conflict('fund.not_pending');
        await postVoucher(trx, v);
        await this.ctx.audit.append(trx, actor, {
          action: 'fund.voucher_approved',
          targetType: 'fund_voucher',
          targetId: v.id,
          regionCode: v.region_code,
          summary: { totalFen: Number(v.total_fen), note: note ?? null },
        });
      }
    });
  }

  /** Sends a pending voucher back with a reason; nothing is posted. A transfer's both sides go back. */
  async reject(scope: Scope, id: string, note: string, actor: AuditActor) {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const voucher = await ledgerRepository.voucherInScope(trx, scope, id, true);
      if (!voucher) throw notFound('fund.voucher_not_found');
      if (voucher.status !== 'pending') throw conflict('fund.not_pending');
      const siblings = voucher.transfer_id
        ? await ledgerRepository.vouchersOfTransfer(trx, voucher.transfer_id)
        : [voucher];
      const at = this.ctx.now().toISOString();
      for (const v of siblings) {
        if (!(await ledgerRepository.decide(trx, v.id, { status: 'rejected', updated_at: at, note })))
          throw conflict('fund.not_pending');
        await this.ctx.audit.append(trx, actor, {
          action: 'fund.voucher_rejected',
          targetType: 'fund_voucher',
          targetId: v.id,
          regionCode: v.region_code,
          summary: { note },
        });
      }
    });
  }
}
