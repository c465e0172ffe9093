import type { Executor } from '../../db/database.js';

export interface TakeTurn {
  job: string;
  holder: string;
  nowIso: string;
  /** The lease ends then unless renewed: a process that dies mid-run holds the job no longer. */
  heldUntilIso: string;
  /** When the job's next turn comes, whichever process takes it. */
  nextRunAtIso: string;
  /**
   * A process's first turn at its start: taken even before `next_run_at` if no run of the job
   * began since this process started (after a crash, lapsed work is done at once; processes that
   * start together run it once).
   */
  startedAtIso?: string;
}

/** The rows of `job_leases`: whose turn it is to run each background job (migration 0028). */
export const jobLeasesRepository = {
  /** The jobs' rows exist from the first start on; a row already there is left as it is. */
  ensure: async (db: Executor, jobs: readonly string[], nowIso: string): Promise<void> => {
    if (jobs.length === 0) return;
    await db
      .insertInto('job_leases')
      .values(jobs.map((job) => ({ job, next_run_at: nowIso })))
      .onConflict((oc) => oc.column('job').doNothing())
      .execute();
  },

  /**
   * One conditional UPDATE: true when this call took the turn. On PostgreSQL a second process
   * updating the same row waits for the first's commit, then finds the lease held and updates
   * nothing; so each turn goes to exactly one process.
   */
  take: async (db: Executor, turn: TakeTurn): Promise<boolean> => {
    const result = await db
      .updateTable('job_leases')
      .set({
        holder: turn.holder,
        held_until: turn.heldUntilIso,
        next_run_at: turn.nextRunAtIso,
        last_started_at: turn.nowIso,
      })
      .where('job', '=', turn.job)
      .where((eb) => eb.or([eb('held_until', 'is', null), eb('held_until', '<=', turn.nowIso)]))
      .where((eb) => {
        const due = eb('next_run_at', '<=', turn.nowIso);
        if (turn.startedAtIso === undefined) return due;
        return eb.or([due, eb('last_started_at', 'is', null), eb('last_started_at', '<', turn.startedAtIso)]);
      })
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** A long run keeps its lease. */
  renew: async (db: Executor, job: string, holder: string, heldUntilIso: string): Promise<void> => {
    await db
      .updateTable('job_leases')
      .set({ held_until: heldUntilIso })
      .where('job', '=', job)
      .where('holder', '=', holder)
      .execute();
  },

  /** The run is over: the lease is free for the next turn; a success is recorded for /metrics. */
  release: async (
    db: Executor,
    job: string,
    holder: string,
    outcome: { succeededAtIso: string | null },
  ): Promise<void> => {
    await db
      .updateTable('job_leases')
      .set(
        outcome.succeededAtIso === null
          ? { held_until: null }
          : { held_until: null, last_succeeded_at: outcome.succeededAtIso },
      )
      .where('job', '=', job)
      .where('holder', '=', holder)
      .execute();
  },

  /** When a job last completed in any process (undefined before its first success). */
  lastSucceededAt: async (db: Executor, job: string): Promise<string | null | undefined> =>
    (await db.selectFrom('job_leases').select('last_succeeded_at').where('job', '=', job).executeTakeFirst())
      ?.last_succeeded_at,
};
