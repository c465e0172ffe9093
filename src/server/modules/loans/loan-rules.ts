import type { LoanAction, LoanSettings, LoanStatus, LoanTimedStep } from '../../../shared/api/loans.js';
import { districtOf, regionAt } from '../../../shared/region-code.js';
import type { Permission } from '../../auth/permissions.js';

/**
 * The one-stop workflow (一站式服务) as one table: for each named action, the status it is legal
 * from, where it leads, the permission its route declares, and whether it needs a reason.
 *
 * submitted → community_review → centre_review → bank_approval → disbursed → repaying → closed,
 * or rejected at each review, or withdrawn by the applicant's side before the money moves.
 * `disbursed → repaying → closed` are not actions: the first repayment or the first due date moves
 * a loan to repaying, the last instalment paid closes it (repayments.service.ts, delinquency.ts).
 */
export interface LoanRule {
  from: readonly LoanStatus[];
  to: LoanStatus;
  permission: Permission;
  reasonRequired: boolean;
}

export const LOAN_RULES: Record<LoanAction, LoanRule> = {
  accept: { from: ['submitted'], to: 'community_review', permission: 'loan.review', reasonRequired: false },
  community_approve: {
    from: ['community_review'],
    to: 'centre_review',
    permission: 'loan.review',
    reasonRequired: false,
  },
  community_reject: {
    from: ['community_review'],
    to: 'rejected',
    permission: 'loan.review',
    reasonRequired: true,
  },
  centre_approve: {
    from: ['centre_review'],
    to: 'bank_approval',
    permission: 'loan.guarantee',
    reasonRequired: false,
  },
  centre_reject: {
    from: ['centre_review'],
    to: 'rejected',
    permission: 'loan.guarantee',
    reasonRequired: true,
  },
  bank_reject: { from: ['bank_approval'], to: 'rejected', permission: 'loan.bank', reasonRequired: true },
  disburse: { from: ['bank_approval'], to: 'disbursed', permission: 'loan.bank', reasonRequired: false },
  withdraw: {
    from: ['submitted', 'community_review', 'centre_review', 'bank_approval'],
    to: 'withdrawn',
    permission: 'loan.apply',
    reasonRequired: true,
  },
};

/** The days a waiting status may take, from the district's settings; none for the others. */
export function stepDaysOf(status: LoanStatus, settings: LoanSettings): number | null {
  return status in settings.stepDays ? settings.stepDays[status as LoanTimedStep] : null;
}

/**
 * Where a late step is escalated (the level above the one that holds it) and which roles there
 * hear of it: the community's steps go to the street's secretaries, the guarantee centre's and the
 * bank's to the district's administrators.
 */
export function escalationOf(
  status: LoanStatus,
  regionCode: string,
): { regionCode: string; roles: string[] } {
  if (status === 'submitted' || status === 'community_review')
    return { regionCode: regionAt(regionCode, 'street'), roles: ['secretary', 'district_admin'] };
  return { regionCode: districtOf(regionCode), roles: ['district_admin'] };
}

export const LOAN_STATUS_LABELS: Record<LoanStatus, string> = {
  submitted: '已提交',
  community_review: '社区审核',
  centre_review: '担保中心审核',
  bank_approval: '银行审批',
  disbursed: '已放款',
  repaying: '还款中',
  closed: '已结清',
  rejected: '未通过',
  withdrawn: '已撤回',
};
