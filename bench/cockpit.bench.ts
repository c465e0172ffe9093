/**
 * bench/cockpit: the district's cockpit (indicators over twelve months, eleven streets with every
 * indicator, a monthly trend) with a short history of work orders, then the same district after
 * its history has grown to 200× as many orders and their events. The figures come from counters
 * kept per region and month, so the view should cost about the same: target ratio ≤ 2. Also
 * prints what a plain aggregation over the raw orders costs at each size, for comparison, and how
 * long `lianxin rollups rebuild` takes over the large history.
 *   npm run bench -- cockpit [--rows 200000] [--dialect sqlite|postgres]
 */
import { type Insertable, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { Scope } from '../src/server/auth/scope.js';
import { SYSTEM_ACTOR } from '../src/server/bootstrap.js';
import type { WorkOrderEventTable, WorkOrderTable } from '../src/server/db/tables.js';
import { CockpitService } from '../src/server/modules/cockpit/cockpit.service.js';
import { rebuildRollups } from '../src/server/modules/cockpit/rollups.js';
import { RegionsService } from '../src/server/modules/regions/regions.service.js';
import { OPEN_STATUSES, type Satisfaction, type WorkOrderStatus } from '../src/shared/work-orders.js';
import { benchDatabase, benchOptions, median, printResult, round } from './support.js';

const { dialect, rows: large } = benchOptions(200_000);
const small = 1_000;
const { handle, ctx } = await benchDatabase(dialect);
const db = handle.database.db;
const district = new Scope(['230108'], dialect);
const regions = new RegionsService(ctx);

// Two grids in every community, as the demo district has.
const communities = await db
  .selectFrom('regions')
  .select('code')
  .where('district_code', '=', '230108')
  .where('kind', 'in', ['community', 'village'])
  .orderBy('code')
  .execute();
const grids: string[] = [];
for (const community of communities) {
  for (const name of ['第一网格', '第二网格']) {
    grids.push(
      (await regions.createChild(district, community.code, { kind: 'grid', name }, SYSTEM_ACTOR)).code,
    );
  }
}

const HOUR = 3_600_000;
const now = Date.now();
let sequence = 0;
/** A deterministic spread of outcomes: most closed and called back, some open, some overdue. */
let seed = 2013;
const random = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};

/** `count` orders of the last two years with their events, written straight into the tables. */
async function addHistory(count: number): Promise<void> {
  for (let start = 0; start < count; start += 2000) {
    const orders: Insertable<WorkOrderTable>[] = [];
    const events: Insertable<WorkOrderEventTable>[] = [];
    for (let i = start; i < Math.min(count, start + 2000); i++) {
      sequence += 1;
      const created = now - Math.floor(random() * 730 * 24) * HOUR;
      const due = created + 72 * HOUR;
      const roll = random();
      const closed = roll < 0.85 ? created + Math.floor(random() * 120) * HOUR : null;
      const status: WorkOrderStatus =
        closed === null ? OPEN_STATUSES[Math.floor(random() * 4)]! : roll < 0.7 ? 'archived' : 'closed';
      const satisfaction: Satisfaction | null =
        status === 'archived' ? (random() < 0.85 ? 'satisfied' : 'basically_satisfied') : null;
      const id = uuidv7();
      const region = grids[Math.floor(random() * grids.length)]!;
      const iso = (t: number) => new Date(Math.min(t, now)).toISOString();
      orders.push({
        id,
        district_code: '230108',
        number: `B${String(sequence).padStart(9, '0')}`,
        region_code: region,
        household_id: null,
        person_id: null,
        category_code: 'livelihood.repair',
        description: '压测工单',
        attributes: '{}',
        address: '',
        latitude: null,
        longitude: null,
        channel: 'hotline',
        hotline_id: null,
        intake_user_id: null,
        resident_id: null,
        open311_key_id: null,
        contact_name: '',
        contact_phone_enc: null,
        contact_phone_bidx: null,
        status,
        return_from_status: null,
        pending_extension: null,
        urgent: 0,
        handler_region_code: region.slice(0, 12),
        dispatcher_region_code: null,
        assignee_user_id: null,
        assignee_member_id: null,
        sign_due_at: null,
        due_at: iso(due),
        callback_due_at: null,
        overdue: closed === null && due < now ? 1 : 0,
        escalated_region_code: null,
        urge_count: 0,
        supervised: 0,
        reopen_count: 0,
        satisfaction,
        resolution: closed === null ? '' : '已处理',
        signed_at: null,
        resolved_at: closed === null ? null : iso(closed),
        closed_at: closed === null ? null : iso(closed),
        closed_on_time: closed === null ? null : closed <= due ? 1 : 0,
        archived_at: status === 'archived' ? iso(closed! + 24 * HOUR) : null,
        version: 1,
        created_at: iso(created),
        updated_at: iso(created),
      });
      const event = (action: string, at: number, to: WorkOrderStatus, data: Record<string, unknown> = {}) =>
        events.push({
          id: uuidv7(),
          district_code: '230108',
          work_order_id: id,
          action,
          from_status: null,
          to_status: to,
          actor_id: null,
          actor_name: '压测',
          note: '',
          data: JSON.stringify(data),
          at: iso(at),
        });
      event('receive', created, 'received');
      event('dispatch', created + HOUR, 'dispatched');
      if (closed !== null) {
        event('resolve', closed - HOUR, 'pending_review');
        event('review', closed, 'closed');
      }
      if (satisfaction) event('callback', closed! + 24 * HOUR, 'archived', { satisfaction });
      if (closed === null && due < now) event('overdue', due + HOUR, status);
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < orders.length; i += 250)
        await trx
          .insertInto('work_orders')
          .values(orders.slice(i, i + 250))
          .execute();
      for (let i = 0; i < events.length; i += 400)
        await trx
          .insertInto('work_order_events')
          .values(events.slice(i, i + 400))
          .execute();
    });
  }
}

const cockpit = new CockpitService(ctx);
/** The district's cockpit as its admin opens it, many times; the median. */
async function timeCockpit(): Promise<{ ms: number; received: number | null }> {
  let received: number | null = null;
  for (let i = 0; i < 5; i++) await cockpit.view(district, undefined, { months: 12 });
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const started = performance.now();
    const view = await cockpit.view(district, undefined, { months: 12 });
    times.push(performance.now() - started);
    received = view.values.wo_received ?? null;
  }
  return { ms: median(times), received };
}
/** The same twelve months counted from the raw orders instead, per street: what the counters spare. */
async function timeRaw(): Promise<number> {
  const from = new Date(now - 365 * 24 * HOUR).toISOString();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await db
      .selectFrom('work_orders')
      .select((eb) => [
        sql<string>`substr(region_code, 1, 9)`.as('street'),
        eb.fn.countAll<number>().as('received'),
        eb.fn.count<number>('closed_at').as('closed'),
        eb.fn.sum<number>('closed_on_time').as('on_time'),
      ])
      .where(district.covers('region_code'))
      .where('created_at', '>=', from)
      .groupBy(sql`substr(region_code, 1, 9)`)
      .execute();
    times.push(performance.now() - started);
  }
  return median(times);
}

process.stdout.write(`a district with ${small} work orders on ${dialect}…\n`);
await addHistory(small);
await rebuildRollups(ctx);
await sql`analyze`.execute(db);
const before = await timeCockpit();
const rawBefore = await timeRaw();

process.stdout.write(`…and after its history grows to ${large} work orders…\n`);
await addHistory(large - small);
const rebuildStarted = performance.now();
const rebuilt = await rebuildRollups(ctx);
const rebuildMs = performance.now() - rebuildStarted;
await sql`analyze`.execute(db);
const after = await timeCockpit();
const rawAfter = await timeRaw();
const events = await db
  .selectFrom('work_order_events')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
await handle.drop();

process.stdout.write(
  `cockpit with ${small} orders: ${before.ms.toFixed(2)} ms; with ${large} orders and ${Number(events.n)} events: ${after.ms.toFixed(2)} ms ` +
    `(${before.received} → ${after.received} received in twelve months)\n` +
    `plain aggregation of the raw orders: ${rawBefore.toFixed(2)} ms → ${rawAfter.toFixed(2)} ms; ` +
    `rebuild of ${rebuilt.rollups} counter rows from the large history: ${(rebuildMs / 1000).toFixed(1)} s\n`,
);
printResult({
  bench: 'cockpit',
  dialect,
  ratio: round(after.ms / before.ms),
  target: 2,
  smallOrders: small,
  largeOrders: large,
  events: Number(events.n),
  smallMs: round(before.ms),
  largeMs: round(after.ms),
  rawAggregationSmallMs: round(rawBefore),
  rawAggregationLargeMs: round(rawAfter),
  rebuildSeconds: round(rebuildMs / 1000, 1),
});
