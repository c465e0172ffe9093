import { sql } from 'kysely';
import type { WorkOrderStatus } from '../../../shared/work-orders.js';
import type { Executor } from '../../db/database.js';
import type { CounterCode, CounterRow } from './indicators.js';
import { orderContributions, stepContributions } from './work-order-counters.js';

const BATCH = 5000;

/** Sums counted values per region, period and counter as they come. */
class Tally {
  private readonly sums = new Map<string, CounterRow>();
  add(regionCode: string, period: string, counter: CounterCode, value: number): void {
    const key = `${regionCode}|${period}|${counter}`;
    const row = this.sums.get(key);
    if (row) row.value += value;
    else this.sums.set(key, { regionCode, period, counter, value });
  }
  rows(): CounterRow[] {
    return [...this.sums.values()].filter((row) => row.value !== 0);
  }
}

/** Rows of (region, period) → count for one counter. */
const rowsOf = (
  counter: CounterCode,
  rows: readonly { region_code: string; period?: string; n: number | string | bigint }[],
): CounterRow[] =>
  rows.map((row) => ({
    regionCode: row.region_code,
    period: row.period ?? '',
    counter,
    value: Number(row.n),
  }));

/**
 * Counts every cockpit counter of a district from the raw tables, by the region each row belongs
 * to (the caller adds them up the tree). Used by `lianxin rollups rebuild` and, for the register
 * and organizations, by the refresh job. These read whole tables: they run in the background or
 * on demand, never when someone opens the cockpit.
 */
export const cockpitCounts = {
  /** Each order's contributions as it stands, plus the callbacks and overdue marks in its events. */
  async workOrders(db: Executor, district: string): Promise<CounterRow[]> {
    const out = new Tally();
    let after = '';
    for (;;) {
      const orders = await db
        .selectFrom('work_orders')
        .select(['id', 'region_code', 'status', 'overdue', 'created_at', 'closed_at', 'closed_on_time'])
        .where('district_code', '=', district)
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute();
      for (const order of orders) {
        for (const delta of orderContributions({ ...order, status: order.status as WorkOrderStatus }))
          out.add(order.region_code, delta.period, delta.counter, delta.value);
      }
      if (orders.length < BATCH) break;
      after = orders.at(-1)!.id;
    }
    after = '';
    for (;;) {
      const events = await db
        .selectFrom('work_order_events as e')
        .innerJoin('work_orders as o', (join) =>
          join.onRef('o.id', '=', 'e.work_order_id').onRef('o.district_code', '=', 'e.district_code'),
        )
        .select(['e.id', 'e.action', 'e.data', 'e.at', 'o.region_code'])
        .where('e.district_code', '=', district)
        .where('e.action', 'in', ['callback', 'overdue'])
        .where('e.id', '>', after)
        .orderBy('e.id')
        .limit(BATCH)
        .execute();
      for (const event of events) {
        const data = JSON.parse(event.data) as Record<string, unknown>;
        for (const delta of stepContributions(event.action, data, event.at))
          out.add(event.region_code, delta.period, delta.counter, delta.value);
      }
      if (events.length < BATCH) break;
      after = events.at(-1)!.id;
    }
    return out.rows();
  },

  async deeds(db: Executor, district: string): Promise<CounterRow[]> {
    const month = sql<string>`substr(done_on, 1, 7)`;
    const rows = await db
      .selectFrom('deeds')
      .select((eb) => ['region_code', month.as('period'), eb.fn.countAll<number>().as('n')])
      .where('district_code', '=', district)
      .groupBy(['region_code', month])
      .execute();
    const totals = new Map<string, number>();
    for (const row of rows) totals.set(row.region_code, (totals.get(row.region_code) ?? 0) + Number(row.n));
    return [
      ...rowsOf('deed.done', rows),
      ...[...totals].map(([regionCode, value]) => ({
        regionCode,
        period: '',
        counter: 'deed.total' as const,
        value,
      })),
    ];
  },

  /** Residents living here now, and the health records among them. */
  async register(db: Executor, district: string): Promise<CounterRow[]> {
    const residents = await db
      .selectFrom('persons')
      .select((eb) => ['region_code', eb.fn.countAll<number>().as('n')])
      .where('district_code', '=', district)
      .where('status', '=', 'active')
      .groupBy('region_code')
      .execute();
    const health = await db
      .selectFrom('health_records as h')
      .innerJoin('persons as p', (join) =>
        join.onRef('p.id', '=', 'h.person_id').onRef('p.district_code', '=', 'h.district_code'),
      )
      .select((eb) => ['p.region_code', eb.fn.countAll<number>().as('n')])
      .where('h.district_code', '=', district)
      .where('p.status', '=', 'active')
      .groupBy('p.region_code')
      .execute();
    return [...rowsOf('reg.residents', residents), ...rowsOf('reg.health_records', health)];
  },

  async organizations(db: Executor, district: string): Promise<CounterRow[]> {
    const members = await db
      .selectFrom('members')
      .select((eb) => ['region_code', eb.fn.countAll<number>().as('n')])
      .where('district_code', '=', district)
      .groupBy('region_code')
      .execute();
    const registrations = await db
      .selectFrom('community_registrations')
      .select((eb) => ['region_code', eb.fn.countAll<number>().as('n')])
      .where('district_code', '=', district)
      .where('status', '=', 'confirmed')
      .groupBy('region_code')
      .execute();
    const ofKind = (kind: 'warm_group' | 'corridor_branch') =>
      db
        .selectFrom('organizations')
        .select((eb) => ['region_code', eb.fn.countAll<number>().as('n')])
        .where('district_code', '=', district)
        .where('kind', '=', kind)
        .where('status', '=', 'active')
        .groupBy('region_code')
        .execute();
    return [
      ...rowsOf('org.members', members),
      ...rowsOf('org.registrations', registrations),
      ...rowsOf('org.warm_groups', await ofKind('warm_group')),
      ...rowsOf('org.corridor_branches', await ofKind('corridor_branch')),
    ];
  },
};
