import type { Executor } from '../../db/database.js';
import { creditBetweenOwners } from '../timebank/index.js';

/**
 * Crediting confirmed volunteer hours to the time bank (爱心银行), behind one function so the
 * volunteering module does not depend on the time-bank module's internals. The time bank exports
 * `creditBetweenOwners(trx, { fromAccount, toAccount, minutes, ref })`. It runs inside the transaction that
 * confirms the hours, so hours are never confirmed without their credit, nor credited twice:
 * `ref` names the sign-up, which is confirmed once.
 */
export interface AccountOwner {
  ownerKind: 'organization' | 'person';
  ownerId: string;
}

export interface CreditRequest {
  /** The team's account pays (an organization). */
  fromAccount: AccountOwner;
  /** The volunteer's own account (a register person). */
  toAccount: AccountOwner;
  /** Integer minutes, > 0. */
  minutes: number;
  /** `volunteer_signup:<id>`: one credit per confirmed sign-up. */
  ref: string;
}

export type CreditConfirmedMinutes = (trx: Executor, request: CreditRequest) => Promise<void>;

/** The time bank's credit: opens the team's and the volunteer's accounts on first use. */
export const timebankCredit: CreditConfirmedMinutes = creditBetweenOwners;

/** The one call the hours flow makes, for one confirmed sign-up. */
export function creditConfirmedHours(
  credit: CreditConfirmedMinutes,
  trx: Executor,
  service: { teamId: string; personId: string; minutes: number; signupId: string },
): Promise<void> {
  return credit(trx, {
    fromAccount: { ownerKind: 'organization', ownerId: service.teamId },
    toAccount: { ownerKind: 'person', ownerId: service.personId },
    minutes: service.minutes,
    ref: `volunteer_signup:${service.signupId}`,
  });
}
