import {
  type Assignment,
  REVIEW_KPIS,
  type ReviewUnit,
  type RoundDetail,
  type RoundSummary,
} from '../../../shared/api/reviews.js';
import { settingsOf, type UnitFigures } from './review-figures.js';
import type { KpiFigures } from './review-kpis.js';
import { fromCenti } from './review-scoring.js';
import type { RoundRow, UnitRow } from './reviews.repository.js';
import type { ReviewRoundsService } from './rounds.service.js';

const EMPTY_KPIS = Object.fromEntries(
  REVIEW_KPIS.map((k) => [k, { value: null, score: null }]),
) as KpiFigures;

export function toRoundSummary(row: RoundRow & { region_name: string; units: number | null }): RoundSummary {
  return {
    id: row.id,
    regionCode: row.region_code,
    regionName: row.region_name,
    name: row.name,
    year: Number(row.year),
    fromMonth: row.from_month,
    toMonth: row.to_month,
    status: row.status,
    units: Number(row.units ?? 0),
    closedAt: row.closed_at,
    publishedAt: row.published_at,
  };
}

const unitBase = (unit: UnitRow) => ({
  id: unit.id,
  regionCode: unit.region_code,
  name: unit.name,
  report: unit.report,
  reportByName: unit.report_by_name,
  reportAt: unit.report_at,
});

const live = (f: UnitFigures): ReviewUnit => ({
  ...unitBase(f.unit),
  kpis: f.kpis,
  rubricScore: f.rubric,
  kpiScore: f.kpi,
  totalScore: f.total,
  rank: f.rank,
  scoredBy: f.scoredBy,
});

/** A closed round's unit: only what was copied in at close. */
const frozen = (unit: UnitRow, scoredBy: number): ReviewUnit => ({
  ...unitBase(unit),
  kpis: unit.kpis ? (JSON.parse(unit.kpis) as KpiFigures) : EMPTY_KPIS,
  rubricScore: fromCenti(unit.rubric_centi),
  kpiScore: fromCenti(unit.kpi_centi),
  totalScore: fromCenti(unit.total_centi),
  rank: unit.rank === null ? null : Number(unit.rank),
  scoredBy,
});

export function toRoundDetail(detail: Awaited<ReturnType<ReviewRoundsService['detail']>>): RoundDetail {
  const { round } = detail;
  const settings = settingsOf(round);
  const units = detail.units
    .map((u) => ('frozen' in u ? frozen(u.unit, u.scoredBy) : live(u)))
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.regionCode.localeCompare(b.regionCode));
  return {
    ...toRoundSummary({ ...round, region_name: detail.regionName, units: units.length }),
    rubric: settings.rubric,
    groupWeights: settings.groupWeights,
    kpiWeights: settings.kpiWeights,
    rubricWeight: Number(round.rubric_weight),
    kpiWeight: Number(round.kpi_weight),
    evaluators: detail.evaluators.map((e) => ({
      id: e.id,
      userId: e.user_id,
      name: e.user_name,
      group: e.evaluator_group,
    })),
    units,
  };
}

export function toAssignment(a: Awaited<ReturnType<ReviewRoundsService['assignments']>>[number]): Assignment {
  return {
    roundId: a.round.id,
    roundName: a.round.name,
    group: a.group,
    rubric: settingsOf(a.round).rubric,
    units: a.units.map((unit) => ({
      id: unit.id,
      name: unit.name,
      report: unit.report,
      scores: Object.fromEntries(
        a.own.filter((s) => s.unit_id === unit.id).map((s) => [s.item_id, Number(s.score)]),
      ),
    })),
  };
}
