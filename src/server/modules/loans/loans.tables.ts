import type { DelinquencyBucket, LoanStatus, RepaymentMethod } from '../../../shared/api/loans.js';

/** Row types of the loans module's tables (migration 0022-loans). Timestamps are ISO strings. */

export interface LoanSettingsChangeTable {
  id: string;
  district_code: string;
  max_amount_fen: number;
  max_term_months: number;
  annual_rate_bp: number;
  subsidy_share_bp: number;
  /** JSON array of document names. */
  required_documents: string;
  submitted_days: number;
  community_review_days: number;
  centre_review_days: number;
  bank_approval_days: number;
  changed_by: string | null;
  changed_at: string;
}

export interface LoanGuidanceTable {
  id: string;
  district_code: string;
  region_code: string;
  person_id: string;
  attended_on: string;
  topic: string;
  recorded_by: string | null;
  created_at: string;
}

export interface LoanApplicationTable {
  id: string;
  district_code: string;
  region_code: string;
  number: string;
  person_id: string;
  household_id: string | null;
  amount_fen: number;
  term_months: number;
  purpose: string;
  business: string;
  repayment_method: RepaymentMethod;
  status: LoanStatus;
  step_due_at: string | null;
  overdue: number;
  escalated_region_code: string | null;
  centre_approved_at: string | null;
  annual_rate_bp: number | null;
  subsidy_share_bp: number | null;
  bank_name: string | null;
  contract_no: string | null;
  disbursed_on: string | null;
  bucket: DelinquencyBucket;
  days_past_due: number;
  follow_up_order_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface LoanEventTable {
  id: string;
  district_code: string;
  application_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  actor_id: string | null;
  actor_name: string | null;
  at: string;
}

export interface LoanDocumentTable {
  district_code: string;
  application_id: string;
  item: string;
  ticked: number;
  ticked_by: string | null;
  ticked_by_name: string | null;
  ticked_at: string | null;
}

export interface LoanInstalmentTable {
  district_code: string;
  application_id: string;
  seq: number;
  due_on: string;
  principal_fen: number;
  borrower_interest_fen: number;
  subsidy_interest_fen: number;
  paid_fen: number;
  paid_on: string | null;
}

export interface LoanRepaymentTable {
  id: string;
  district_code: string;
  application_id: string;
  amount_fen: number;
  paid_on: string;
  recorded_by: string | null;
  created_at: string;
}

export interface LoanPauseTable {
  id: string;
  district_code: string;
  application_id: string;
  reason: string;
  from_on: string;
  to_on: string | null;
  created_by: string | null;
  created_at: string;
}

export interface LoanTables {
  loan_settings_changes: LoanSettingsChangeTable;
  loan_guidance: LoanGuidanceTable;
  loan_applications: LoanApplicationTable;
  loan_events: LoanEventTable;
  loan_documents: LoanDocumentTable;
  loan_instalments: LoanInstalmentTable;
  loan_repayments: LoanRepaymentTable;
  loan_pauses: LoanPauseTable;
}
