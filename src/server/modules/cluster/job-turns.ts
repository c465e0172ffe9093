import os from 'node:os';
import type { ServiceContext } from '../../services.js';
import { jobLeasesRepository } from './job-leases.repository.js';

/** How long a taken turn is held without renewal; a running job renews it every third of this. */
export const LEASE_MS = 30_000;
/**
 * A job's next turn comes a little before its interval has passed: the process that just ran it
 * finds it due at its own next tick although its timer and the database's clock differ by a few
 * milliseconds, so a job runs about every interval, not every second interval.
 */
const NEXT_TURN_SHARE = 0.9;

/**
 * Turns of the background jobs among the processes on one database (`lianxin start --workers N`,
 * or several machines): a tick runs only in the process that takes the job's lease, so each job
 * acts once per interval in the whole installation, not once per process. A process that dies
 * mid-run frees its turns when the lease lapses (LEASE_MS). The jobs stay safe without the lease
 * (each claims its rows with a conditional update or SKIP LOCKED); the lease keeps N processes from
 * doing the same sweep N times, and makes "exactly once per tick" hold for jobs whose every run
 * writes (the audit head export, the cockpit snapshots).
 */
export class JobTurns {
  /** Host, pid and start: which process holds a lease, for an operator reading job_leases. */
  readonly holder: string;
  private readonly startedAtIso: string;

  constructor(private readonly ctx: ServiceContext) {
    const started = ctx.now().toISOString();
    this.holder = `${os.hostname()}:${process.pid}:${started}`.slice(0, 120);
    this.startedAtIso = started;
  }

  /** The jobs' rows, made once when the scheduler starts. */
  prepare(jobs: readonly string[]): Promise<void> {
    return jobLeasesRepository.ensure(this.ctx.database.db, jobs, this.ctx.now().toISOString());
  }

  /**
   * Runs `work` if this process takes the job's turn; false when another process has it or ran
   * it within the interval. `first`: this process's first tick of the job (see TakeTurn).
   */
  async run(job: string, everyMs: number, first: boolean, work: () => Promise<unknown>): Promise<boolean> {
    const { db } = this.ctx.database;
    const now = this.ctx.now().getTime();
    const taken = await jobLeasesRepository.take(db, {
      job,
      holder: this.holder,
      nowIso: new Date(now).toISOString(),
      heldUntilIso: new Date(now + LEASE_MS).toISOString(),
      nextRunAtIso: new Date(now + Math.round(everyMs * NEXT_TURN_SHARE)).toISOString(),
      ...(first ? { startedAtIso: this.startedAtIso } : {}),
    });
    if (!taken) return false;
    const renewal = setInterval(() => {
      const until = new Date(this.ctx.now().getTime() + LEASE_MS).toISOString();
      // A failed renewal only lets another process take the turn after the lease: the jobs are
      // safe to overlap, so this is not worth stopping the run for.
      jobLeasesRepository.renew(db, job, this.holder, until).catch(() => undefined);
    }, LEASE_MS / 3);
    renewal.unref();
    let succeededAtIso: string | null = null;
    try {
      await work();
      succeededAtIso = this.ctx.now().toISOString();
    } finally {
      clearInterval(renewal);
      await jobLeasesRepository.release(db, job, this.holder, { succeededAtIso });
    }
    return true;
  }
}
