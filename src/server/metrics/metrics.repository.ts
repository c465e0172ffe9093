import { OPEN_STATUSES } from '../../shared/work-orders.js';
import type { Executor } from '../db/database.js';
import { SLA_SWEEPER_JOB } from '../modules/cluster/index.js';

/**
 * The database figures /metrics shows. Each count reads at most `cap` rows through an index
 * (a backlog beyond the cap is reported as the cap: the alert has fired long before), so a scrape
 * stays cheap however large the tables grow.
 */
export const metricsRepository = {
  /** Text messages waiting to be sent (index notifications_due), and when the oldest was queued. */
  async outboxBacklog(
    db: Executor,
    cap: number,
  ): Promise<{ pending: number; oldestCreatedAt: string | null }> {
    const row = await db
      .selectFrom((eb) =>
        eb
          .selectFrom('notifications')
          .select('created_at')
          .where('status', '=', 'pending')
          .orderBy('next_attempt_at')
          .limit(cap)
          .as('pending'),
      )
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
      .executeTakeFirstOrThrow();
    return { pending: Number(row.n), oldestCreatedAt: row.oldest ?? null };
  },

  /**
   * Open orders past their deadline that the sweeper has not yet marked and escalated
   * (index work_orders_status_due), and the deadline of the oldest.
   */
  async unescalatedOverdue(
    db: Executor,
    nowIso: string,
    cap: number,
  ): Promise<{ count: number; oldestDueAt: string | null }> {
    const row = await db
      .selectFrom((eb) =>
        eb
          .selectFrom('work_orders')
          .select('due_at')
          .where('status', 'in', OPEN_STATUSES)
          .where('overdue', '=', 0)
          .where('due_at', '<', nowIso)
          .orderBy('due_at')
          .limit(cap)
          .as('lapsed'),
      )
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('due_at').as('oldest')])
      .executeTakeFirstOrThrow();
    return { count: Number(row.n), oldestDueAt: row.oldest ?? null };
  },

  /**
   * Audit rows the sealer has not linked into their district's chain yet (partial index
   * audit_log_unsealed), and when the oldest was written: how wide the window before sealing is now.
   */
  async auditUnsealed(db: Executor, cap: number): Promise<{ count: number; oldestAt: string | null }> {
    const row = await db
      .selectFrom((eb) =>
        eb
          .selectFrom('audit_log')
          .select('at')
          .where('hash', 'is', null)
          .orderBy('seq')
          .limit(cap)
          .as('waiting'),
      )
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
      .executeTakeFirstOrThrow();
    return { count: Number(row.n), oldestAt: row.oldest ?? null };
  },

  /** Cockpit counter deltas the folder has not added into region_rollups yet. */
  /**
   * When the SLA sweeper last completed in any process on this database (job_leases, migration
   * 0028): with several processes only one takes each turn, so a process's own figure is not enough.
   */
  async sweeperSucceededAt(db: Executor): Promise<string | null> {
    const row = await db
      .selectFrom('job_leases')
      .select('last_succeeded_at')
      .where('job', '=', SLA_SWEEPER_JOB)
      .executeTakeFirst();
    return row?.last_succeeded_at ?? null;
  },

  async rollupDeltasWaiting(db: Executor, cap: number): Promise<number> {
    const row = await db
      .selectFrom((eb) => eb.selectFrom('region_rollup_deltas').select('id').limit(cap).as('waiting'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Import jobs by state. A small table (one row per upload); the caller caches the answer. */
  async importJobsByStatus(db: Executor): Promise<{ status: string; count: number }[]> {
    const rows = await db
      .selectFrom('import_jobs')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    return rows.map((row) => ({ status: row.status, count: Number(row.n) }));
  },
};
