import { beijingDate } from '../../../shared/beijing-time.js';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import type { ServiceContext } from '../../services.js';
import { enqueueNotification } from '../notifications/index.js';
import { jobAlertsRepository } from './job-alerts.repository.js';
import { jobsRepository } from './jobs.repository.js';
import { topSeekers } from './top-seekers.js';

/** A seeker is texted about a job that fits them at least this well (out of 100). */
export const ALERT_THRESHOLD = 70;
/** At most this many alerts per seeker per Beijing day. */
export const ALERT_DAILY_CAP = 3;
/** At most this many seekers texted per job: the best fits first. */
export const ALERT_TOP = 50;
/** How long a run holds a queued job before another run may take it. */
const CLAIM_MS = 60_000;
const BATCH = 20;

/**
 * Text alerts of new matching jobs (issue 18). Posting or reopening a job only queues it
 * (`job_alert_queue`, in the post's transaction), and this run, every ten seconds in one process
 * (the scheduler's `job alerts` turn), does the matching and the texts. Why not in the post's
 * transaction: matching a district takes tens of milliseconds and writes up to ALERT_TOP outbox
 * rows, which would slow every post and hold its write lock meanwhile; queuing is one row.
 *
 * Never twice: for each job, in ONE transaction, the alerts (`job_alerts`, keyed by job and
 * seeker), their outbox rows and the removal of the queue row commit together or not at all. A
 * second run, a lapsed claim run again, or a re-post of the same job finds the seekers already in
 * `job_alerts` and skips them; two runs racing on one job collide on that key and one rolls back.
 * Who: active seekers of the job's district with a phone and not opted out, scoring at least
 * ALERT_THRESHOLD among the ALERT_TOP best, with fewer than ALERT_DAILY_CAP alerts today. A job
 * no longer open (or expired) is dropped from the queue without texts. Answers the texts queued.
 */
export async function sendJobAlerts(ctx: ServiceContext): Promise<number> {
  const { db } = ctx.database;
  const nowIso = ctx.now().toISOString();
  let texts = 0;
  for (const queued of await jobAlertsRepository.due(db, nowIso, BATCH)) {
    const until = new Date(ctx.now().getTime() + CLAIM_MS).toISOString();
    if (!(await jobAlertsRepository.claim(db, queued.job_id, nowIso, until))) continue;
    texts += await alertJob(ctx, queued.job_id, until);
  }
  return texts;
}

async function alertJob(ctx: ServiceContext, jobId: string, claimedUntil: string): Promise<number> {
  const today = beijingDate(ctx.now());
  const nowIso = ctx.now().toISOString();
  return ctx.database.db.transaction().execute(async (trx) => {
    const job = await jobsRepository.viewUnscoped(trx, jobId);
    if (job?.status !== 'open' || job.valid_until < today) {
      await jobAlertsRepository.finish(trx, jobId, claimedUntil);
      return 0;
    }
    const district = new Scope([job.district_code], ctx.database.dialect);
    const { ranked } = await topSeekers(trx, district, job, ALERT_TOP, today, { alertable: true });
    const fits = ranked.filter((r) => r.scored.score >= ALERT_THRESHOLD);
    const already = await jobAlertsRepository.alertedFor(trx, jobId);
    const fresh = fits.filter((r) => !already.has(r.id));
    const counts = await jobAlertsRepository.countsOn(
      trx,
      fresh.map((r) => r.id),
      today,
    );
    let sent = 0;
    for (const r of fresh) {
      if ((counts.get(r.id) ?? 0) >= ALERT_DAILY_CAP || !r.view.phone_enc) continue;
      await jobAlertsRepository.insert(trx, {
        job_id: jobId,
        seeker_id: r.id,
        district_code: job.district_code,
        alerted_on: today,
        score: r.scored.score,
        created_at: nowIso,
      });
      await enqueueNotification(ctx, trx, {
        districtCode: job.district_code,
        recipient: { phone: ctx.crypto.decrypt('person.phone', r.view.phone_enc) },
        template: 'job_alert',
        params: {
          title: job.title.slice(0, 30),
          enterprise: job.enterprise_name.slice(0, 30),
          place: job.region_name.slice(0, 20),
        },
      });
      sent += 1;
    }
    // A re-queue meanwhile (the job reopened) took the row from us: that run will send the rest.
    await jobAlertsRepository.finish(trx, jobId, claimedUntil);
    await ctx.audit.append(trx, SYSTEM_ACTOR, {
      action: 'job.alerts_sent',
      targetType: 'job',
      targetId: jobId,
      regionCode: job.region_code,
      summary: { sent, fits: fits.length },
    });
    return sent;
  });
}
