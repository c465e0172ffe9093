import type { LoanAction, LoanStatus } from '../../api/loans';
import type { Permission } from '../../api/types';

/**
 * Which buttons the application page offers: the server's workflow table (loan-rules.ts) as far as
 * the page needs it — the status each action is legal from, its permission, whether it asks why.
 * The server decides; this only keeps buttons that would be refused off the page.
 */
export const LOAN_BUTTONS: {
  action: LoanAction;
  from: readonly LoanStatus[];
  permission: Permission;
  reason: boolean;
}[] = [
  { action: 'accept', from: ['submitted'], permission: 'loan.review', reason: false },
  { action: 'community_approve', from: ['community_review'], permission: 'loan.review', reason: false },
  { action: 'community_reject', from: ['community_review'], permission: 'loan.review', reason: true },
  { action: 'centre_approve', from: ['centre_review'], permission: 'loan.guarantee', reason: false },
  { action: 'centre_reject', from: ['centre_review'], permission: 'loan.guarantee', reason: true },
  { action: 'disburse', from: ['bank_approval'], permission: 'loan.bank', reason: false },
  { action: 'bank_reject', from: ['bank_approval'], permission: 'loan.bank', reason: true },
  {
    action: 'withdraw',
    from: ['submitted', 'community_review', 'centre_review', 'bank_approval'],
    permission: 'loan.apply',
    reason: true,
  },
];

/** Whether money has moved: the schedule, repayments and hardship pauses belong to these. */
export const isLent = (status: LoanStatus): boolean =>
  status === 'disbursed' || status === 'repaying' || status === 'closed';
