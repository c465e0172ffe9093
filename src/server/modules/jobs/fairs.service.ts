import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { fairBody, fairEnterpriseBody, updateFairBody } from '../../../shared/api/jobs.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import { districtOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { Enterprise } from '../../db/tables.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import { pageById } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { regionsRepository } from '../regions/index.js';
import { candidatesRepository } from './candidates.repository.js';
import { type FairRow, type FairView, fairsRepository } from './fairs.repository.js';
import { type JobView, jobsRepository } from './jobs.repository.js';
import { byFit, scoreMatch } from './matching.js';
import { recommendationsRepository } from './recommendations.repository.js';
import { type SeekerView, seekersRepository } from './seekers.repository.js';
import { jobSideOf, type RankedSeeker, seekerSideOf } from './top-seekers.js';

export type FairInput = z.output<typeof fairBody>;
export type FairChanges = z.output<typeof updateFairBody>;
export type FairEnterpriseInput = z.output<typeof fairEnterpriseBody>;

/** How many registered seekers a fair's page shows under each job. */
export const FAIR_TOP_SEEKERS = 5;

export interface FairDetailView {
  fair: FairView;
  enterprises: { id: string; name: string; jobs: { job: JobView; top: RankedSeeker[] }[] }[];
  seekers: SeekerView[];
  statuses: Map<string, string>;
  results: { recommendations: number; interviews: number; hires: number };
}

const open = (fair: FairRow) => fair.status === 'planned' || fair.status === 'open';

/**
 * Job fairs (招聘会) and farmers' service markets (农民办事大集): held in a region (the fair's
 * scope), attended by enterprises with the jobs they bring, registered by a case worker in scope
 * or by the enterprise's own contact, and by seekers a case worker registers (up to the capacity).
 * A fair's page ranks its registered seekers for each job it has (matching.ts); recommendations
 * made there name the fair, which counts them, their interviews and hires as its results.
 */
export class FairsService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(scope: Scope, actor: AuditActor, userId: string, input: FairInput): Promise<FairView> {
    const { db } = this.ctx.database;
    if (!scope.includes(input.regionCode)) throw fieldError('regionCode', 'job.fair_unknown_region');
    const id = uuidv7();
    await db.transaction().execute(async (trx) => {
      if (!(await regionsRepository.findUnscoped(trx, input.regionCode)))
        throw fieldError('regionCode', 'job.fair_unknown_region');
      const now = this.ctx.now().toISOString();
      await fairsRepository.insert(trx, {
        id,
        district_code: districtOf(input.regionCode),
        region_code: input.regionCode,
        kind: input.kind,
        title: input.title,
        place: input.place,
        starts_at: new Date(input.startsAt).toISOString(),
        ends_at: new Date(input.endsAt).toISOString(),
        status: 'planned',
        seeker_capacity: input.seekerCapacity,
        created_by: userId || null,
        created_at: now,
        updated_at: now,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'job.fair_created',
        targetType: 'job_fair',
        targetId: id,
        regionCode: input.regionCode,
        summary: { kind: input.kind, title: input.title, startsAt: input.startsAt },
      });
    });
    return (await fairsRepository.viewUnscoped(db, id))!;
  }

  async update(scope: Scope, actor: AuditActor, id: string, input: FairChanges): Promise<FairView> {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const fair = await fairsRepository.findInScope(trx, scope, id);
      if (!fair) throw notFound('job.fair_not_found');
      const startsAt = input.startsAt ? new Date(input.startsAt).toISOString() : fair.starts_at;
      const endsAt = input.endsAt ? new Date(input.endsAt).toISOString() : fair.ends_at;
      if (Date.parse(endsAt) <= Date.parse(startsAt))
        throw fieldError('endsAt', 'job.fair_ends_before_start');
      if (
        input.seekerCapacity !== undefined &&
        input.seekerCapacity !== null &&
        input.seekerCapacity < (await fairsRepository.seekerCount(trx, id))
      )
        throw fieldError('seekerCapacity', 'job.fair_capacity_below');
      await fairsRepository.update(trx, id, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.place !== undefined ? { place: input.place } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.seekerCapacity !== undefined ? { seeker_capacity: input.seekerCapacity } : {}),
        starts_at: startsAt,
        ends_at: endsAt,
        updated_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'job.fair_updated',
        targetType: 'job_fair',
        targetId: id,
        regionCode: fair.region_code,
        summary: { ...input },
      });
    });
    return (await fairsRepository.viewUnscoped(db, id))!;
  }

  async list(
    scope: Scope,
    query: {
      region?: string | undefined;
      status?: FairRow['status'] | undefined;
      cursor?: string | undefined;
      limit: number;
    },
  ) {
    const within = query.region ? scope.filteredTo(query.region) : scope;
    return pageById(query, (after, limit) =>
      fairsRepository.list(this.ctx.database.db, within, { status: query.status, after, limit }),
    );
  }

  async listForContact(userId: string, query: { cursor?: string | undefined; limit: number }) {
    return pageById(query, (after, limit) =>
      fairsRepository.openToContact(this.ctx.database.db, userId, after, limit),
    );
  }

  /** A case worker registers an enterprise of their scope, with jobs it brings. */
  async registerEnterprise(
    scope: Scope,
    actor: AuditActor,
    userId: string,
    fairId: string,
    input: FairEnterpriseInput,
  ): Promise<FairView> {
    return this.attend(actor, userId, fairId, input, async (trx) => ({
      fair: await fairsRepository.findInScope(trx, scope, fairId),
      enterprise: await jobsRepository.enterpriseInScope(trx, scope, input.enterpriseId),
    }));
  }

  /** An enterprise's contact registers their own enterprise for a fair held over its place. */
  async registerOwnEnterprise(
    actor: AuditActor,
    userId: string,
    fairId: string,
    input: FairEnterpriseInput,
  ): Promise<FairView> {
    return this.attend(actor, userId, fairId, input, async (trx) => {
      const enterprise = await jobsRepository.enterpriseOfContact(trx, userId, input.enterpriseId);
      const fair = await fairsRepository.findUnscoped(trx, fairId);
      // A fair not held over the enterprise's place is none of the contact's business: it does not
      // exist for them (the same rule as their list of fairs).
      const reaches = fair && enterprise?.region_code.startsWith(fair.region_code);
      return { fair: reaches ? fair : undefined, enterprise };
    });
  }

  private async attend(
    actor: AuditActor,
    userId: string,
    fairId: string,
    input: FairEnterpriseInput,
    find: (trx: Executor) => Promise<{ fair: FairRow | undefined; enterprise: Enterprise | undefined }>,
  ): Promise<FairView> {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const { fair, enterprise } = await find(trx);
      if (!fair) throw notFound('job.fair_not_found');
      if (!enterprise) throw notFound('job.enterprise_not_found');
      if (enterprise.district_code !== fair.district_code)
        throw fieldError('enterpriseId', 'job.fair_other_district');
      if (!open(fair)) throw conflict('job.fair_not_open');
      const today = beijingDate(this.ctx.now());
      for (const [i, jobId] of input.jobIds.entries()) {
        const job = await jobsRepository.viewUnscoped(trx, jobId);
        if (!job || job.enterprise_id !== enterprise.id || job.status !== 'open' || job.valid_until < today)
          throw fieldError(`jobIds.${i}`, 'job.fair_job_not_open');
      }
      const now = this.ctx.now().toISOString();
      await fairsRepository.addEnterprise(trx, {
        fair_id: fair.id,
        enterprise_id: enterprise.id,
        district_code: fair.district_code,
        registered_by: userId || null,
        created_at: now,
      });
      await fairsRepository.addJobs(
        trx,
        input.jobIds.map((jobId) => ({
          fair_id: fair.id,
          job_id: jobId,
          enterprise_id: enterprise.id,
          district_code: fair.district_code,
        })),
      );
      await this.ctx.audit.append(trx, actor, {
        action: 'job.fair_enterprise_registered',
        targetType: 'job_fair',
        targetId: fair.id,
        regionCode: fair.region_code,
        summary: { enterpriseId: enterprise.id, jobIds: input.jobIds },
      });
    });
    return (await fairsRepository.viewUnscoped(db, fairId))!;
  }

  /** A case worker registers a seeker of their scope, while the fair has places. */
  async registerSeeker(
    scope: Scope,
    actor: AuditActor,
    userId: string,
    fairId: string,
    seekerId: string,
  ): Promise<FairView> {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const fair = await fairsRepository.findInScope(trx, scope, fairId);
      if (!fair) throw notFound('job.fair_not_found');
      const seeker = await seekersRepository.findInScope(trx, scope, seekerId);
      if (!seeker) throw notFound('job.seeker_not_found');
      if (seeker.district_code !== fair.district_code)
        throw fieldError('seekerId', 'job.fair_other_district');
      if (!open(fair)) throw conflict('job.fair_not_open');
      if (seeker.status !== 'active') throw conflict('job.seeker_not_active');
      if (await fairsRepository.hasSeeker(trx, fairId, seekerId))
        throw conflict('job.fair_already_registered');
      if (
        fair.seeker_capacity !== null &&
        (await fairsRepository.seekerCount(trx, fairId)) >= fair.seeker_capacity
      )
        throw conflict('job.fair_full');
      await fairsRepository.addSeeker(trx, {
        fair_id: fairId,
        seeker_id: seekerId,
        district_code: fair.district_code,
        registered_by: userId || null,
        created_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'job.fair_seeker_registered',
        targetType: 'job_fair',
        targetId: fairId,
        regionCode: fair.region_code,
        summary: { seekerId },
      });
    });
    return (await fairsRepository.viewUnscoped(db, fairId))!;
  }

  /**
   * A fair's page: its enterprises with the jobs they brought and, under each job, the registered
   * seekers that fit it best (every registered seeker scored: a fair has hundreds at most).
   */
  async detail(scope: Scope, id: string): Promise<FairDetailView> {
    const { db } = this.ctx.database;
    if (!(await fairsRepository.findInScope(db, scope, id))) throw notFound('job.fair_not_found');
    const fair = (await fairsRepository.viewUnscoped(db, id))!;
    const [enterprises, jobs, seekers, results] = await Promise.all([
      fairsRepository.enterprisesOf(db, id),
      fairsRepository.jobIdsOf(db, id).then((ids) => jobsRepository.viewsUnscoped(db, ids)),
      fairsRepository.seekerIdsOf(db, id).then((ids) => seekersRepository.viewsUnscoped(db, ids)),
      fairsRepository.results(db, id),
    ]);
    const marks = await candidatesRepository.marksOf(
      db,
      seekers.map((s) => s.person_id),
      beijingDate(this.ctx.now()),
    );
    const active = seekers.filter((s) => s.status === 'active');
    const ranked = new Map<string, RankedSeeker[]>();
    for (const job of jobs) {
      const side = jobSideOf(job);
      ranked.set(
        job.id,
        active
          .map((view) => ({
            id: view.id,
            view,
            scored: scoreMatch(side, seekerSideOf(view, marks.get(view.person_id)?.zeroEmployment ?? false)),
          }))
          .sort(byFit)
          .slice(0, FAIR_TOP_SEEKERS),
      );
    }
    const statuses = await recommendationsRepository.statusesOf(db, {
      jobIds: jobs.map((j) => j.id),
      seekerIds: seekers.map((s) => s.id),
    });
    return {
      fair,
      enterprises: enterprises.map((e) => ({
        id: e.id,
        name: e.name,
        jobs: jobs
          .filter((j) => j.enterprise_id === e.id)
          .map((job) => ({ job, top: ranked.get(job.id) ?? [] })),
      })),
      seekers,
      statuses,
      results,
    };
  }
}
