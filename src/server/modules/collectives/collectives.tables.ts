import type { DividendRunStatus } from '../../../shared/api/collectives.js';

/** Row types of the collective economic organizations' tables (migration 0025). */

export interface CollectiveTable {
  id: string;
  district_code: string;
  region_code: string;
  name: string;
  retention_bp: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CollectiveShareholderTable {
  district_code: string;
  collective_id: string;
  person_id: string;
  shares: number;
  created_at: string;
  updated_at: string;
}

export interface CollectiveIncomeTable {
  id: string;
  district_code: string;
  collective_id: string;
  year: number;
  amount_fen: number;
  source: string;
  received_on: string;
  recorded_by: string | null;
  created_at: string;
}

export interface DividendRunTable {
  id: string;
  district_code: string;
  region_code: string;
  collective_id: string;
  year: number;
  income_fen: number;
  retention_bp: number;
  retained_fen: number;
  remainder_fen: number;
  total_shares: number;
  per_share_fen: number;
  paid_fen: number;
  status: DividendRunStatus;
  drafted_by: string;
  drafted_by_name: string;
  drafted_at: string;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: string | null;
}

export interface DividendPayoutTable {
  district_code: string;
  run_id: string;
  person_id: string;
  shares: number;
  amount_fen: number;
}

export interface CollectivesTables {
  collectives: CollectiveTable;
  collective_shareholders: CollectiveShareholderTable;
  collective_incomes: CollectiveIncomeTable;
  dividend_runs: DividendRunTable;
  dividend_payouts: DividendPayoutTable;
}
