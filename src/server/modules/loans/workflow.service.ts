import type { z } from 'zod';
import type { disburseBody, LoanAction, LoanStatus } from '../../../shared/api/loans.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { endOfBeijingDayAfter } from './loan-dates.js';
import { writeLoanEvent } from './loan-events.js';
import { LOAN_RULES, stepDaysOf } from './loan-rules.js';
import { loanSettingsOf } from './loan-settings.service.js';
import { type LoanRow, loansRepository } from './loans.repository.js';
import { repaymentsRepository } from './repayments.repository.js';
import { buildSchedule } from './schedule.js';

type ReviewAction = Exclude<LoanAction, 'disburse'>;

/**
 * The one-stop workflow's steps (rules in loan-rules.ts). Each is checked in this order: the caller
 * sees the application (404), the action is legal now (409 `loan.illegal_transition`), its
 * particulars are valid (400 by field); then the application moves only from the status it was read
 * in, with the next step's deadline, an event on its trail and an audit row, in one transaction.
 */
export class LoanWorkflowService {
  constructor(private readonly ctx: ServiceContext) {}

  private async load(
    trx: Parameters<typeof loansRepository.findInScope>[0],
    scope: Scope,
    id: string,
    action: LoanAction,
  ) {
    const loan = await loansRepository.findInScope(trx, scope, id);
    if (!loan) throw notFound('loan.not_found');
    if (!LOAN_RULES[action].from.includes(loan.status))
      throw conflict('loan.illegal_transition', { status: `loan.${loan.status}` });
    return loan;
  }

  /** The next waiting step's deadline from the district's settings (none once nobody waits). */
  private async nextStep(trx: Executor, loan: LoanRow, to: LoanStatus) {
    // In the step's transaction: on SQLite's one connection a read beside it would wait for it.
    const settings = await loanSettingsOf(trx, loan.district_code);
    const days = stepDaysOf(to, settings);
    return days === null ? null : endOfBeijingDayAfter(this.ctx.now(), days);
  }

  async act(
    scope: Scope,
    id: string,
    action: ReviewAction,
    reason: string | undefined,
    actor: AuditActor,
  ): Promise<void> {
    const rule = LOAN_RULES[action];
    if (rule.reasonRequired && !reason) throw fieldError('reason', 'field.required');
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const loan = await this.load(trx, scope, id, action);
      if (action === 'community_approve') await this.requireDocuments(trx, loan);
      const nowIso = this.ctx.now().toISOString();
      const moved = await loansRepository.transition(trx, id, loan.status, {
        status: rule.to,
        step_due_at: await this.nextStep(trx, loan, rule.to),
        overdue: 0,
        escalated_region_code: null,
        ...(action === 'centre_approve' ? { centre_approved_at: nowIso } : {}),
        updated_at: nowIso,
      });
      if (!moved) throw conflict('loan.illegal_transition', { status: `loan.${loan.status}` });
      await writeLoanEvent(this.ctx, trx, loan, {
        action: `loan.${action}`,
        from: loan.status,
        to: rule.to,
        actor,
        reason,
      });
    });
  }

  /** The community passes an application on only with every required document ticked. */
  private async requireDocuments(trx: Executor, loan: LoanRow) {
    const missing = (await loansRepository.documents(trx, loan.id))
      .filter((d) => d.ticked !== 1)
      .map((d) => d.item);
    if (missing.length > 0) throw conflict('loan.documents_missing', { items: missing.join('、') });
  }

  /**
   * The bank approves and lends in one step (放款): the contract's rate and the subsidy share are
   * fixed from the district's settings of that day, and the schedule is made.
   */
  async disburse(
    scope: Scope,
    id: string,
    input: z.output<typeof disburseBody>,
    actor: AuditActor,
  ): Promise<void> {
    if (input.disbursedOn > beijingDate(this.ctx.now()))
      throw fieldError('disbursedOn', 'loan.date_in_future');
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const loan = await this.load(trx, scope, id, 'disburse');
      if (input.disbursedOn < beijingDate(new Date(loan.created_at)))
        throw fieldError('disbursedOn', 'loan.before_approval');
      const settings = await loanSettingsOf(trx, loan.district_code);
      const nowIso = this.ctx.now().toISOString();
      const moved = await loansRepository.transition(trx, id, loan.status, {
        status: 'disbursed',
        step_due_at: null,
        overdue: 0,
        escalated_region_code: null,
        annual_rate_bp: settings.annualRateBp,
        subsidy_share_bp: settings.subsidyShareBp,
        bank_name: input.bankName,
        contract_no: input.contractNo,
        disbursed_on: input.disbursedOn,
        updated_at: nowIso,
      });
      if (!moved) throw conflict('loan.illegal_transition', { status: `loan.${loan.status}` });
      const schedule = buildSchedule({
        amountFen: loan.amount_fen,
        termMonths: loan.term_months,
        annualRateBp: settings.annualRateBp,
        subsidyShareBp: settings.subsidyShareBp,
        method: loan.repayment_method,
        startOn: input.disbursedOn,
      });
      await repaymentsRepository.insertInstalments(
        trx,
        schedule.map((i) => ({
          district_code: loan.district_code,
          application_id: id,
          seq: i.seq,
          due_on: i.dueOn,
          principal_fen: i.principalFen,
          borrower_interest_fen: i.borrowerInterestFen,
          subsidy_interest_fen: i.subsidyInterestFen,
          paid_fen: 0,
          paid_on: null,
        })),
      );
      await writeLoanEvent(this.ctx, trx, loan, {
        action: 'loan.disburse',
        from: loan.status,
        to: 'disbursed',
        actor,
        summary: {
          disbursedOn: input.disbursedOn,
          annualRateBp: settings.annualRateBp,
          subsidyShareBp: settings.subsidyShareBp,
        },
      });
    });
  }
}
