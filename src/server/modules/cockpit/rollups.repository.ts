import { sql } from 'kysely';
import { districtOf, pathOf } from '../../../shared/region-code.js';
import type { Dialect, Executor } from '../../db/database.js';
import type { CounterCode, CounterRow } from './indicators.js';
import type { CounterDelta } from './work-order-counters.js';

const CHUNK = 500;

/** Adds rows counted at any level to every ancestor's total (a region's row holds its subtree). */
export function rollUp(rows: readonly CounterRow[]): CounterRow[] {
  const sums = new Map<string, CounterRow>();
  for (const row of rows) {
    for (const code of pathOf(row.regionCode)) {
      const key = `${code}|${row.period}|${row.counter}`;
      const sum = sums.get(key);
      if (sum) sum.value += row.value;
      else sums.set(key, { ...row, regionCode: code });
    }
  }
  return [...sums.values()].filter((row) => row.value !== 0);
}

type Period = { only: string } | { from: string; to: string };

/**
 * The counter rows of some regions and periods as they stand: region_rollups plus the deltas not
 * yet folded into it, as one relation read by one statement (so a fold committing meanwhile is
 * seen either wholly or not at all). The deltas are few: what was written since the last fold.
 */
function counted(db: Executor, codes: readonly string[], period: Period) {
  const [from, to] = 'only' in period ? [period.only, period.only] : [period.from, period.to];
  const rollups = db
    .selectFrom('region_rollups')
    .select(['region_code', 'period', 'counter', 'value'])
    .where('region_code', 'in', codes)
    .where('period', '>=', from)
    .where('period', '<=', to);
  const deltas = db
    .selectFrom('region_rollup_deltas')
    .select(['region_code', 'period', 'counter', 'value'])
    .where('region_code', 'in', codes)
    .where('period', '>=', from)
    .where('period', '<=', to);
  return rollups.unionAll(deltas).as('counted');
}

/** Only this file writes `region_rollups`, `region_rollup_deltas` and `rollup_marks`. */
export const rollupsRepository = {
  /**
   * Adds deltas to a region's counters and its ancestors', in the caller's transaction: one
   * INSERT of a row per region and counter into region_rollup_deltas, which locks nothing another
   * change needs (two orders of one street no longer wait for each other on the street's row).
   * The background folder adds them into region_rollups (`fold`).
   */
  async bump(db: Executor, regionCode: string, deltas: readonly CounterDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    const district = districtOf(regionCode);
    const rows = pathOf(regionCode).flatMap((code) =>
      deltas.map((delta) => ({
        district_code: district,
        region_code: code,
        period: delta.period,
        counter: delta.counter,
        value: delta.value,
      })),
    );
    await db.insertInto('region_rollup_deltas').values(rows).execute();
  },

  /**
   * Folds up to `limit` of a district's deltas into region_rollups, in the caller's transaction,
   * summed per row by the database (nothing comes back to this process): on PostgreSQL one
   * statement takes them out (`FOR UPDATE SKIP LOCKED`, so two processes folding at once never
   * fold a delta twice) and adds the sums; each of its parts names the district, so on Citus it
   * runs on that district's shard alone (a locking read across districts is refused there). On
   * SQLite, whose write transaction excludes every other folder, the oldest deltas up to a bound
   * are added, then deleted. Returns how many it folded.
   */
  async fold(db: Executor, dialect: Dialect, district: string, limit: number): Promise<number> {
    if (dialect === 'postgres') {
      const { rows } = await sql<{ folded: number }>`
        with taken as (
          delete from region_rollup_deltas
          where district_code = ${district} and id in (
            select id from region_rollup_deltas where district_code = ${district}
            order by id limit ${limit} for update skip locked
          )
          returning region_code, period, counter, value
        ), added as (
          insert into region_rollups (region_code, period, counter, district_code, value)
          select region_code, period, counter, ${district}, sum(value) from taken
          group by region_code, period, counter
          order by region_code, period, counter
          on conflict (district_code, region_code, period, counter)
          do update set value = region_rollups.value + excluded.value
        )
        select count(*) as folded from taken`.execute(db);
      return Number(rows[0]?.folded ?? 0);
    }
    const bound = await db
      .selectFrom((eb) =>
        eb
          .selectFrom('region_rollup_deltas')
          .select('id')
          .where('district_code', '=', district)
          .orderBy('id')
          .limit(limit)
          .as('batch'),
      )
      .select((eb) => eb.fn.max('id').as('last'))
      .executeTakeFirst();
    const last = bound?.last;
    if (last === null || last === undefined) return 0;
    await sql`
      insert into region_rollups (region_code, period, counter, district_code, value)
      select region_code, period, counter, ${district}, sum(value) from region_rollup_deltas
      where district_code = ${district} and id <= ${last}
      group by region_code, period, counter
      on conflict (district_code, region_code, period, counter)
      do update set value = region_rollups.value + excluded.value`.execute(db);
    const deleted = await db
      .deleteFrom('region_rollup_deltas')
      .where('district_code', '=', district)
      .where('id', '<=', Number(last))
      .executeTakeFirst();
    return Number(deleted.numDeletedRows);
  },

  /** The districts with deltas waiting to be folded. */
  async districtsWithDeltas(db: Executor): Promise<string[]> {
    const rows = await db.selectFrom('region_rollup_deltas').select('district_code').distinct().execute();
    return rows.map((row) => row.district_code);
  },

  /**
   * What an order contributes to the counters as it stands now (read back after its step wrote it).
   * By district too: on Citus a read by id alone goes to all 32 shards (29 ms of a 60 ms intake
   * on the cluster here), by district_code to the one shard the step has just written.
   */
  orderAsCounted: (db: Executor, district: string, id: string) =>
    db
      .selectFrom('work_orders')
      .select(['status', 'overdue', 'created_at', 'closed_at', 'closed_on_time'])
      .where('district_code', '=', district)
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),

  /** Replaces a district's rows of some counters with freshly counted (rolled-up) ones. */
  async replace(
    db: Executor,
    district: string,
    counters: readonly CounterCode[],
    rows: readonly CounterRow[],
  ): Promise<void> {
    if (counters.length === 0) return;
    // The fresh count holds what the deltas not yet folded would have added.
    for (const table of ['region_rollups', 'region_rollup_deltas'] as const)
      await db
        .deleteFrom(table)
        .where('district_code', '=', district)
        .where('counter', 'in', counters)
        .execute();
    const values = rows.map((row) => ({
      region_code: row.regionCode,
      period: row.period,
      counter: row.counter,
      district_code: district,
      value: row.value,
    }));
    for (let i = 0; i < values.length; i += CHUNK)
      await db
        .insertInto('region_rollups')
        .values(values.slice(i, i + CHUNK))
        .execute();
  },

  /** The figures of now of some regions. */
  now(db: Executor, codes: readonly string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return db
      .selectFrom(counted(db, codes, { only: '' }))
      .select((eb) => ['region_code', 'counter', eb.fn.sum<number>('value').as('value')])
      .groupBy(['region_code', 'counter'])
      .execute();
  },

  /** Each region's `month` counters summed over the months from…to. */
  windowSums(db: Executor, codes: readonly string[], from: string, to: string) {
    if (codes.length === 0) return Promise.resolve([]);
    return db
      .selectFrom(counted(db, codes, { from, to }))
      .select((eb) => ['region_code', 'counter', eb.fn.sum<number>('value').as('value')])
      .groupBy(['region_code', 'counter'])
      .execute();
  },

  /** The `month` counters of the months from…to, summed over some regions (a place and its trend). */
  monthly(db: Executor, codes: readonly string[], from: string, to: string) {
    if (codes.length === 0) return Promise.resolve([]);
    return db
      .selectFrom(counted(db, codes, { from, to }))
      .select((eb) => ['period', 'counter', eb.fn.sum<number>('value').as('value')])
      .groupBy(['period', 'counter'])
      .execute();
  },

  /** All rows of a district as they stand, deltas added (tests compare the kept counters with a rebuild). */
  async allOf(db: Executor, district: string) {
    const rollups = db
      .selectFrom('region_rollups')
      .select(['region_code', 'period', 'counter', 'value'])
      .where('district_code', '=', district);
    const deltas = db
      .selectFrom('region_rollup_deltas')
      .select(['region_code', 'period', 'counter', 'value'])
      .where('district_code', '=', district);
    const rows = await db
      .selectFrom(rollups.unionAll(deltas).as('counted'))
      .select((eb) => ['region_code', 'period', 'counter', eb.fn.sum<number>('value').as('value')])
      .groupBy(['region_code', 'period', 'counter'])
      .orderBy('region_code')
      .orderBy('period')
      .orderBy('counter')
      .execute();
    return rows.map((row) => ({ ...row, value: Number(row.value) })).filter((row) => row.value !== 0);
  },

  /** PostgreSQL: the rebuild's transaction waits for steps in flight and holds off new ones. */
  async holdOffWriters(trx: Executor): Promise<void> {
    // On Citus the lock reaches the shards and the reference tables their keys point at, which it
    // refuses to do in parallel in one transaction; one connection at a time is what it asks for.
    // Plain PostgreSQL keeps the setting as an unused placeholder.
    await sql`set local citus.multi_shard_modify_mode to 'sequential'`.execute(trx);
    await sql`lock table work_orders, deeds in share mode`.execute(trx);
  },

  regionStats(db: Executor, codes: readonly string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return db.selectFrom('region_stats').selectAll().where('region_code', 'in', codes).execute();
  },

  /** The districts the deployment holds: the roots of the region tree. */
  async districts(db: Executor): Promise<string[]> {
    const rows = await db.selectFrom('regions').select('code').where('parent_code', 'is', null).execute();
    return rows.map((row) => row.code);
  },

  async mark(db: Executor, district: string): Promise<{ auditSeq: number; refreshedAt: string } | undefined> {
    const row = await db
      .selectFrom('rollup_marks')
      .select(['audit_seq', 'refreshed_at'])
      .where('district_code', '=', district)
      .executeTakeFirst();
    return row ? { auditSeq: Number(row.audit_seq), refreshedAt: row.refreshed_at } : undefined;
  },

  /**
   * Takes the district's mark for a refresh up to `seq`, in the caller's transaction: false when
   * another process already counted that far (on PostgreSQL the row lock makes the second wait).
   */
  async claimMark(db: Executor, district: string, seq: number, at: string): Promise<boolean> {
    await db
      .insertInto('rollup_marks')
      .values({ district_code: district, audit_seq: -1, refreshed_at: at })
      .onConflict((oc) => oc.column('district_code').doNothing())
      .execute();
    const result = await db
      .updateTable('rollup_marks')
      .set({ audit_seq: seq, refreshed_at: at })
      .where('district_code', '=', district)
      .where('audit_seq', '<', seq)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async setMark(db: Executor, district: string, seq: number, at: string): Promise<void> {
    await db
      .insertInto('rollup_marks')
      .values({ district_code: district, audit_seq: seq, refreshed_at: at })
      .onConflict((oc) => oc.column('district_code').doUpdateSet({ audit_seq: seq, refreshed_at: at }))
      .execute();
  },

  /**
   * Whether anything that the snapshot counters count may have changed in a district since a link
   * of its audit chain: any audited change except work-order steps and sign-ins (which touch none
   * of them). Links follow commit order, so a change committed after the last count is never
   * behind the mark (a row's `seq`, handed out before its commit, could be).
   */
  async changedSince(db: Executor, district: string, link: number): Promise<boolean> {
    const row = await db
      .selectFrom('audit_log')
      .select('seq')
      .where('district_code', '=', district)
      .where('link', '>', link)
      .where('action', 'not like', 'workorder.%')
      .where('action', 'not like', 'auth.%')
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },
};
