import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

/** The text-alert queue (one row per job to alert about) and the alerts sent. Only this file touches them. */
export const jobAlertsRepository = {
  /**
   * Queues a job for alerts, in the post's (or reopening's) transaction: cheap, so posting stays
   * fast; a job already queued is queued again from now (its claim, if any, is dropped).
   */
  enqueue: async (db: Executor, jobId: string, district: string, at: string): Promise<void> => {
    await db
      .insertInto('job_alert_queue')
      .values({ job_id: jobId, district_code: district, queued_at: at, claimed_until: null })
      .onConflict((oc) => oc.column('job_id').doUpdateSet({ queued_at: at, claimed_until: null }))
      .execute();
  },

  /** Queued jobs whose claim is free or lapsed, oldest first. */
  due: (db: Executor, nowIso: string, limit: number) =>
    db
      .selectFrom('job_alert_queue')
      .selectAll()
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', nowIso)]))
      .orderBy('queued_at')
      .limit(limit)
      .execute(),

  /** Claims a queued job until `untilIso` if its claim is free or lapsed (a concurrent run loses). */
  claim: async (db: Executor, jobId: string, nowIso: string, untilIso: string): Promise<boolean> => {
    const result = await db
      .updateTable('job_alert_queue')
      .set({ claimed_until: untilIso })
      .where('job_id', '=', jobId)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', nowIso)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Done with a job, only under our own claim (a re-queue meanwhile stays for the next run). */
  finish: async (db: Executor, jobId: string, claimedUntil: string): Promise<boolean> => {
    const result = await db
      .deleteFrom('job_alert_queue')
      .where('job_id', '=', jobId)
      .where('claimed_until', '=', claimedUntil)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  },

  /** The seekers already alerted about a job. */
  alertedFor: async (db: Executor, jobId: string): Promise<Set<string>> =>
    new Set(
      (await db.selectFrom('job_alerts').select('seeker_id').where('job_id', '=', jobId).execute()).map(
        (r) => r.seeker_id,
      ),
    ),

  /** Alerts per seeker on one Beijing day (the daily cap). */
  countsOn: async (db: Executor, seekerIds: readonly string[], day: string): Promise<Map<string, number>> => {
    const out = new Map<string, number>();
    if (seekerIds.length === 0) return out;
    const rows = await db
      .selectFrom('job_alerts')
      .select(['seeker_id', sql<number>`count(*)`.as('n')])
      .where('seeker_id', 'in', seekerIds)
      .where('alerted_on', '=', day)
      .groupBy('seeker_id')
      .execute();
    for (const row of rows) out.set(row.seeker_id, Number(row.n));
    return out;
  },

  /** One alert; the (job, seeker) key fails a second one, so no run can text a seeker twice. */
  insert: async (
    db: Executor,
    row: {
      job_id: string;
      seeker_id: string;
      district_code: string;
      alerted_on: string;
      score: number;
      created_at: string;
    },
  ): Promise<void> => {
    await db.insertInto('job_alerts').values(row).execute();
  },

  ofJob: (db: Executor, jobId: string) =>
    db.selectFrom('job_alerts').selectAll().where('job_id', '=', jobId).orderBy('seeker_id').execute(),
};
