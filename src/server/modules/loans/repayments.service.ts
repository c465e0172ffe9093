import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { hardshipBody, LoanStatus, repaymentBody } from '../../../shared/api/loans.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { bucketOf, daysPastDue } from './delinquency.js';
import { writeLoanEvent } from './loan-events.js';
import { loansRepository } from './loans.repository.js';
import { repaymentsRepository } from './repayments.repository.js';

const REPAYABLE: readonly LoanStatus[] = ['disbursed', 'repaying'];

/** Repayments (applied to the oldest instalment first, partial allowed) and hardship pauses. */
export class LoanRepaymentsService {
  constructor(private readonly ctx: ServiceContext) {}

  async repay(
    scope: Scope,
    id: string,
    input: z.output<typeof repaymentBody>,
    actor: AuditActor,
  ): Promise<void> {
    const today = beijingDate(this.ctx.now());
    if (input.paidOn > today) throw fieldError('paidOn', 'loan.date_in_future');
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const loan = await loansRepository.findInScope(trx, scope, id);
      if (!loan) throw notFound('loan.not_found');
      if (!REPAYABLE.includes(loan.status)) throw conflict('loan.not_repaying');
      const instalments = await repaymentsRepository.instalments(trx, id);
      const owed = (i: (typeof instalments)[number]) =>
        i.principal_fen + i.borrower_interest_fen - i.paid_fen;
      const outstanding = instalments.reduce((sum, i) => sum + owed(i), 0);
      if (input.amountFen > outstanding)
        throw fieldError('amountFen', 'loan.overpayment', { outstanding: (outstanding / 100).toFixed(2) });
      let left = input.amountFen;
      for (const instalment of instalments) {
        if (left === 0) break;
        const due = owed(instalment);
        if (due === 0) continue;
        const take = Math.min(due, left);
        left -= take;
        instalment.paid_fen += take;
        if (take === due) instalment.paid_on = input.paidOn;
        await repaymentsRepository.setPaid(trx, id, instalment.seq, instalment.paid_fen, instalment.paid_on);
      }
      await repaymentsRepository.insertRepayment(trx, {
        id: uuidv7(),
        district_code: loan.district_code,
        application_id: id,
        amount_fen: input.amountFen,
        paid_on: input.paidOn,
        recorded_by: actor.id,
        created_at: this.ctx.now().toISOString(),
      });
      const pauses = await repaymentsRepository.pauses(trx, id);
      const days = daysPastDue(instalments, pauses, today);
      const status: LoanStatus = input.amountFen === outstanding ? 'closed' : 'repaying';
      await loansRepository.update(trx, id, {
        status,
        days_past_due: days,
        bucket: bucketOf(days),
        updated_at: this.ctx.now().toISOString(),
      });
      await writeLoanEvent(this.ctx, trx, loan, {
        action: 'loan.repaid',
        from: loan.status,
        to: status,
        actor,
        summary: { amountFen: input.amountFen, paidOn: input.paidOn },
      });
      if (status === 'closed')
        await writeLoanEvent(this.ctx, trx, loan, { action: 'loan.closed', from: status, to: status, actor });
    });
  }

  /**
   * A hardship (困难) recorded with a reason stops the arrears clock from today until it is lifted;
   * the days in between never count towards a bucket.
   */
  async hardship(
    scope: Scope,
    id: string,
    input: z.output<typeof hardshipBody>,
    actor: AuditActor,
  ): Promise<void> {
    const today = beijingDate(this.ctx.now());
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const loan = await loansRepository.findInScope(trx, scope, id);
      if (!loan) throw notFound('loan.not_found');
      if (!REPAYABLE.includes(loan.status)) throw conflict('loan.not_repaying');
      const open = (await repaymentsRepository.pauses(trx, id)).find((p) => p.to_on === null);
      if (input.pause) {
        if (open) throw conflict('loan.already_paused');
        await repaymentsRepository.insertPause(trx, {
          id: uuidv7(),
          district_code: loan.district_code,
          application_id: id,
          reason: input.reason,
          from_on: today,
          to_on: null,
          created_by: actor.id,
          created_at: this.ctx.now().toISOString(),
        });
      } else {
        if (!open) throw conflict('loan.not_paused');
        await repaymentsRepository.endPause(trx, open.id, today);
      }
      await writeLoanEvent(this.ctx, trx, loan, {
        action: input.pause ? 'loan.paused' : 'loan.resumed',
        from: loan.status,
        to: loan.status,
        actor,
        reason: input.reason,
      });
    });
  }
}
