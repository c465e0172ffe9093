import { POINTS_SOURCE_KINDS, type PointsRule, type PointsSourceKind } from '../../../shared/api/points.js';

/**
 * The arithmetic of 党员积分, free of the database: the defaults a district keeps until it sets
 * its own rules, and which ledger rows an accrual adds under each rule's yearly cap.
 */

/** 2 points per confirmed volunteer hour, 1 per visit, 2 per meeting attended, 5 per course passed. */
export const DEFAULT_POINTS_RULES: readonly PointsRule[] = [
  { sourceKind: 'volunteer_hours', points: 2, yearlyCap: 100, active: true },
  { sourceKind: 'visits', points: 1, yearlyCap: 60, active: true },
  { sourceKind: 'meetings_attended', points: 2, yearlyCap: 48, active: true },
  { sourceKind: 'study_passed', points: 5, yearlyCap: 40, active: true },
];

/** Every kind once, in the order of POINTS_SOURCE_KINDS: a kind a district did not name is off. */
export function completeRules(rules: readonly PointsRule[]): PointsRule[] {
  return POINTS_SOURCE_KINDS.map((kind) => {
    const own = rules.find((rule) => rule.sourceKind === kind);
    if (own) return { ...own };
    const fallback = DEFAULT_POINTS_RULES.find((rule) => rule.sourceKind === kind)!;
    return { ...fallback, active: false };
  });
}

/** Something a member did that a rule counts: a confirmed sign-up, a visit, a meeting attended, a course passed. */
export interface Candidate {
  sourceKind: PointsSourceKind;
  sourceId: string;
  memberId: string;
  regionCode: string;
  /** Minutes for volunteer hours; 1 for a visit, a meeting or a course. */
  units: number;
  onDate: string;
  reason: string;
}

export interface PlannedRow extends Candidate {
  points: number;
}

/** What a rule gives for one candidate: whole points, the hours' share rounded down. */
export function pointsFor(rule: PointsRule, candidate: Candidate): number {
  if (rule.sourceKind === 'volunteer_hours') return Math.floor((candidate.units * rule.points) / 60);
  return rule.points * candidate.units;
}

export const CAPPED_NOTE = '（已达年度上限）';
const REASON_MAX = 300;
export const ledgerKey = (memberId: string, kind: string) => `${memberId}|${kind}`;

/**
 * The rows an accrual adds, in the order of the candidates (by date): a candidate already in the
 * ledger (`known`, by member, kind and source) adds nothing; each rule's points of a member in the
 * year stop at its cap (`sums`: what the ledger already holds per member and kind), so the row
 * that reaches the cap carries only the rest (its reason says so) and later ones none. A candidate
 * giving no points is left out, so a raised cap or rate counts it at the next run.
 */
export function planAccrual(
  rules: readonly PointsRule[],
  candidates: readonly Candidate[],
  known: ReadonlySet<string>,
  sums: ReadonlyMap<string, number>,
): PlannedRow[] {
  const totals = new Map(sums);
  const planned: PlannedRow[] = [];
  for (const candidate of candidates) {
    const rule = rules.find((r) => r.sourceKind === candidate.sourceKind);
    if (!rule?.active) continue;
    if (known.has(`${candidate.memberId}|${candidate.sourceKind}|${candidate.sourceId}`)) continue;
    const key = ledgerKey(candidate.memberId, candidate.sourceKind);
    const sum = totals.get(key) ?? 0;
    const full = pointsFor(rule, candidate);
    const points = Math.min(full, rule.yearlyCap - sum);
    if (points <= 0) continue;
    totals.set(key, sum + points);
    const reason = points < full ? `${candidate.reason}${CAPPED_NOTE}` : candidate.reason;
    planned.push({ ...candidate, points, reason: [...reason].slice(0, REASON_MAX).join('') });
  }
  return planned;
}
