import type { CreateLoanBody, LoanStatus } from '../../shared/api/loans.js';
import { Scope } from '../auth/scope.js';
import {
  assessDelinquency,
  LoanApplicationsService,
  LoanRepaymentsService,
  LoanWorkflowService,
  sweepLoanDeadlines,
} from '../modules/loans/index.js';
import { WorkOrdersService } from '../modules/work-orders/index.js';
import type { ServiceContext } from '../services.js';
import { demoRepository } from './demo.repository.js';

const DAY = 86_400_000;
const beijingDay = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * One demo application: how many days ago it was taken in, how far it went, and for a loan that was
 * lent how many instalments were repaid. `stop` is the status it is left in.
 */
interface Plan {
  daysAgo: number;
  stop: LoanStatus;
  amountYuan: number;
  termMonths: number;
  purpose: string;
  business: string;
  method: CreateLoanBody['repaymentMethod'];
  /** Documents ticked before the story stops (all of them once it passes the community). */
  ticked?: number;
  paidInstalments?: number;
  reason?: string;
  pause?: string;
}

/** Every step of the one-stop workflow, so that each demo account has something to act on. */
const PLANS: Plan[] = [
  {
    daysAgo: 1,
    stop: 'submitted',
    amountYuan: 150_000,
    termMonths: 24,
    purpose: '购置烘焙设备',
    business: '社区烘焙坊',
    method: 'equal_instalment',
  },
  // Taken in ten days ago and never accepted: its step is late (the list marks it, the street hears).
  {
    daysAgo: 10,
    stop: 'submitted',
    amountYuan: 80_000,
    termMonths: 12,
    purpose: '租赁门市',
    business: '便民维修店',
    method: 'equal_principal',
  },
  {
    daysAgo: 3,
    stop: 'community_review',
    amountYuan: 200_000,
    termMonths: 36,
    purpose: '购置冷链设备',
    business: '生鲜配送',
    method: 'equal_instalment',
    ticked: 2,
  },
  {
    daysAgo: 4,
    stop: 'community_review',
    amountYuan: 50_000,
    termMonths: 12,
    purpose: '进货周转',
    business: '社区小超市',
    method: 'equal_instalment',
    ticked: 5,
  },
  {
    daysAgo: 6,
    stop: 'centre_review',
    amountYuan: 120_000,
    termMonths: 24,
    purpose: '购置设备',
    business: '社区早餐店',
    method: 'equal_instalment',
  },
  {
    daysAgo: 9,
    stop: 'bank_approval',
    amountYuan: 300_000,
    termMonths: 36,
    purpose: '装修店面',
    business: '家政服务中心',
    method: 'equal_principal',
  },
  {
    daysAgo: 20,
    stop: 'disbursed',
    amountYuan: 100_000,
    termMonths: 24,
    purpose: '购置电动三轮车',
    business: '快递代收点',
    method: 'equal_instalment',
  },
  {
    daysAgo: 260,
    stop: 'repaying',
    amountYuan: 150_000,
    termMonths: 24,
    purpose: '购置缝纫设备',
    business: '服装加工',
    method: 'equal_instalment',
    paidInstalments: 8,
  },
  // Repaid for three months, then nothing: about three months late, a visit is asked for.
  {
    daysAgo: 200,
    stop: 'repaying',
    amountYuan: 100_000,
    termMonths: 24,
    purpose: '进货周转',
    business: '农产品直销',
    method: 'equal_instalment',
    paidInstalments: 3,
  },
  // Behind, but the community paused the arrears clock: the borrower was in hospital.
  {
    daysAgo: 170,
    stop: 'repaying',
    amountYuan: 60_000,
    termMonths: 12,
    purpose: '购置设备',
    business: '洗车店',
    method: 'equal_principal',
    paidInstalments: 3,
    pause: '借款人住院治疗，家庭暂时困难',
  },
  {
    daysAgo: 420,
    stop: 'closed',
    amountYuan: 50_000,
    termMonths: 12,
    purpose: '购置设备',
    business: '打印复印店',
    method: 'equal_instalment',
    paidInstalments: 12,
  },
  {
    daysAgo: 30,
    stop: 'rejected',
    amountYuan: 100_000,
    termMonths: 24,
    purpose: '偿还旧债',
    business: '无',
    method: 'equal_instalment',
    reason: '贷款用途不属于创业经营，不符合条件',
  },
  {
    daysAgo: 25,
    stop: 'withdrawn',
    amountYuan: 80_000,
    termMonths: 12,
    purpose: '购置设备',
    business: '奶茶店',
    method: 'equal_instalment',
    reason: '申请人已找到工作，暂不创业',
  },
];

const ORDER: LoanStatus[] = ['submitted', 'community_review', 'centre_review', 'bank_approval', 'disbursed'];
const reached = (plan: Plan, status: LoanStatus) =>
  ['repaying', 'closed'].includes(plan.stop) || ORDER.indexOf(plan.stop) >= ORDER.indexOf(status);

/**
 * 创业担保贷款 in the demo: applications of the demo community (where the demo's secretary and grid
 * worker work) at every step, driven through the module's own services with the clock set back, so
 * each has its trail, checklist ticks, schedule and repayments as if they had happened. Then the
 * deadline sweep and the delinquency job run once: the late step is marked, the loan in arrears gets
 * its bucket and its follow-up visit order.
 */
export async function buildDemoLoans(
  ctx: ServiceContext,
  district: string,
  community: string,
): Promise<void> {
  if (district !== ctx.config.districtCode) return;
  const { db } = ctx.database;
  const now = ctx.now().getTime();
  const year = new Date(now).getUTCFullYear();
  const applicants = await demoRepository.workingAgeResidents(
    db,
    `${community}01`,
    { after: `${year - 55}-01-01`, before: `${year - 22}-01-01` },
    PLANS.length,
  );
  const scope = new Scope([district], ctx.database.dialect);
  const actor = async (username: string, name: string) => ({
    id: (await demoRepository.userId(db, username)) ?? null,
    name,
    ip: null,
    requestId: null,
  });
  const gridWorker = await actor('grid_worker', '网格员');
  const secretary = await actor('community_secretary', '社区书记');
  const centre = await actor('guarantee_officer', '担保中心经办人');
  const bank = await actor('bank_officer', '经办银行信贷员');
  const at = (ms: number): ServiceContext => ({ ...ctx, now: () => new Date(ms) });

  for (const [index, plan] of PLANS.entries()) {
    const personId = applicants[index];
    if (!personId) return;
    let clock = now - plan.daysAgo * DAY;
    const next = (days: number) => {
      clock = Math.min(now, clock + days * DAY);
      return at(clock);
    };
    const created = await new LoanApplicationsService(at(clock)).create(
      scope,
      {
        personId,
        amountFen: plan.amountYuan * 100,
        termMonths: plan.termMonths,
        purpose: plan.purpose,
        business: plan.business,
        repaymentMethod: plan.method,
      },
      gridWorker,
    );
    const id = created.id;
    const act = (ms: ServiceContext, action: Parameters<LoanWorkflowService['act']>[2], who = secretary) =>
      new LoanWorkflowService(ms).act(scope, id, action, plan.reason, who);
    if (plan.stop === 'withdrawn') {
      await act(next(2), 'withdraw', gridWorker);
      continue;
    }
    if (!reached(plan, 'community_review') && plan.stop !== 'rejected') continue;
    await act(next(1), 'accept');
    const documents = (await new LoanApplicationsService(ctx).detail(scope, id)).documents;
    const ticks = reached(plan, 'centre_review') ? documents.length : (plan.ticked ?? 0);
    for (const document of documents.slice(0, ticks))
      await new LoanApplicationsService(next(0)).tickDocument(
        scope,
        id,
        { item: document.item, ticked: true },
        gridWorker,
      );
    if (plan.stop === 'rejected') {
      await act(next(2), 'community_reject');
      continue;
    }
    if (!reached(plan, 'centre_review')) continue;
    await act(next(2), 'community_approve');
    if (!reached(plan, 'bank_approval')) continue;
    await act(next(2), 'centre_approve', centre);
    if (!reached(plan, 'disbursed')) continue;
    const lent = next(4);
    await new LoanWorkflowService(lent).disburse(
      scope,
      id,
      {
        disbursedOn: beijingDay(clock),
        bankName: '哈尔滨银行平房支行',
        contractNo: `HRB-CY-${year}-${100 + index}`,
      },
      bank,
    );
    const { instalments } = await new LoanApplicationsService(ctx).detail(scope, id);
    for (const instalment of instalments.slice(0, plan.paidInstalments ?? 0)) {
      const paidAt = Date.parse(`${instalment.due_on}T02:00:00Z`);
      if (paidAt > now) break;
      await new LoanRepaymentsService(at(paidAt)).repay(
        scope,
        id,
        { amountFen: instalment.principal_fen + instalment.borrower_interest_fen, paidOn: instalment.due_on },
        bank,
      );
    }
    if (plan.pause)
      await new LoanRepaymentsService(at(now - 40 * DAY)).hardship(
        scope,
        id,
        { pause: true, reason: plan.pause },
        secretary,
      );
  }
  await sweepLoanDeadlines(ctx);
  await assessDelinquency(ctx, new WorkOrdersService(ctx).intake);
}
