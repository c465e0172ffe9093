import type { EvaluatorGroup } from '../../../shared/api/reviews.js';

/** The arithmetic of a round's scores, kept apart from storage so it reads as the rules do. */

export interface RubricItem {
  id: string;
  title: string;
  max: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * A unit's rubric score, 0–100: each evaluator's points as a share of the rubric's maximum; the
 * mean of each group's evaluators; the groups weighted by their weights (a group nobody of which
 * scored the unit is left out). Null when nobody scored it.
 */
export function rubricScore(
  rubric: readonly RubricItem[],
  groupWeights: Record<EvaluatorGroup, number>,
  sheets: readonly { group: EvaluatorGroup; points: number }[],
): number | null {
  const max = rubric.reduce((sum, item) => sum + item.max, 0);
  let sum = 0;
  let weight = 0;
  for (const group of Object.keys(groupWeights) as EvaluatorGroup[]) {
    const own = sheets.filter((s) => s.group === group);
    if (own.length === 0 || groupWeights[group] === 0) continue;
    const mean = own.reduce((s, sheet) => s + (sheet.points * 100) / max, 0) / own.length;
    sum += mean * groupWeights[group];
    weight += groupWeights[group];
  }
  return weight > 0 ? round2(sum / weight) : null;
}

/** The total: rubric and KPI scores weighted; a part nobody could score counts 0. */
export function totalScore(
  rubric: number | null,
  kpi: number | null,
  weights: { rubric: number; kpi: number },
): number {
  return round2(((rubric ?? 0) * weights.rubric + (kpi ?? 0) * weights.kpi) / (weights.rubric + weights.kpi));
}

/** Competition ranking (1, 2, 2, 4) by total, highest first. */
export function rankByTotal<T extends { total: number }>(units: readonly T[]): (T & { rank: number })[] {
  const sorted = [...units].sort((a, b) => b.total - a.total);
  return sorted.map((unit, i) => ({
    ...unit,
    rank: sorted.findIndex((other) => other.total === unit.total) + 1 || i + 1,
  }));
}

export const toCenti = (score: number | null) => (score === null ? null : Math.round(score * 100));
export const fromCenti = (centi: number | null) => (centi === null ? null : Number(centi) / 100);
