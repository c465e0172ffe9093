import { COUNT_KPIS, REVIEW_KPIS, type ReviewKpi } from '../../../shared/api/reviews.js';
import { Scope } from '../../auth/scope.js';
import type { Dialect, Executor } from '../../db/database.js';
import { rollupsRepository } from '../cockpit/index.js';
import { commitmentsKeptByRegion } from '../member-workflows/index.js';
import { regionStatsOf } from '../stats/index.js';

export type KpiFigure = { value: number | null; score: number | null };
export type KpiFigures = Record<ReviewKpi, KpiFigure>;
export type KpiWeights = Record<ReviewKpi, number>;

export interface KpiPeriod {
  year: number;
  fromMonth: string;
  toMonth: string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const percent = (part: number, whole: number): number | null =>
  whole > 0 ? round2((part * 100) / whole) : null;

/**
 * The round's KPIs of every reviewed region, computed from the owning modules' figures with one
 * query per source for all regions together (never a query per region): the cockpit's monthly
 * counters summed over the period (orders closed and closed on time, callbacks by verdict,
 * volunteer minutes, placements) and its counter of households met on visits now; the register's
 * household and care counters (stats); members' commitments of the year (member-workflows).
 * The rates are the cockpit's definitions, so the round and the cockpit agree.
 */
export async function computeKpis(
  db: Executor,
  dialect: Dialect,
  codes: readonly string[],
  period: KpiPeriod,
): Promise<Map<string, KpiFigures>> {
  const result = new Map<string, KpiFigures>();
  if (codes.length === 0) return result;
  const [window, now, stats, commitments] = await Promise.all([
    rollupsRepository.windowSums(db, codes, period.fromMonth, period.toMonth),
    rollupsRepository.now(db, codes),
    regionStatsOf(db, codes),
    commitmentsKeptByRegion(db, new Scope([...codes], dialect), codes[0]!.length, period.year),
  ]);
  const counter = new Map<string, number>();
  for (const row of [...window, ...now])
    counter.set(
      `${row.region_code}|${row.counter}`,
      (counter.get(`${row.region_code}|${row.counter}`) ?? 0) + Number(row.value),
    );
  for (const code of codes) {
    const get = (name: string) => counter.get(`${code}|${name}`) ?? 0;
    const households = stats.get(code)?.households ?? 0;
    const content = get('wo.satisfied') + get('wo.basically_satisfied');
    const kept = commitments.get(code);
    const values: Record<ReviewKpi, number | null> = {
      on_time_rate: percent(get('wo.closed_on_time'), get('wo.closed')),
      satisfaction_rate: percent(content, content + get('wo.unsatisfied')),
      visit_coverage: percent(get('visit.households_met'), households),
      care_coverage: percent(stats.get(code)?.caredHouseholds ?? 0, households),
      volunteer_hours: round2(get('vol.minutes') / 60),
      commitments_kept: kept ? percent(kept.kept, kept.total) : null,
      placements: get('job.placements'),
    };
    result.set(
      code,
      Object.fromEntries(REVIEW_KPIS.map((k) => [k, { value: values[k], score: null }])) as KpiFigures,
    );
  }
  scoreKpis([...result.values()]);
  return result;
}

/**
 * Scores each KPI 0–100: a rate is its own score; a count scores against the best reviewed unit
 * (the best scores 100), and is left out for everybody when nobody has any.
 */
function scoreKpis(all: KpiFigures[]): void {
  for (const kpi of REVIEW_KPIS) {
    if (COUNT_KPIS.includes(kpi)) {
      const best = Math.max(0, ...all.map((f) => f[kpi].value ?? 0));
      for (const f of all) f[kpi].score = best > 0 ? round2(((f[kpi].value ?? 0) * 100) / best) : null;
    } else for (const f of all) f[kpi].score = f[kpi].value;
  }
}

/**
 * The weighted KPI score of one unit: the weighted mean of the KPIs it has a score for (a rate with
 * nothing to count — no order closed — is left out rather than counted as 0); null when none.
 */
export function kpiScore(figures: KpiFigures, weights: KpiWeights): number | null {
  let sum = 0;
  let weight = 0;
  for (const kpi of REVIEW_KPIS) {
    const score = figures[kpi].score;
    if (score === null || weights[kpi] === 0) continue;
    sum += score * weights[kpi];
    weight += weights[kpi];
  }
  return weight > 0 ? round2(sum / weight) : null;
}
