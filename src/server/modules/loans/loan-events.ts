import { v7 as uuidv7 } from 'uuid';
import type { LoanStatus } from '../../../shared/api/loans.js';
import type { AuditAction } from '../../../shared/audit-actions.js';
import type { Executor } from '../../db/database.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { loansRepository } from './loans.repository.js';

/**
 * One step of a loan, written in the step's transaction: a row on the application's trail (what
 * the application page shows) and the audit row (the hash chain), with the same reason.
 */
export async function writeLoanEvent(
  ctx: ServiceContext,
  trx: Executor,
  loan: { id: string; district_code: string; region_code: string },
  step: {
    action: AuditAction & `loan.${string}`;
    from: LoanStatus | null;
    to: LoanStatus;
    actor: AuditActor;
    reason?: string | undefined;
    summary?: Record<string, unknown>;
  },
): Promise<void> {
  await loansRepository.insertEvent(trx, {
    id: uuidv7(),
    district_code: loan.district_code,
    application_id: loan.id,
    action: step.action.slice('loan.'.length),
    from_status: step.from,
    to_status: step.to,
    reason: step.reason ?? null,
    actor_id: step.actor.id,
    actor_name: step.actor.name,
    at: ctx.now().toISOString(),
  });
  await ctx.audit.append(trx, step.actor, {
    action: step.action,
    targetType: 'loan_application',
    targetId: loan.id,
    regionCode: loan.region_code,
    summary: {
      from: step.from,
      to: step.to,
      ...(step.reason ? { reason: step.reason } : {}),
      ...step.summary,
    },
  });
}
