import { describe, expect, it } from 'vitest';
import type { PointsRule } from '../../../shared/api/points.js';
import { CAPPED_NOTE, type Candidate, completeRules, planAccrual } from './points-rules.js';

const rules: PointsRule[] = [
  { sourceKind: 'volunteer_hours', points: 3, yearlyCap: 10, active: true },
  { sourceKind: 'visits', points: 1, yearlyCap: 5, active: false },
];
const hours = (sourceId: string, minutes: number, memberId = 'm1'): Candidate => ({
  sourceKind: 'volunteer_hours',
  sourceId,
  memberId,
  regionCode: '230108001002',
  units: minutes,
  onDate: '2026-03-01',
  reason: '志愿服务',
});

describe('points arithmetic', () => {
  it('names every kind once, a kind not named switched off', () => {
    const all = completeRules([rules[0]!]);
    expect(all.map((r) => [r.sourceKind, r.active])).toEqual([
      ['volunteer_hours', true],
      ['visits', false],
      ['meetings_attended', false],
      ['study_passed', false],
    ]);
  });

  it('rounds hours down, stops at the cap with a partial row, skips the known and the inactive', () => {
    const visit: Candidate = { ...hours('v1', 1), sourceKind: 'visits' };
    const planned = planAccrual(
      rules,
      [hours('s1', 50), hours('s2', 120), hours('s3', 120), hours('s4', 60), hours('s5', 60, 'm2'), visit],
      new Set(['m1|volunteer_hours|s1']),
      new Map([['m1|volunteer_hours', 2]]),
    );
    // s2: 6 → 8 in all; s3: 6 wanted, 2 left; s4: none left; m2 has a cap of their own.
    expect(planned.map((row) => [row.sourceId, row.points])).toEqual([
      ['s2', 6],
      ['s3', 2],
      ['s5', 3],
    ]);
    expect(planned[1]!.reason).toBe(`志愿服务${CAPPED_NOTE}`);
    expect(planAccrual(rules, [hours('s6', 19)], new Set(), new Map())).toEqual([]);
  });
});
