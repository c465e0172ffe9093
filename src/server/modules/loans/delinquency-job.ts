import { beijingDate } from '../../../shared/beijing-time.js';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import type { ServiceContext } from '../../services.js';
import { enqueueNotification } from '../notifications/index.js';
import type { WorkOrderIntake } from '../work-orders/index.js';
import { BUCKET_LABELS, BUCKET_RANK, bucketOf, daysPastDue } from './delinquency.js';
import { writeLoanEvent } from './loan-events.js';
import { householdGrid, staffAt } from './loan-people.repository.js';
import { type LoanRow, loansRepository } from './loans.repository.js';
import { repaymentsRepository } from './repayments.repository.js';

/** The work-order category a follow-up visit is filed under (民生求助 › 困难救助). */
export const FOLLOW_UP_CATEGORY = 'livelihood.hardship';

/**
 * The daily delinquency job (逾期分档): for each loan being repaid, the days past its oldest unpaid
 * due date (hardship pauses excluded) and their bucket. A loan whose first due date has passed moves
 * from disbursed to repaying. A move to a worse bucket asks for a visit: the visits module offers
 * no way for another module to add a single due visit (targets belong to campaigns), so the job
 * takes a work order in through the work orders' intake (channel `visit`, category 困难救助, at the
 * borrower's household, so its community holds it), links it to the loan, and tells the grid
 * workers of the household's grid in their inbox. Each loan changes in one transaction; a second
 * run the same day finds the bucket already stored and does nothing.
 */
export async function assessDelinquency(
  ctx: ServiceContext,
  intake: WorkOrderIntake,
  batchSize = 200,
): Promise<{ assessed: number; worsened: string[] }> {
  const { db } = ctx.database;
  const today = beijingDate(ctx.now());
  const worsened: string[] = [];
  let assessed = 0;
  let after = '';
  for (;;) {
    const loans = await loansRepository.inRepayment(db, after, batchSize);
    for (const loan of loans) {
      assessed += 1;
      if (await assessOne(ctx, intake, loan, today)) worsened.push(loan.id);
    }
    if (loans.length < batchSize) return { assessed, worsened };
    after = loans.at(-1)!.id;
  }
}

async function assessOne(
  ctx: ServiceContext,
  intake: WorkOrderIntake,
  loan: LoanRow,
  today: string,
): Promise<boolean> {
  const { db } = ctx.database;
  const [instalments, pauses] = await Promise.all([
    repaymentsRepository.instalments(db, loan.id),
    repaymentsRepository.pauses(db, loan.id),
  ]);
  const days = daysPastDue(instalments, pauses, today);
  const bucket = bucketOf(days);
  const firstDuePassed = instalments.length > 0 && instalments[0]!.due_on < today;
  const status = loan.status === 'disbursed' && firstDuePassed ? 'repaying' : loan.status;
  const worse = BUCKET_RANK[bucket] > BUCKET_RANK[loan.bucket];
  if (!worse) {
    if (days === loan.days_past_due && bucket === loan.bucket && status === loan.status) return false;
    await db.transaction().execute(async (trx) => {
      await loansRepository.update(trx, loan.id, {
        status,
        days_past_due: days,
        bucket,
        updated_at: ctx.now().toISOString(),
      });
      if (status !== loan.status)
        await writeLoanEvent(ctx, trx, loan, {
          action: 'loan.repaying',
          from: loan.status,
          to: status,
          actor: SYSTEM_ACTOR,
        });
    });
    return false;
  }
  const scope = new Scope([loan.district_code], ctx.database.dialect);
  await intake.within({ kind: 'system', scope, actor: SYSTEM_ACTOR }, async (trx, take) => {
    const order = await take({
      categoryCode: FOLLOW_UP_CATEGORY,
      channel: 'visit',
      ...(loan.household_id ? { householdId: loan.household_id } : { regionCode: loan.region_code }),
      description: `创业担保贷款 ${loan.number} 已逾期 ${days} 天（${BUCKET_LABELS[bucket]}），请网格员上门走访，了解借款人经营和家庭情况，必要时登记困难暂停。`,
    });
    await loansRepository.update(trx, loan.id, {
      status,
      days_past_due: days,
      bucket,
      follow_up_order_id: order.id,
      updated_at: ctx.now().toISOString(),
    });
    await writeLoanEvent(ctx, trx, loan, {
      action: 'loan.bucket_moved',
      from: loan.status,
      to: status,
      actor: SYSTEM_ACTOR,
      summary: {
        from: loan.bucket,
        to: bucket,
        daysPastDue: days,
        workOrderId: order.id,
        number: order.number,
      },
    });
    const grid = loan.household_id ? await householdGrid(trx, loan.household_id) : undefined;
    for (const userId of grid ? await staffAt(trx, grid.grid_code, ['grid_worker']) : []) {
      await enqueueNotification(ctx, trx, {
        districtCode: loan.district_code,
        recipient: { userId },
        template: 'loan_arrears_visit',
        params: {
          number: loan.number,
          days: String(days),
          bucket: BUCKET_LABELS[bucket],
          order: order.number,
        },
        workOrderId: order.id,
      });
    }
  });
  return true;
}
