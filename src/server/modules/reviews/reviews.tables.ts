import type { EvaluatorGroup, MemberGrade, RoundStatus } from '../../../shared/api/reviews.js';

/** Row types of the review tables (migration 0033). Timestamps are ISO strings; scores hundredths. */

export interface ReviewRoundTable {
  id: string;
  district_code: string;
  region_code: string;
  name: string;
  year: number;
  from_month: string;
  to_month: string;
  rubric: string;
  group_weights: string;
  kpi_weights: string;
  rubric_weight: number;
  kpi_weight: number;
  status: RoundStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  published_at: string | null;
}

export interface ReviewUnitTable {
  id: string;
  district_code: string;
  round_id: string;
  region_code: string;
  name: string;
  report: string | null;
  report_by: string | null;
  report_by_name: string | null;
  report_at: string | null;
  kpis: string | null;
  rubric_centi: number | null;
  kpi_centi: number | null;
  total_centi: number | null;
  rank: number | null;
}

export interface ReviewEvaluatorTable {
  id: string;
  district_code: string;
  round_id: string;
  user_id: string;
  user_name: string;
  evaluator_group: EvaluatorGroup;
  created_at: string;
}

export interface ReviewScoreTable {
  id: string;
  district_code: string;
  round_id: string;
  unit_id: string;
  evaluator_id: string;
  item_id: string;
  score: number;
  updated_at: string;
}

export interface MemberEvaluationTable {
  id: string;
  district_code: string;
  region_code: string;
  organization_id: string;
  member_id: string;
  year: number;
  grade: MemberGrade;
  evaluated_by: string | null;
  updated_at: string;
}

export interface MemberEvaluationTallyTable {
  organization_id: string;
  year: number;
  district_code: string;
  excellent: number;
}

export interface ReviewsTables {
  review_rounds: ReviewRoundTable;
  review_units: ReviewUnitTable;
  review_evaluators: ReviewEvaluatorTable;
  review_scores: ReviewScoreTable;
  member_evaluations: MemberEvaluationTable;
  member_evaluation_tallies: MemberEvaluationTallyTable;
}
