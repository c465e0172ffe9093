import { beijingDate } from '../../../shared/beijing-time.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import type { ServiceContext } from '../../services.js';
import { enqueueNotification } from '../notifications/index.js';
import { writeLoanEvent } from './loan-events.js';
import { staffAt } from './loan-people.repository.js';
import { escalationOf, LOAN_STATUS_LABELS } from './loan-rules.js';
import { loansRepository } from './loans.repository.js';

/**
 * The loans' clock (限时办结): every application whose waiting step passed its deadline is marked
 * overdue once and escalated to the level above the one holding it (escalationOf: the street for
 * the community's steps, the district for the centre's and the bank's), whose staff are told in
 * their inbox through the notifications outbox. Like the work orders' SLA sweeper it is safe with
 * several processes: the mark is a conditional update (`overdue = 0` at the status read), so a
 * second sweeper changes nothing. The next step clears the mark and sets its own deadline.
 * Returns the ids it escalated.
 */
export async function sweepLoanDeadlines(ctx: ServiceContext, batchSize = 200): Promise<string[]> {
  const { db } = ctx.database;
  const escalated: string[] = [];
  for (;;) {
    const nowIso = ctx.now().toISOString();
    const lapsed = await loansRepository.lapsed(db, nowIso, batchSize);
    let progressed = false;
    for (const loan of lapsed) {
      const won = await db.transaction().execute(async (trx) => {
        const to = escalationOf(loan.status, loan.region_code);
        if (!(await loansRepository.markOverdue(trx, loan.id, loan.status, to.regionCode, nowIso)))
          return false;
        await writeLoanEvent(ctx, trx, loan, {
          action: 'loan.step_overdue',
          from: loan.status,
          to: loan.status,
          actor: SYSTEM_ACTOR,
          summary: { dueAt: loan.step_due_at, escalatedTo: to.regionCode },
        });
        // The deadline is the end of its last day: the day shown is the one before it.
        const dueDay = beijingDate(new Date(Date.parse(loan.step_due_at!) - 1));
        for (const userId of await staffAt(trx, to.regionCode, to.roles)) {
          await enqueueNotification(ctx, trx, {
            districtCode: loan.district_code,
            recipient: { userId },
            template: 'loan_step_overdue',
            params: { number: loan.number, step: LOAN_STATUS_LABELS[loan.status], due: dueDay },
          });
        }
        return true;
      });
      if (won) {
        escalated.push(loan.id);
        progressed = true;
      }
    }
    if (lapsed.length < batchSize || !progressed) return escalated;
  }
}
