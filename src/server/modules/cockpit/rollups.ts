import { beijingMonth } from '../../../shared/beijing-time.js';
import type { Executor } from '../../db/database.js';
import type { DeedTable, WorkOrder } from '../../db/tables.js';
import type { ServiceContext } from '../../services.js';
import { districtHeadLink, sealAuditChains } from '../audit/index.js';
import { rebuildRegionStats } from '../stats/index.js';
import { COUNTER_SOURCES, type CounterCode, type CounterRow, countersKeptBy } from './indicators.js';
import { rollUp, rollupsRepository } from './rollups.repository.js';
import {
  type CounterDelta,
  netDeltas,
  orderContributions,
  stepContributions,
} from './work-order-counters.js';

/** What `WorkOrderStep` knows of an order before its step. */
export type OrderBeforeStep = Pick<
  WorkOrder,
  | 'id'
  | 'district_code'
  | 'region_code'
  | 'status'
  | 'overdue'
  | 'created_at'
  | 'closed_at'
  | 'closed_on_time'
>;

/**
 * Keeps the work-order counters of the order's region and its ancestors, in the step's
 * transaction: the order's contributions after the step (read back: the step has written it)
 * minus those before, plus what the step itself counts (a callback's verdict, going overdue).
 * `from` is null for intake, when there is no "before".
 */
export async function bumpWorkOrderRollups(
  trx: Executor,
  before: OrderBeforeStep,
  step: { action: string; from: string | null; data?: Record<string, unknown> | undefined; at: string },
): Promise<void> {
  const after = await rollupsRepository.orderAsCounted(trx, before.district_code, before.id);
  const deltas = netDeltas(
    [...orderContributions(after), ...stepContributions(step.action, step.data ?? {}, step.at)],
    step.from === null ? [] : orderContributions(before),
  );
  await rollupsRepository.bump(trx, before.region_code, deltas);
}

/** A deed done: the month it was done in, and the running total. In the deed's transaction. */
export async function bumpDeedRollups(
  trx: Executor,
  deed: Pick<DeedTable, 'region_code' | 'done_on'>,
): Promise<void> {
  const deltas: CounterDelta[] = [
    { period: deed.done_on.slice(0, 7), counter: 'deed.done', value: 1 },
    { period: '', counter: 'deed.total', value: 1 },
  ];
  await rollupsRepository.bump(trx, deed.region_code, deltas);
}

async function countAll(db: Executor, district: string, sources = COUNTER_SOURCES): Promise<CounterRow[]> {
  const rows: CounterRow[] = [];
  // One by one: a district of 200,000 residents has more rows than a call's arguments may hold.
  for (const source of sources) for (const row of await source.count(db, district)) rows.push(row);
  return rollUp(rows);
}

const ALL_COUNTERS: readonly CounterCode[] = COUNTER_SOURCES.flatMap((source) => source.counters);

/**
 * Recounts all cockpit counters of one district in the caller's transaction, which on PostgreSQL
 * first holds off steps of orders and deeds (they would bump rows being replaced).
 */
async function recountDistrict(ctx: ServiceContext, trx: Executor, district: string): Promise<number> {
  if (ctx.database.dialect === 'postgres') await rollupsRepository.holdOffWriters(trx);
  const rows = await countAll(trx, district);
  await rollupsRepository.replace(trx, district, ALL_COUNTERS, rows);
  return rows.length;
}

/**
 * Recounts every counter from the raw tables (`lianxin rollups rebuild`; the demo generator after
 * it has written its data): the coverage counters of `region_stats`, then each district's cockpit
 * counters, a district per transaction. Returns how many rows it wrote.
 */
export async function rebuildRollups(ctx: ServiceContext): Promise<{ regionStats: number; rollups: number }> {
  const { db } = ctx.database;
  const regionStats = await db.transaction().execute((trx) => rebuildRegionStats(trx));
  let rollups = 0;
  for (const district of await rollupsRepository.districts(db)) {
    await db.transaction().execute(async (trx) => {
      const seq = await districtHeadLink(trx, district);
      rollups += await recountDistrict(ctx, trx, district);
      await rollupsRepository.setMark(trx, district, seq, ctx.now().toISOString());
    });
  }
  return { regionStats, rollups };
}

const SNAPSHOT_COUNTERS: readonly CounterCode[] = countersKeptBy('snapshot');
const SNAPSHOT_SOURCES = COUNTER_SOURCES.filter((source) =>
  source.counters.every((counter) => SNAPSHOT_COUNTERS.includes(counter)),
);

/**
 * The refresh job: recounts the snapshot counters (register, organizations) of each district where
 * an audited change happened since the last count (all counters of a district never counted). The counting reads outside any transaction; the
 * write takes the district's mark first, so of two processes only one writes. Returns the districts
 * it recounted.
 */
export async function refreshSnapshots(ctx: ServiceContext): Promise<string[]> {
  const { db } = ctx.database;
  // Changes are seen through the district chains: what committed before this run is sealed first.
  await sealAuditChains(ctx);
  const refreshed: string[] = [];
  for (const district of await rollupsRepository.districts(db)) {
    // Counted up to the district chain's sealed head: a change not sealed yet is counted next time.
    const head = await districtHeadLink(db, district);
    const mark = await rollupsRepository.mark(db, district);
    if (mark && mark.auditSeq >= head) continue;
    const nowIso = ctx.now().toISOString();
    if (!mark) {
      // Never counted (a new district, or a database from before the cockpit): count everything.
      const counted = await db.transaction().execute(async (trx) => {
        if (!(await rollupsRepository.claimMark(trx, district, head, nowIso))) return false;
        await recountDistrict(ctx, trx, district);
        return true;
      });
      if (counted) refreshed.push(district);
      continue;
    }
    if (mark && !(await rollupsRepository.changedSince(db, district, mark.auditSeq))) {
      // Nothing they count has changed: the figures are as good as freshly counted.
      await rollupsRepository.setMark(db, district, head, nowIso);
      continue;
    }
    const rows = await countAll(db, district, SNAPSHOT_SOURCES);
    const wrote = await db.transaction().execute(async (trx) => {
      if (!(await rollupsRepository.claimMark(trx, district, head, nowIso))) return false;
      await rollupsRepository.replace(trx, district, SNAPSHOT_COUNTERS, rows);
      return true;
    });
    if (wrote) refreshed.push(district);
  }
  return refreshed;
}

const FOLD_BATCH = 5000;

/**
 * The folder (the scheduler runs it every two seconds; tests call it before reading
 * region_rollups directly): adds each district's deltas into region_rollups, a batch per short
 * transaction, and returns how many it folded. Exactly once with several processes: a batch is
 * taken out of region_rollup_deltas in the transaction that adds it (see rollupsRepository.fold).
 * Fair: the districts take turns, a batch each per round, and only those whose batch was full
 * come back for another round, so a district that keeps writing does not hold back the others.
 */
export async function foldRollupDeltas(ctx: Pick<ServiceContext, 'database'>): Promise<number> {
  const { db, dialect } = ctx.database;
  let folded = 0;
  let waiting = await rollupsRepository.districtsWithDeltas(db);
  while (waiting.length > 0) {
    const full: string[] = [];
    for (const district of waiting) {
      const count = await db
        .transaction()
        .execute((trx) => rollupsRepository.fold(trx, dialect, district, FOLD_BATCH));
      folded += count;
      if (count === FOLD_BATCH) full.push(district);
    }
    waiting = full;
  }
  return folded;
}

/** When the snapshot counters of a district were last counted (shown as "as of" on the cockpit). */
export async function snapshotTime(db: Executor, district: string): Promise<string | null> {
  return (await rollupsRepository.mark(db, district))?.refreshedAt ?? null;
}

export { beijingMonth };
