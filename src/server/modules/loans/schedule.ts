import type { RepaymentMethod } from '../../../shared/api/loans.js';
import { addMonths } from './loan-dates.js';

/**
 * The repayment schedule made at disbursement, in integer fen.
 *
 * Interest accrues monthly on the outstanding principal at the contract's annual rate / 12 and is
 * split in two: the fiscal interest subsidy (贴息) takes `subsidyShareBp` of it, the borrower pays
 * the rest, rate × (1 − share). Each part is rounded to the fen once, and the borrower's part is
 * what is left after the subsidy's, so the two always add up to the month's interest.
 *
 * - equal instalments (等额本息): the annuity payment for the full rate, rounded to the fen; each
 *   month's principal is that payment minus the month's interest.
 * - equal principal (等额本金): the principal divided evenly, rounded down to the fen.
 *
 * Either way every principal is ≥ 0 and the last instalment takes what is left, so the principals
 * add up to the loan exactly (proved over many amounts, terms and rates in schedule.property.test.ts).
 */

export interface ScheduleInput {
  amountFen: number;
  termMonths: number;
  annualRateBp: number;
  subsidyShareBp: number;
  method: RepaymentMethod;
  /** The disbursement date; the first instalment falls due a month later. */
  startOn: string;
}

export interface ScheduledInstalment {
  seq: number;
  dueOn: string;
  principalFen: number;
  borrowerInterestFen: number;
  subsidyInterestFen: number;
}

/** Half up, on integers: interest = balance × bp / 120000 (a monthly rate of bp/12 per ten thousand). */
const monthlyInterest = (balanceFen: number, annualRateBp: number): number =>
  Math.floor((balanceFen * annualRateBp * 2 + 120_000) / 240_000);

const subsidyOf = (interestFen: number, shareBp: number): number =>
  Math.floor((interestFen * shareBp * 2 + 10_000) / 20_000);

function annuityPayment(amountFen: number, termMonths: number, annualRateBp: number): number {
  if (annualRateBp === 0) return Math.ceil(amountFen / termMonths);
  const rate = annualRateBp / 120_000;
  return Math.round((amountFen * rate) / (1 - (1 + rate) ** -termMonths));
}

export function buildSchedule(input: ScheduleInput): ScheduledInstalment[] {
  const { amountFen, termMonths, annualRateBp, subsidyShareBp } = input;
  const payment = annuityPayment(amountFen, termMonths, annualRateBp);
  const evenPrincipal = Math.floor(amountFen / termMonths);
  const instalments: ScheduledInstalment[] = [];
  let balance = amountFen;
  for (let seq = 1; seq <= termMonths; seq += 1) {
    const interest = monthlyInterest(balance, annualRateBp);
    const planned = input.method === 'equal_instalment' ? payment - interest : evenPrincipal;
    const principal = seq === termMonths ? balance : Math.min(balance, Math.max(0, planned));
    const subsidy = subsidyOf(interest, subsidyShareBp);
    instalments.push({
      seq,
      dueOn: addMonths(input.startOn, seq),
      principalFen: principal,
      borrowerInterestFen: interest - subsidy,
      subsidyInterestFen: subsidy,
    });
    balance -= principal;
  }
  return instalments;
}
