import { v7 as uuidv7 } from 'uuid';
import type { RepaymentMethod } from '../../shared/api/loans.js';
import { ARTICLE_POPULATION, type ArticleIndicator, articleFigure } from '../../shared/article-figures.js';
import { beijingDate } from '../../shared/beijing-time.js';
import { pick, seededRandom } from '../fixtures/resident-rows.js';
import { demoJobsRepository } from '../modules/jobs/index.js';
import {
  articleLoanFigures,
  buildSchedule,
  type DemoLoanRows,
  demoLoansRepository,
  loanSettingsOf,
} from '../modules/loans/index.js';
import type { ServiceContext } from '../services.js';
import { demoRepository } from './demo.repository.js';

const DAY = 86_400_000;
/** Amounts are whole thousands of yuan, as guarantee centres lend them. */
const THOUSAND_YUAN = 100_000;
/** The article's "多" and "余": a little over its round figure. */
export const LITTLE_OVER = 1.02;
const BUSINESSES = [
  ['购置设备', '社区便利店'],
  ['进货周转', '农产品直销'],
  ['租赁门市', '家电维修'],
  ['装修店面', '餐饮小吃'],
  ['购置车辆', '物流配送'],
  ['购置机床', '机械加工'],
  ['进货周转', '建材销售'],
  ['购置设备', '美容美发'],
] as const;

/**
 * Split `totalFen` into `count` loan amounts of whole thousands of yuan around the average (half
 * to one and a half of it), that add up to `totalFen` exactly (the last takes the odd fen).
 */
export function splitLoanAmounts(totalFen: number, count: number, random: () => number): number[] {
  if (count === 0) return [];
  const weights = Array.from({ length: count }, () => 0.5 + random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const amounts = weights.map((w) => Math.floor((totalFen * w) / sum / THOUSAND_YUAN) * THOUSAND_YUAN);
  let left = totalFen - amounts.reduce((a, b) => a + b, 0);
  for (let i = 0; left >= THOUSAND_YUAN; i = (i + 1) % count, left -= THOUSAND_YUAN)
    amounts[i]! += THOUSAND_YUAN;
  amounts[count - 1]! += left;
  return amounts;
}

/**
 * The guarantee centre's past years in the demo (the article's 500+ guided, 380 loans, ¥34.77M,
 * scaled to the district's residents): guidance sessions attended by the register's job seekers,
 * and loans lent to some of them over the last three years, each with the schedule the module
 * makes at disbursement, paid on time up to today (closed when paid off). What the story
 * applications (demo-loans.ts) already hold counts towards the figures. Written in bulk.
 */
export async function buildDemoLoanHistory(ctx: ServiceContext, district: string): Promise<void> {
  const { db } = ctx.database;
  const random = seededRandom(Number(district) + 38);
  const now = ctx.now().getTime();
  const at = new Date(now).toISOString();
  const today = beijingDate(now);
  const persons = await demoRepository.districtPersons(db, district);
  if (persons === 0) return;
  const scaled = (indicator: ArticleIndicator) =>
    Math.round((articleFigure(indicator).article * persons) / ARTICLE_POPULATION);
  const held = await articleLoanFigures(db, district);
  // "500多名": a little over the scaled figure, and within 5% of the article's own 500 as well.
  const toGuide = Math.max(0, Math.round(scaled('loan_guidance') * LITTLE_OVER) - held.loan_guidance);
  const toLend = Math.max(0, scaled('loans_disbursed') - held.loans_disbursed);
  const taken = await demoLoansRepository.applicants(db, district);
  const people = (await demoJobsRepository.candidates(db, district, today, toGuide + taken.size)).filter(
    (p) => !taken.has(p.id),
  );
  const guided = people.slice(0, toGuide);
  const borrowers = guided.slice(0, toLend);
  const amountsFen = splitLoanAmounts(
    Math.max(
      scaled('loans_disbursed_amount') * 100 - held.loans_disbursed_amount * 100,
      borrowers.length * 10 * THOUSAND_YUAN,
    ),
    borrowers.length,
    random,
  );
  const settings = await loanSettingsOf(db, district);
  const rows: DemoLoanRows = {
    guidance: [],
    applications: [],
    documents: [],
    events: [],
    instalments: [],
    repayments: [],
  };
  // Guidance over the last three years; a borrower applies a few weeks after their session.
  const attended = new Map<string, number>();
  for (const person of guided) {
    const attendedMs = now - (60 + Math.floor(random() * 1000)) * DAY;
    attended.set(person.id, attendedMs);
    rows.guidance.push({
      id: uuidv7(),
      district_code: district,
      region_code: person.region_code,
      person_id: person.id,
      attended_on: beijingDate(attendedMs),
      topic: pick<string>(random, ['创业担保贷款政策辅导', '贷款申请材料指导', '创业项目与贷款申请咨询']),
      recorded_by: null,
      created_at: at,
    });
  }
  for (const [index, person] of borrowers.entries()) {
    const id = uuidv7();
    const appliedMs = attended.get(person.id)! + (7 + Math.floor(random() * 20)) * DAY;
    const approvedMs = appliedMs + 10 * DAY;
    const lentMs = appliedMs + 18 * DAY;
    const disbursedOn = beijingDate(lentMs);
    const termMonths = pick(random, [12, 24, 24, 36]);
    const method: RepaymentMethod = random() < 0.7 ? 'equal_instalment' : 'equal_principal';
    const schedule = buildSchedule({
      amountFen: amountsFen[index]!,
      termMonths,
      annualRateBp: settings.annualRateBp,
      subsidyShareBp: settings.subsidyShareBp,
      method,
      startOn: disbursedOn,
    });
    const paid = schedule.filter((i) => i.dueOn <= today);
    const status = paid.length === schedule.length ? 'closed' : paid.length > 0 ? 'repaying' : 'disbursed';
    const [purpose, business] = pick(random, BUSINESSES);
    rows.applications.push({
      id,
      district_code: district,
      region_code: person.region_code,
      number: `DK${beijingDate(appliedMs).replaceAll('-', '')}-${id.slice(-6).toUpperCase()}`,
      person_id: person.id,
      household_id: null,
      amount_fen: amountsFen[index]!,
      term_months: termMonths,
      purpose,
      business,
      repayment_method: method,
      status,
      step_due_at: null,
      overdue: 0,
      escalated_region_code: null,
      centre_approved_at: new Date(approvedMs).toISOString(),
      annual_rate_bp: settings.annualRateBp,
      subsidy_share_bp: settings.subsidyShareBp,
      bank_name: '哈尔滨银行平房支行',
      contract_no: `HRB-CY-${disbursedOn.slice(0, 4)}-${String(1000 + index)}`,
      disbursed_on: disbursedOn,
      bucket: 'current',
      days_past_due: 0,
      follow_up_order_id: null,
      created_by: null,
      created_at: new Date(appliedMs).toISOString(),
      updated_at: at,
    });
    for (const item of settings.requiredDocuments)
      rows.documents.push({
        district_code: district,
        application_id: id,
        item,
        ticked: 1,
        ticked_by: null,
        ticked_by_name: '社区经办人',
        ticked_at: new Date(appliedMs + DAY).toISOString(),
      });
    const trail: [string, string | null, string, number][] = [
      ['applied', null, 'submitted', appliedMs],
      ['accept', 'submitted', 'community_review', appliedMs + DAY],
      ['community_approve', 'community_review', 'centre_review', appliedMs + 4 * DAY],
      ['centre_approve', 'centre_review', 'bank_approval', approvedMs],
      ['disburse', 'bank_approval', 'disbursed', lentMs],
    ];
    if (status === 'closed')
      trail.push(['closed', 'closed', 'closed', Date.parse(`${paid.at(-1)!.dueOn}T02:00:00Z`)]);
    for (const [action, from, to, ms] of trail)
      rows.events.push({
        id: uuidv7(),
        district_code: district,
        application_id: id,
        action,
        from_status: from,
        to_status: to,
        reason: null,
        actor_id: null,
        actor_name: null,
        at: new Date(ms).toISOString(),
      });
    for (const instalment of schedule) {
      const due = instalment.principalFen + instalment.borrowerInterestFen;
      const isPaid = instalment.dueOn <= today;
      rows.instalments.push({
        district_code: district,
        application_id: id,
        seq: instalment.seq,
        due_on: instalment.dueOn,
        principal_fen: instalment.principalFen,
        borrower_interest_fen: instalment.borrowerInterestFen,
        subsidy_interest_fen: instalment.subsidyInterestFen,
        paid_fen: isPaid ? due : 0,
        paid_on: isPaid ? instalment.dueOn : null,
      });
      if (isPaid)
        rows.repayments.push({
          id: uuidv7(),
          district_code: district,
          application_id: id,
          amount_fen: due,
          paid_on: instalment.dueOn,
          recorded_by: null,
          created_at: `${instalment.dueOn}T02:00:00.000Z`,
        });
    }
  }
  await db.transaction().execute((trx) => demoLoansRepository.insert(trx, rows));
}
