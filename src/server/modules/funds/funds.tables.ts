import type {
  AccountType,
  DuesCategory,
  FundSource,
  SpendingKind,
  VoucherKind,
  VoucherStatus,
} from '../../../shared/api/funds.js';

/** Row types of the dues and fund-ledger tables (migration 0026-funds-dues). Money is integer fen. */

export interface FundSettingsChangeTable {
  id: string;
  district_code: string;
  approval_threshold_fen: number;
  changed_by: string | null;
  changed_at: string;
}

export interface FundAccountTable {
  id: string;
  district_code: string;
  region_code: string;
  organization_id: string;
  code: string;
  name: string;
  type: AccountType;
  fund: FundSource;
  restricted: number;
  spending_kind: SpendingKind | null;
  /** Posted debits minus posted credits, moved in the posting's transaction. */
  balance_fen: number;
  created_at: string;
}

export interface FundVoucherTable {
  id: string;
  district_code: string;
  region_code: string;
  organization_id: string;
  number: string;
  period: string;
  voucher_date: string;
  summary: string;
  kind: VoucherKind;
  spending_kind: SpendingKind | null;
  total_fen: number;
  attachment_count: number;
  status: VoucherStatus;
  transfer_id: string | null;
  made_by: string | null;
  made_by_name: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface FundVoucherLineTable {
  id: string;
  district_code: string;
  voucher_id: string;
  account_id: string;
  seq: number;
  debit_fen: number;
  credit_fen: number;
  memo: string;
}

export interface FundBeneficiaryTable {
  district_code: string;
  voucher_id: string;
  member_id: string;
  amount_fen: number;
}

export interface FundPeriodTable {
  district_code: string;
  organization_id: string;
  period: string;
  closed_by: string | null;
  closed_by_name: string | null;
  closed_at: string;
}

export interface FundVoucherSequenceTable {
  district_code: string;
  organization_id: string;
  period: string;
  last_number: number;
}

export interface DuesBaseTable {
  id: string;
  district_code: string;
  member_id: string;
  category: DuesCategory;
  income_fen: number;
  monthly_fen: number;
  effective_month: string;
  set_by: string | null;
  set_at: string;
}

export interface DuesPaymentTable {
  id: string;
  district_code: string;
  region_code: string;
  organization_id: string;
  member_id: string;
  month: string;
  amount_fen: number;
  paid_on: string;
  channel: 'self' | 'recorded';
  recorded_by: string | null;
  recorded_by_name: string | null;
  created_at: string;
}

export interface DuesArrearsAlertTable {
  district_code: string;
  member_id: string;
  /** The first unpaid month of the run of arrears alerted about: one alert per run. */
  since_month: string;
  alerted_at: string;
}

export interface FundsTables {
  fund_settings_changes: FundSettingsChangeTable;
  fund_accounts: FundAccountTable;
  fund_vouchers: FundVoucherTable;
  fund_voucher_lines: FundVoucherLineTable;
  fund_beneficiaries: FundBeneficiaryTable;
  fund_periods: FundPeriodTable;
  fund_voucher_sequences: FundVoucherSequenceTable;
  dues_bases: DuesBaseTable;
  dues_payments: DuesPaymentTable;
  dues_arrears_alerts: DuesArrearsAlertTable;
}
