import type { PointsLedgerKind, PointsSourceKind } from '../../../shared/api/points.js';

/** Row types of the points tables (migration 0035). Timestamps are ISO strings. */

export interface PointsRuleTable {
  district_code: string;
  source_kind: PointsSourceKind;
  points: number;
  yearly_cap: number;
  /** 1 or 0. */
  active: number;
  changed_by: string | null;
  changed_at: string;
}

export interface PointsLedgerTable {
  id: string;
  district_code: string;
  region_code: string;
  member_id: string;
  source_kind: PointsLedgerKind;
  source_id: string;
  points: number;
  reason: string;
  on_date: string;
  year: number;
  created_by: string | null;
  created_at: string;
}

export interface PointsRunTable {
  district_code: string;
  year: number;
  runs: number;
  last_run_at: string | null;
}

export interface PointsTables {
  points_rules: PointsRuleTable;
  points_ledger: PointsLedgerTable;
  points_runs: PointsRunTable;
}
