import type { FastifyBaseLogger } from 'fastify';
import { auditAnchor, exportAuditHead, sealAuditChains } from './modules/audit/index.js';
import { purgeStaleSignIns } from './modules/auth/index.js';
import {
  JOB_ALERTS_JOB,
  JobTurns,
  POINTS_ACCRUAL_JOB,
  purgeRateLimitWindows,
  SLA_SWEEPER_JOB,
} from './modules/cluster/index.js';
import { foldRollupDeltas, refreshSnapshots } from './modules/cockpit/index.js';
import { alertDuesArrears } from './modules/funds/index.js';
import { purgeExpiredIdempotencyKeys } from './modules/idempotency/index.js';
import { sendJobAlerts } from './modules/jobs/index.js';
import { assessDelinquency, sweepLoanDeadlines } from './modules/loans/index.js';
import { sweepMissedMeetings } from './modules/meetings/index.js';
import { expireTransfers } from './modules/member-workflows/index.js';
import {
  ConsoleProvider,
  deliverDueNotifications,
  type NotificationProvider,
  WebhookProvider,
} from './modules/notifications/index.js';
import { endPairingsOfUntaggedHouseholds } from './modules/pairings/index.js';
import { accrueAllDistricts } from './modules/points/index.js';
import { refundLapsedOrders } from './modules/timebank/index.js';
import { sweepOverdue, WorkOrdersService } from './modules/work-orders/index.js';
import type { ServiceContext } from './services.js';

interface Job {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
  /** Also run at once on start, not only after the first interval. */
  atStart?: boolean;
}

/**
 * Background work in the server process: the SLA sweeper every minute, the notification outbox
 * every two seconds (a resident waits for their sign-in code), lapsed transfer letters every ten
 * minutes, the cockpit's register figures every minute (when something changed) and its counters'
 * deltas folded every two seconds, new audit rows sealed into their district's chain every second,
 * the audit chain's head exported to the data directory every minute (the links since the last
 * export are checked first), lapsed love-supermarket codes refunded every ten minutes, loan steps
 * past their deadline escalated every minute and the loans' delinquency buckets assessed hourly (a
 * day's assessment is the same all day, so later runs that day change nothing), pairings of
 * households no longer in difficulty ended every ten minutes, dues arrears alerted hourly, expired
 * sessions and stale login failure counts every hour, missed meetings (三会一课) made tasks hourly, idempotency keys past their week and the
 * shared rate limits' windows of a day ago every hour. Each job is safe with several processes on
 * one PostgreSQL (see each job), so every process may run the scheduler; a run that is still busy
 * when its next turn comes is skipped, not stacked. With several processes
 * (`lianxin start --workers N`) each tick runs in one of them only: the process that takes the
 * job's lease (modules/cluster, job_leases).
 */
export function startScheduler(ctx: ServiceContext, log: FastifyBaseLogger): () => void {
  const provider: NotificationProvider = ctx.config.smsWebhookUrl
    ? new WebhookProvider(ctx.config.smsWebhookUrl, log)
    : new ConsoleProvider();
  const workOrders = new WorkOrdersService(ctx);
  const jobs: Job[] = [
    // At start too: after a crash or a stop, orders that lapsed meanwhile are escalated at once.
    {
      name: SLA_SWEEPER_JOB,
      everyMs: 60_000,
      run: () => sweepOverdue(ctx, workOrders.actions),
      atStart: true,
    },
    { name: 'notifications', everyMs: 2_000, run: () => deliverDueNotifications(ctx, provider) },
    { name: 'transfer letters', everyMs: 10 * 60_000, run: () => expireTransfers(ctx, new Date()) },
    { name: 'cockpit rollups', everyMs: 60_000, run: () => refreshSnapshots(ctx), atStart: true },
    { name: 'cockpit deltas', everyMs: 2_000, run: () => foldRollupDeltas(ctx) },
    { name: 'audit sealer', everyMs: 1_000, run: () => sealAuditChains(ctx) },
    { name: 'audit head', everyMs: 60_000, run: () => exportHeadOrWarn(ctx, log), atStart: true },
    // At start too: minutes of codes that lapsed while the server was down go back without a wait.
    { name: 'supermarket refunds', everyMs: 10 * 60_000, run: () => refundLapsedOrders(ctx), atStart: true },
    { name: 'loan deadlines', everyMs: 60_000, run: () => sweepLoanDeadlines(ctx), atStart: true },
    // 帮扶结对: a household whose difficulty tag was removed leaves the active pairings.
    {
      name: 'pairings of untagged households',
      everyMs: 10 * 60_000,
      run: () => endPairingsOfUntaggedHouseholds(ctx),
    },
    {
      name: 'loan delinquency',
      everyMs: 60 * 60_000,
      run: () => assessDelinquency(ctx, workOrders.intake),
      atStart: true,
    },
    { name: 'dues arrears', everyMs: 60 * 60_000, run: () => alertDuesArrears(ctx) },
    { name: 'stale sign-ins', everyMs: 60 * 60_000, run: () => purgeStaleSignIns(ctx, ctx.now()) },
    { name: 'rate limit windows', everyMs: 60 * 60_000, run: () => purgeRateLimitWindows(ctx) },
    {
      name: 'idempotency keys',
      everyMs: 60 * 60_000,
      run: () => purgeExpiredIdempotencyKeys(ctx, ctx.now()),
    },
    // 三会一课: a required meeting whose month or quarter ended unheld becomes a task (idempotent).
    { name: 'missed meetings', everyMs: 60 * 60_000, run: () => sweepMissedMeetings(ctx) },
    // 党员积分: each district's points of the year from its rules, daily (idempotent: a row per source).
    {
      name: POINTS_ACCRUAL_JOB,
      everyMs: 24 * 60 * 60_000,
      run: () => accrueAllDistricts(ctx),
      atStart: true,
    },
    // 岗位短信: jobs posted or reopened since the last run, texted to the seekers they fit.
    { name: JOB_ALERTS_JOB, everyMs: 10_000, run: () => sendJobAlerts(ctx) },
  ];
  const turns = new JobTurns(ctx);
  // The jobs' lease rows, made before the first tick; tried again at a later tick if that failed.
  let prepared: Promise<void> | undefined;
  const prepare = () => {
    prepared ??= turns.prepare(jobs.map((job) => job.name)).catch((error: unknown) => {
      prepared = undefined;
      throw error;
    });
    return prepared;
  };
  const timers = jobs.map((job) => {
    let busy = false;
    let first = true;
    const tick = () => {
      if (busy) return;
      busy = true;
      const isFirst = first;
      first = false;
      prepare()
        .then(() => turns.run(job.name, job.everyMs, isFirst, job.run))
        .catch((error: unknown) => log.error({ err: error }, `${job.name} failed`))
        .finally(() => {
          busy = false;
        });
    };
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    // Notifications queued before a restart go out at once, not after the first interval.
    if (job.everyMs <= 10_000 || job.atStart) setImmediate(tick);
    return timer;
  });
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}

/** A chain that no longer meets its exported head is an incident: said loudly, anchor left alone. */
async function exportHeadOrWarn(ctx: ServiceContext, log: FastifyBaseLogger): Promise<void> {
  const result = await exportAuditHead(ctx.database.db, auditAnchor(ctx), ctx.now());
  if (!result.ok)
    log.error(
      { audit: result },
      `audit chain ${result.chain} broken at link ${result.brokenAt} (${result.reason})`,
    );
}
