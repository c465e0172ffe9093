import { beijingMonth } from '../../../shared/beijing-time.js';
import type { Executor } from '../../db/database.js';
import type { CounterRow } from '../cockpit/index.js';
import { rollupsRepository } from '../cockpit/index.js';

const BATCH = 5000;

/** What a visit adds to the cockpit's counters (see COUNTERS in cockpit/indicators.ts). */
export interface VisitContribution {
  regionCode: string;
  startedAt: string;
  needs: number;
  /** The household's first visit ever / first met in person: the distinct-household counters. */
  firstAttempt: boolean;
  firstMet: boolean;
}

/** The cockpit counters of visits: bumped in the visit's transaction, recounted by the rebuild. */
export const visitCounters = {
  bumpVisit: (trx: Executor, visit: VisitContribution): Promise<void> =>
    rollupsRepository.bump(trx, visit.regionCode, [
      { period: beijingMonth(visit.startedAt), counter: 'visit.visits', value: 1 },
      ...(visit.needs > 0
        ? [{ period: beijingMonth(visit.startedAt), counter: 'visit.needs' as const, value: visit.needs }]
        : []),
      ...(visit.firstAttempt
        ? [{ period: '', counter: 'visit.households_attempted' as const, value: 1 }]
        : []),
      ...(visit.firstMet ? [{ period: '', counter: 'visit.households_met' as const, value: 1 }] : []),
    ]),

  bumpOrdered: (trx: Executor, regionCode: string, at: string): Promise<void> =>
    rollupsRepository.bump(trx, regionCode, [
      { period: beijingMonth(at), counter: 'visit.needs_ordered', value: 1 },
    ]),

  /** Every visit counter of a district from the tables, in batches (the rebuild's source). */
  async count(db: Executor, district: string): Promise<CounterRow[]> {
    const out: CounterRow[] = [];
    const attempted = new Map<string, string>();
    const met = new Map<string, string>();
    let after = '';
    for (;;) {
      const visits = await db
        .selectFrom('visits')
        .select(['id', 'region_code', 'household_id', 'started_at', 'outcome'])
        .where('district_code', '=', district)
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute();
      for (const visit of visits) {
        out.push({
          regionCode: visit.region_code,
          period: beijingMonth(visit.started_at),
          counter: 'visit.visits',
          value: 1,
        });
        attempted.set(visit.household_id, visit.region_code);
        if (visit.outcome === 'met') met.set(visit.household_id, visit.region_code);
      }
      if (visits.length < BATCH) break;
      after = visits.at(-1)!.id;
    }
    for (const regionCode of attempted.values())
      out.push({ regionCode, period: '', counter: 'visit.households_attempted', value: 1 });
    for (const regionCode of met.values())
      out.push({ regionCode, period: '', counter: 'visit.households_met', value: 1 });
    const needs = await db
      .selectFrom('visit_needs as n')
      .innerJoin('visits as v', (join) =>
        join.onRef('v.id', '=', 'n.visit_id').onRef('v.district_code', '=', 'n.district_code'),
      )
      .select(['n.region_code', 'v.started_at', 'n.ordered_at'])
      .where('n.district_code', '=', district)
      .execute();
    for (const need of needs) {
      out.push({
        regionCode: need.region_code,
        period: beijingMonth(need.started_at),
        counter: 'visit.needs',
        value: 1,
      });
      if (need.ordered_at)
        out.push({
          regionCode: need.region_code,
          period: beijingMonth(need.ordered_at),
          counter: 'visit.needs_ordered',
          value: 1,
        });
    }
    return out;
  },
};
