import type { EvaluatorGroup, ReviewKpi } from '../../../shared/api/reviews.js';
import type { Dialect, Executor } from '../../db/database.js';
import { computeKpis, type KpiFigures, kpiScore } from './review-kpis.js';
import { type RubricItem, rankByTotal, rubricScore, totalScore } from './review-scoring.js';
import type { EvaluatorRow, RoundRow, ScoreRow, UnitRow } from './reviews.repository.js';

/** A round's stored settings, parsed from their JSON columns. */
export function settingsOf(round: RoundRow) {
  return {
    rubric: JSON.parse(round.rubric) as RubricItem[],
    groupWeights: JSON.parse(round.group_weights) as Record<EvaluatorGroup, number>,
    kpiWeights: JSON.parse(round.kpi_weights) as Record<ReviewKpi, number>,
  };
}

export interface UnitFigures {
  unit: UnitRow;
  kpis: KpiFigures;
  rubric: number | null;
  kpi: number | null;
  total: number;
  rank: number;
  scoredBy: number;
}

/**
 * A round's figures as they stand now, computed: the KPIs of every unit (one query per source for
 * all of them), each unit's rubric score from its evaluators' sheets, the total and the rank. Used
 * while the round is open and once at close, when they are copied into the units' rows.
 */
export async function liveFigures(
  db: Executor,
  dialect: Dialect,
  round: RoundRow,
  units: readonly UnitRow[],
  evaluators: readonly EvaluatorRow[],
  scores: readonly ScoreRow[],
): Promise<UnitFigures[]> {
  const settings = settingsOf(round);
  const kpis = await computeKpis(
    db,
    dialect,
    units.map((u) => u.region_code),
    { year: round.year, fromMonth: round.from_month, toMonth: round.to_month },
  );
  const groupOf = new Map(evaluators.map((e) => [e.id, e.evaluator_group]));
  const sheets = new Map<string, Map<string, number>>(); // unit → evaluator → points
  for (const score of scores) {
    const ofUnit = sheets.get(score.unit_id) ?? new Map<string, number>();
    ofUnit.set(score.evaluator_id, (ofUnit.get(score.evaluator_id) ?? 0) + Number(score.score));
    sheets.set(score.unit_id, ofUnit);
  }
  const figures = units.map((unit) => {
    const own = [...(sheets.get(unit.id) ?? new Map<string, number>()).entries()]
      .filter(([evaluator]) => groupOf.has(evaluator))
      .map(([evaluator, points]) => ({ group: groupOf.get(evaluator)!, points }));
    const unitKpis = kpis.get(unit.region_code)!;
    const rubric = rubricScore(settings.rubric, settings.groupWeights, own);
    const kpi = kpiScore(unitKpis, settings.kpiWeights);
    const total = totalScore(rubric, kpi, { rubric: round.rubric_weight, kpi: round.kpi_weight });
    return { unit, kpis: unitKpis, rubric, kpi, total, scoredBy: own.length };
  });
  return rankByTotal(figures);
}
