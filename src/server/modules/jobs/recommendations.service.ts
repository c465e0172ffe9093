import { v7 as uuidv7 } from 'uuid';
import type { Outcome, RecommendationStatus } from '../../../shared/api/jobs.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import { pageById } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { fairsRepository } from './fairs.repository.js';
import { jobCounters } from './job-counters.js';
import { jobsRepository } from './jobs.repository.js';
import {
  type RecommendationRow,
  type RecommendationView,
  recommendationsRepository,
} from './recommendations.repository.js';
import { seekersRepository } from './seekers.repository.js';

/**
 * What each outcome may follow and leads to. An interview may be rescheduled; no-show is about an
 * interview; hired, declined, no-show and refused end the recommendation.
 */
export const OUTCOME_RULES: Record<
  Outcome,
  { from: readonly RecommendationStatus[]; to: RecommendationStatus }
> = {
  interview: { from: ['recommended', 'interviewing'], to: 'interviewing' },
  hired: { from: ['recommended', 'interviewing'], to: 'hired' },
  declined: { from: ['recommended', 'interviewing'], to: 'declined' },
  no_show: { from: ['interviewing'], to: 'no_show' },
  refused: { from: ['recommended', 'interviewing'], to: 'refused' },
};

export interface OutcomeInput {
  outcome: Outcome;
  interviewAt?: string | undefined;
  cause?: string | undefined;
  note?: string | undefined;
}

/** Who records an outcome: a case worker in scope of the seeker, or a contact of the enterprise. */
export type OutcomeSide = { scope: Scope } | { contactUserId: string };

/**
 * Recommendations (推荐) of a registered seeker for an open job, and their outcomes. A hire places
 * the seeker, fills one opening and counts as a placement in the seeker's region (the cockpit's
 * `job.placements`); a refusal without cause counts on the seeker, three flag them.
 */
export class RecommendationsService {
  constructor(private readonly ctx: ServiceContext) {}

  async recommend(
    scope: Scope,
    actor: AuditActor,
    userId: string,
    input: { jobId: string; seekerId: string; note: string; fairId?: string | null | undefined },
  ): Promise<RecommendationView> {
    const { db } = this.ctx.database;
    const id = uuidv7();
    await db.transaction().execute(async (trx) => {
      const job = await jobsRepository.findInScope(trx, scope, input.jobId);
      if (!job) throw notFound('job.not_found');
      const seeker = await seekersRepository.findInScope(trx, scope, input.seekerId);
      if (!seeker) throw notFound('job.seeker_not_found');
      if (job.status !== 'open' || job.valid_until < beijingDate(this.ctx.now()))
        throw conflict('job.not_open');
      if (seeker.status !== 'active') throw conflict('job.seeker_not_active');
      if (await recommendationsRepository.ofPair(trx, job.id, seeker.id))
        throw conflict('job.already_recommended');
      // Made at a job fair: the fair is in scope and the job is one brought to it.
      if (input.fairId) {
        const fair = await fairsRepository.findInScope(trx, scope, input.fairId);
        if (!fair) throw fieldError('fairId', 'job.fair_not_found');
        if (!(await fairsRepository.hasJob(trx, fair.id, job.id)))
          throw fieldError('fairId', 'job.job_not_at_fair');
      }
      const now = this.ctx.now().toISOString();
      await recommendationsRepository.insert(trx, {
        id,
        district_code: seeker.district_code,
        region_code: seeker.region_code,
        job_id: job.id,
        seeker_id: seeker.id,
        enterprise_id: job.enterprise_id,
        status: 'recommended',
        interview_at: null,
        refusal_cause: null,
        note: input.note,
        recommended_by: userId,
        decided_by: null,
        decided_at: null,
        created_at: now,
        updated_at: now,
        fair_id: input.fairId ?? null,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'job.recommended',
        targetType: 'job_recommendation',
        targetId: id,
        regionCode: seeker.region_code,
        summary: { jobId: job.id, seekerId: seeker.id, ...(input.fairId ? { fairId: input.fairId } : {}) },
      });
    });
    return (await recommendationsRepository.viewUnscoped(db, id))!;
  }

  async recordOutcome(
    side: OutcomeSide,
    actor: AuditActor,
    userId: string,
    id: string,
    input: OutcomeInput,
  ): Promise<RecommendationView> {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const found = await this.find(trx, side, id);
      if (!found) throw notFound('job.recommendation_not_found');
      const rule = OUTCOME_RULES[input.outcome];
      if (!rule.from.includes(found.status))
        throw conflict('job.illegal_outcome', { outcome: input.outcome, status: found.status });
      const now = this.ctx.now().toISOString();
      const cause = input.outcome === 'refused' ? (input.cause ?? '') : null;
      const moved = await recommendationsRepository.transition(trx, id, found.status, {
        status: rule.to,
        ...(input.outcome === 'interview' ? { interview_at: input.interviewAt ?? null } : {}),
        ...(input.outcome === 'refused' ? { refusal_cause: cause } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
        ...(input.outcome !== 'interview' ? { decided_by: userId, decided_at: now } : {}),
        updated_at: now,
      });
      if (!moved) throw conflict('job.conflict');
      if (input.outcome === 'hired') await this.place(trx, found, now);
      if (input.outcome === 'refused' && cause === '')
        await seekersRepository.countRefusalWithoutCause(trx, found.seeker_id, now);
      await this.ctx.audit.append(trx, actor, {
        action: 'job.outcome_recorded',
        targetType: 'job_recommendation',
        targetId: id,
        regionCode: found.region_code,
        summary: { outcome: input.outcome, from: found.status, ...(cause !== null ? { cause } : {}) },
      });
    });
    return (await recommendationsRepository.viewUnscoped(db, id))!;
  }

  /** A hire: the seeker is placed, the job fills an opening, the placement counts in the cockpit. */
  private async place(trx: Executor, rec: RecommendationRow, now: string): Promise<void> {
    await seekersRepository.update(trx, rec.seeker_id, { status: 'placed', updated_at: now });
    await jobsRepository.fillOne(trx, rec.job_id, now);
    await jobCounters.bumpPlacement(trx, rec.region_code, now);
  }

  private find(db: Executor, side: OutcomeSide, id: string) {
    return 'scope' in side
      ? recommendationsRepository.findInScope(db, side.scope, id)
      : recommendationsRepository.findOfContact(db, side.contactUserId, id);
  }

  async list(
    scope: Scope,
    query: {
      job?: string | undefined;
      seeker?: string | undefined;
      cursor?: string | undefined;
      limit: number;
    },
  ) {
    return pageById(query, (after) =>
      recommendationsRepository.list(this.ctx.database.db, scope, { ...query, after }),
    );
  }

  async listOfContact(userId: string, query: { cursor?: string | undefined; limit: number }) {
    return pageById(query, (after, limit) =>
      recommendationsRepository.ofContact(this.ctx.database.db, userId, after, limit),
    );
  }
}
