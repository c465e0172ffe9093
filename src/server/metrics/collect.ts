import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Database } from '../db/database.js';
import { beatsOf } from './heartbeats.js';
import { metricsRepository } from './metrics.repository.js';
import { type GaugeSample, renderGauge } from './registry.js';

/** Database figures are read at most this often, however often Prometheus (or anyone) scrapes. */
const DATABASE_CACHE_MS = 5_000;
/**
 * How long a scrape waits for the database figures. Beyond it (every connection taken, a lock
 * held) the scrape answers with the last figures it had and says they are stale: the moment the
 * database is stuck is the moment the pool and process figures are needed.
 */
const DATABASE_WAIT_MS = 1_000;
/** Counts stop at this many rows: far past any alert threshold, and a bounded index read. */
const COUNT_CAP = 10_000;

interface DatabaseFigures {
  outboxPending: number;
  outboxOldestAgeSeconds: number;
  unescalated: number;
  unescalatedOldestAgeSeconds: number;
  importJobs: { status: string; count: number }[];
  auditUnsealed: number;
  auditUnsealedOldestAgeSeconds: number;
  rollupDeltasWaiting: number;
  /** The SLA sweeper's last success in any process (several processes take turns). */
  sweeperSucceededAt: string | null;
}

const IMPORT_STATES = ['running', 'succeeded', 'rejected', 'failed'];

const ageSeconds = (iso: string | null, nowMs: number): number =>
  iso === null ? 0 : Math.max(0, (nowMs - Date.parse(iso)) / 1000);

/**
 * The gauges read at scrape time: background jobs, database backlogs, the pool, the process.
 * The event-loop delay is sampled all along and reset at each scrape (it describes the interval
 * since the previous one).
 */
export class ScrapeCollector {
  private cached: { at: number; figures: Promise<DatabaseFigures>; settled: boolean } | undefined;
  private lastFigures: DatabaseFigures | undefined;
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 20 });
  private readonly startedMs: number;

  constructor(
    private readonly database: Database,
    private readonly now: () => Date,
    /** Whether this process runs the scheduler: without it, sweeper lag is none of its business. */
    private readonly schedulerInProcess: boolean,
  ) {
    this.startedMs = now().getTime();
    this.loopDelay.enable();
  }

  stop(): void {
    this.loopDelay.disable();
  }

  /** One read at a time: scrapes of a stuck database do not pile up waiting queries. */
  private figures(): Promise<DatabaseFigures> {
    const nowMs = this.now().getTime();
    if (this.cached && (!this.cached.settled || nowMs - this.cached.at < DATABASE_CACHE_MS))
      return this.cached.figures;
    const cached = { at: nowMs, figures: this.readFigures(), settled: false };
    this.cached = cached;
    cached.figures.then(
      (figures) => {
        cached.settled = true;
        this.lastFigures = figures;
      },
      // A failed read is not kept: the next scrape tries again.
      () => {
        if (this.cached === cached) this.cached = undefined;
      },
    );
    return cached.figures;
  }

  /** The figures if the database gives them within DATABASE_WAIT_MS, else undefined. */
  private async freshFigures(): Promise<DatabaseFigures | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), DATABASE_WAIT_MS);
    });
    try {
      return await Promise.race([this.figures().catch(() => undefined), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async readFigures(): Promise<DatabaseFigures> {
    const { db } = this.database;
    const now = this.now();
    const nowMs = now.getTime();
    const outbox = await metricsRepository.outboxBacklog(db, COUNT_CAP);
    const lapsed = await metricsRepository.unescalatedOverdue(db, now.toISOString(), COUNT_CAP);
    const importJobs = await metricsRepository.importJobsByStatus(db);
    const unsealed = await metricsRepository.auditUnsealed(db, COUNT_CAP);
    return {
      outboxPending: outbox.pending,
      outboxOldestAgeSeconds: ageSeconds(outbox.oldestCreatedAt, nowMs),
      unescalated: lapsed.count,
      unescalatedOldestAgeSeconds: ageSeconds(lapsed.oldestDueAt, nowMs),
      importJobs: importJobs,
      auditUnsealed: unsealed.count,
      auditUnsealedOldestAgeSeconds: ageSeconds(unsealed.oldestAt, nowMs),
      rollupDeltasWaiting: await metricsRepository.rollupDeltasWaiting(db, COUNT_CAP),
      sweeperSucceededAt: await metricsRepository.sweeperSucceededAt(db),
    };
  }

  async render(): Promise<string> {
    const fresh = await this.freshFigures();
    const f = fresh ?? this.lastFigures;
    const nowMs = this.now().getTime();
    const parts: string[] = [];
    const gauge = (name: string, help: string, samples: GaugeSample[] | number) =>
      parts.push(renderGauge(name, help, typeof samples === 'number' ? [{ value: samples }] : samples));
    const counter = (name: string, help: string, value: number) =>
      parts.push(`# HELP ${name} ${help}\n# TYPE ${name} counter\n${name} ${value}\n`);

    const { sweeper, outbox } = beatsOf(this.database);
    if (this.schedulerInProcess) {
      // Another process may have taken the sweeper's turns (job_leases): the later of the two counts.
      const shared = f?.sweeperSucceededAt ? Date.parse(f.sweeperSucceededAt) : null;
      const since = Math.max(sweeper.lastSuccessMs ?? this.startedMs, shared ?? Number.NEGATIVE_INFINITY);
      gauge(
        'lianxin_sla_sweeper_lag_seconds',
        'Seconds since the SLA sweeper last completed in this process or another on the database (since start before its first run).',
        Math.max(0, (nowMs - since) / 1000),
      );
    }
    counter('lianxin_sla_sweeper_runs_total', 'Completed SLA sweeps in this process.', sweeper.runs);
    counter(
      'lianxin_sla_escalations_total',
      'Orders this process marked overdue and escalated.',
      sweeper.escalated,
    );
    counter('lianxin_outbox_sent_total', 'Text messages this process handed to the provider.', outbox.sent);
    counter(
      'lianxin_outbox_failed_total',
      'Failed send attempts in this process (retried later).',
      outbox.failed,
    );

    const pool = this.database.poolStats();
    gauge('lianxin_db_pool_connections', 'Database connections open.', pool.total);
    gauge('lianxin_db_pool_idle', 'Database connections idle.', pool.idle);
    gauge('lianxin_db_pool_waiting', 'Callers waiting for a database connection.', pool.waiting);
    gauge('lianxin_db_pool_max', 'Most database connections the pool opens.', pool.max);
    if (pool.awaitingCommit !== undefined)
      gauge(
        'lianxin_db_group_commit_awaiting',
        'SQLite: finished transactions waiting for their group COMMIT.',
        pool.awaitingCommit,
      );

    gauge(
      'lianxin_metrics_database_stale',
      `1 when the database did not give its figures within ${DATABASE_WAIT_MS} ms and the last known are shown.`,
      fresh ? 0 : 1,
    );
    if (f) {
      gauge(
        'lianxin_sla_unescalated_overdue_orders',
        `Open orders past their deadline not yet marked overdue (capped at ${COUNT_CAP}).`,
        f.unescalated,
      );
      gauge(
        'lianxin_sla_unescalated_oldest_age_seconds',
        'How long the oldest such order has been past its deadline.',
        f.unescalatedOldestAgeSeconds,
      );

      gauge(
        'lianxin_outbox_pending',
        `Text messages waiting to be sent (capped at ${COUNT_CAP}).`,
        f.outboxPending,
      );
      gauge(
        'lianxin_outbox_oldest_pending_age_seconds',
        'Age of the oldest text message still waiting to be sent (0 when none waits).',
        f.outboxOldestAgeSeconds,
      );
      gauge(
        'lianxin_audit_unsealed_rows',
        `Audit rows not yet sealed into their district's chain (capped at ${COUNT_CAP}).`,
        f.auditUnsealed,
      );
      gauge(
        'lianxin_audit_unsealed_oldest_age_seconds',
        'Age of the oldest audit row not yet sealed (0 when none waits): the window before sealing.',
        f.auditUnsealedOldestAgeSeconds,
      );
      gauge(
        'lianxin_cockpit_deltas_waiting',
        `Cockpit counter deltas not yet folded into region_rollups (capped at ${COUNT_CAP}).`,
        f.rollupDeltasWaiting,
      );
      gauge(
        'lianxin_import_jobs',
        'Import jobs by state (all processes).',
        IMPORT_STATES.map((state) => ({
          labels: { state },
          value: f.importJobs.find((row) => row.status === state)?.count ?? 0,
        })),
      );
    }

    const memory = process.memoryUsage();
    gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', memory.rss);
    gauge('nodejs_heap_used_bytes', 'V8 heap in use, in bytes.', memory.heapUsed);
    gauge('nodejs_heap_total_bytes', 'V8 heap allocated, in bytes.', memory.heapTotal);
    gauge(
      'nodejs_external_memory_bytes',
      'Memory of C++ objects bound to JavaScript, in bytes.',
      memory.external,
    );
    const cpu = process.cpuUsage();
    counter(
      'process_cpu_seconds_total',
      'User and system CPU time, in seconds.',
      (cpu.user + cpu.system) / 1e6,
    );
    gauge(
      'process_start_time_seconds',
      'When the process started, seconds since the epoch.',
      Math.round((Date.now() - process.uptime() * 1000) / 1000),
    );
    const toSeconds = (ns: number) => (Number.isFinite(ns) ? ns / 1e9 : 0);
    gauge('nodejs_eventloop_lag_seconds', 'Event-loop delay since the previous scrape, by quantile.', [
      { labels: { quantile: '0.5' }, value: toSeconds(this.loopDelay.percentile(50)) },
      { labels: { quantile: '0.99' }, value: toSeconds(this.loopDelay.percentile(99)) },
      { labels: { quantile: '1' }, value: toSeconds(this.loopDelay.max) },
    ]);
    this.loopDelay.reset();
    return parts.join('');
  }
}
