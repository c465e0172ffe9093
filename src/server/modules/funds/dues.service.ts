import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  DUES_BACK_MONTHS,
  type DuesPaymentBody,
  type DuesRecord,
  type duesBaseBody,
} from '../../../shared/api/funds.js';
import { beijingDate, beijingMonth } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { type DuesBaseRow, duesRepository } from './dues.repository.js';
import { addMonths, calculateDues, later, monthIndex, monthsBetween, unpayableReason } from './dues-rules.js';

type DuesMember = NonNullable<Awaited<ReturnType<typeof duesRepository.memberInScope>>>;

/** The base in force for a month: the latest set that took effect by then, else the earliest one. */
const baseFor = (bases: readonly DuesBaseRow[], month: string): DuesBaseRow | undefined =>
  bases.find((b) => b.effective_month <= month) ?? bases.at(-1);

/** How many months of records a member's page shows back from last month. */
const SHOWN_MONTHS = 24;

/** Dues: each member's base, monthly payments (the member's own, back at most six months), records. */
export class DuesService {
  constructor(private readonly ctx: ServiceContext) {}

  private async member(scope: Scope, id: string): Promise<DuesMember> {
    const member = await duesRepository.memberInScope(this.ctx.database.db, scope, id);
    if (!member) throw notFound('dues.member_not_found');
    return member;
  }

  /** The member linked to the caller's account: whose dues `/api/me/dues` shows and pays. */
  async ownMember(userId: string): Promise<DuesMember> {
    const member = await duesRepository.memberOfUser(this.ctx.database.db, userId);
    if (!member) throw notFound('dues.not_a_member');
    return member;
  }

  async setBase(scope: Scope, memberId: string, input: z.output<typeof duesBaseBody>, actor: AuditActor) {
    const member = await this.member(scope, memberId);
    if (monthIndex(input.effectiveMonth) > monthIndex(beijingMonth(this.ctx.now())) + 1)
      throw fieldError('effectiveMonth', 'dues.effective_future');
    const result = calculateDues(input.category, input.incomeFen);
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await duesRepository.insertBase(trx, {
        id: uuidv7(),
        district_code: member.district_code,
        member_id: member.id,
        category: input.category,
        income_fen: input.incomeFen,
        monthly_fen: result.monthlyFen,
        effective_month: input.effectiveMonth,
        set_by: actor.id,
        set_at: this.ctx.now().toISOString(),
      });
      // The income itself is financial personal data: the audit row keeps the band, not the amount.
      await this.ctx.audit.append(trx, actor, {
        action: 'dues.base_set',
        targetType: 'member',
        targetId: member.id,
        regionCode: member.region_code,
        summary: { category: input.category, band: result.band, effectiveMonth: input.effectiveMonth },
      });
    });
    return this.recordOf(member);
  }

  record(scope: Scope, memberId: string): Promise<DuesRecord> {
    return this.member(scope, memberId).then((m) => this.recordOf(m));
  }

  async recordOf(member: DuesMember): Promise<DuesRecord> {
    const { db } = this.ctx.database;
    const [bases, payments] = await Promise.all([
      duesRepository.bases(db, member.id),
      duesRepository.payments(db, member.id),
    ]);
    const current = beijingMonth(this.ctx.now());
    const lastMonth = addMonths(current, -1);
    const joined = member.joined_on.slice(0, 7);
    const firstShown = addMonths(current, -SHOWN_MONTHS);
    const paid = new Set(payments.map((p) => p.month));
    const base = bases[0];
    return {
      memberId: member.id,
      name: member.name,
      organizationId: member.organization_id,
      organizationName: member.organization_name,
      base: base
        ? {
            ...calculateDues(base.category, Number(base.income_fen)),
            monthlyFen: Number(base.monthly_fen),
            effectiveMonth: base.effective_month,
            setAt: base.set_at,
          }
        : null,
      payments: payments.map((p) => ({
        month: p.month,
        amountFen: Number(p.amount_fen),
        paidOn: p.paid_on,
        channel: p.channel,
        recordedBy: p.recorded_by_name,
      })),
      unpaidMonths: monthsBetween(later(joined, firstShown), lastMonth).filter((m) => !paid.has(m)),
      earliestPayable: addMonths(current, -DUES_BACK_MONTHS),
    };
  }

  /**
   * Records dues the member paid. The payer is the member: a payment that names anybody else as
   * payer is refused (no paying on another's behalf). Each month must lie within the back-payment
   * window, not before the member joined, and not be paid already; the amount is the base in force.
   */
  async pay(
    member: DuesMember,
    input: DuesPaymentBody,
    channel: 'self' | 'recorded',
    actor: AuditActor,
  ): Promise<DuesRecord> {
    if (input.payerMemberId !== undefined && input.payerMemberId !== member.id)
      throw fieldError('payerMemberId', 'dues.proxy_forbidden');
    const now = this.ctx.now();
    if (input.paidOn > beijingDate(now)) throw fieldError('paidOn', 'dues.paid_on_future');
    const current = beijingMonth(now);
    const earliest = addMonths(current, -DUES_BACK_MONTHS);
    const joined = member.joined_on.slice(0, 7);
    const seen = new Set<string>();
    input.months.forEach((month, i) => {
      if (seen.has(month)) throw fieldError(`months.${i}`, 'dues.months_repeated', { month });
      seen.add(month);
      const reason = unpayableReason(month, current, DUES_BACK_MONTHS);
      if (reason) throw fieldError(`months.${i}`, reason, { month, earliest });
      if (month < joined) throw fieldError(`months.${i}`, 'dues.before_joining', { month });
    });
    const { db } = this.ctx.database;
    const bases = await duesRepository.bases(db, member.id);
    if (bases.length === 0) throw conflict('dues.no_base');
    const already = new Set((await duesRepository.payments(db, member.id)).map((p) => p.month));
    input.months.forEach((month, i) => {
      if (already.has(month)) throw fieldError(`months.${i}`, 'dues.already_paid', { month });
    });
    const at = now.toISOString();
    const rows = input.months.map((month) => ({
      id: uuidv7(),
      district_code: member.district_code,
      region_code: member.region_code,
      organization_id: member.organization_id,
      member_id: member.id,
      month,
      amount_fen: Number(baseFor(bases, month)!.monthly_fen),
      paid_on: input.paidOn,
      channel,
      recorded_by: actor.id,
      recorded_by_name: actor.name,
      created_at: at,
    }));
    try {
      await db.transaction().execute(async (trx) => {
        await duesRepository.insertPayments(trx, rows);
        await this.ctx.audit.append(trx, actor, {
          action: 'dues.paid',
          targetType: 'member',
          targetId: member.id,
          regionCode: member.region_code,
          summary: {
            months: input.months,
            amountFen: rows.reduce((sum, r) => sum + r.amount_fen, 0),
            channel,
          },
        });
      });
    } catch (error) {
      // Two requests paying the same month at once: the second finds it paid.
      if (isUniqueViolation(error)) throw conflict('dues.already_paid', { month: input.months.join(', ') });
      throw error;
    }
    return this.recordOf(member);
  }

  async recordPayment(scope: Scope, memberId: string, input: DuesPaymentBody, actor: AuditActor) {
    return this.pay(await this.member(scope, memberId), input, 'recorded', actor);
  }
}
