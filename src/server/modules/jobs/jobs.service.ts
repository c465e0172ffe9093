import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { jobBody, updateJobBody } from '../../../shared/api/jobs.js';
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
import { jobAlertsRepository } from './job-alerts.repository.js';
import { listOf } from './jobs.dto.js';
import { type JobView, jobsRepository } from './jobs.repository.js';

export type JobInput = z.output<typeof jobBody>;
export type JobChanges = z.output<typeof updateJobBody>;

/**
 * Jobs (岗位): posted for an enterprise by staff with job.manage over it, or by the enterprise's
 * own contact (job.post, through the link in enterprise_contacts); read, changed and closed in
 * scope. An expired job (past its valid-until day) leaves the open list without a write.
 */
export class JobsService {
  constructor(private readonly ctx: ServiceContext) {}

  today(): string {
    return beijingDate(this.ctx.now());
  }

  /** Staff post for an enterprise in their scope, at a place in their scope. */
  async create(scope: Scope, actor: AuditActor, userId: string, input: JobInput): Promise<JobView> {
    const { db } = this.ctx.database;
    const enterprise = await jobsRepository.enterpriseInScope(db, scope, input.enterpriseId);
    if (!enterprise) throw notFound('job.enterprise_not_found');
    if (!scope.includes(input.regionCode)) throw fieldError('regionCode', 'job.unknown_region');
    return this.insert(enterprise, actor, userId, input);
  }

  /** An enterprise contact posts for their own enterprise, anywhere in its district. */
  async createAsContact(actor: AuditActor, userId: string, input: JobInput): Promise<JobView> {
    const { db } = this.ctx.database;
    const enterprise = await jobsRepository.enterpriseOfContact(db, userId, input.enterpriseId);
    if (!enterprise) throw notFound('job.enterprise_not_found');
    return this.insert(enterprise, actor, userId, input);
  }

  private async insert(enterprise: Enterprise, actor: AuditActor, userId: string, input: JobInput) {
    const { db } = this.ctx.database;
    if (districtOf(input.regionCode) !== enterprise.district_code)
      throw fieldError('regionCode', 'job.unknown_region');
    if (input.validUntil < this.today()) throw fieldError('validUntil', 'job.valid_until_past');
    const id = uuidv7();
    await db.transaction().execute(async (trx) => {
      if (!(await regionExists(trx, input.regionCode))) throw fieldError('regionCode', 'job.unknown_region');
      const now = this.ctx.now().toISOString();
      await jobsRepository.insert(
        trx,
        {
          id,
          district_code: enterprise.district_code,
          region_code: input.regionCode,
          enterprise_id: enterprise.id,
          title: input.title,
          description: input.description,
          openings: input.openings,
          filled: 0,
          skills: JSON.stringify(input.skills),
          education: input.education,
          salary_min_fen: input.salaryMinFen,
          salary_max_fen: input.salaryMaxFen,
          latitude: input.latitude ?? null,
          longitude: input.longitude ?? null,
          valid_until: input.validUntil,
          public_service: input.publicService ? 1 : 0,
          status: 'open',
          created_by: userId,
          created_at: now,
          updated_at: now,
        },
        input.skills,
      );
      // Text alerts to the seekers it fits are sent by the `job alerts` run (job-alerts.ts).
      await jobAlertsRepository.enqueue(trx, id, enterprise.district_code, now);
      await this.ctx.audit.append(trx, actor, {
        action: 'job.created',
        targetType: 'job',
        targetId: id,
        regionCode: input.regionCode,
        summary: { enterpriseId: enterprise.id, title: input.title, openings: input.openings },
      });
    });
    return (await jobsRepository.viewUnscoped(db, id))!;
  }

  async get(scope: Scope, id: string): Promise<JobView> {
    const { db } = this.ctx.database;
    if (!(await jobsRepository.findInScope(db, scope, id))) throw notFound('job.not_found');
    return (await jobsRepository.viewUnscoped(db, id))!;
  }

  async update(scope: Scope, actor: AuditActor, id: string, input: JobChanges): Promise<JobView> {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const job = await jobsRepository.findInScope(trx, scope, id);
      if (!job) throw notFound('job.not_found');
      const min = input.salaryMinFen ?? job.salary_min_fen;
      const max = input.salaryMaxFen ?? job.salary_max_fen;
      if (max < min) throw fieldError('salaryMaxFen', 'job.salary_range');
      const openings = input.openings ?? job.openings;
      if (openings < job.filled) throw fieldError('openings', 'job.openings_below_filled');
      if (input.validUntil !== undefined && input.validUntil < this.today())
        throw fieldError('validUntil', 'job.valid_until_past');
      if (input.status === 'open' && openings <= job.filled) throw conflict('job.no_openings_left');
      const status = input.status ?? (job.status === 'filled' && openings > job.filled ? 'open' : job.status);
      await jobsRepository.update(trx, id, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.skills !== undefined ? { skills: JSON.stringify(input.skills) } : {}),
        ...(input.education !== undefined ? { education: input.education } : {}),
        ...(input.validUntil !== undefined ? { valid_until: input.validUntil } : {}),
        ...(input.publicService !== undefined ? { public_service: input.publicService ? 1 : 0 } : {}),
        openings,
        salary_min_fen: min,
        salary_max_fen: max,
        status,
        updated_at: this.ctx.now().toISOString(),
      });
      if (input.skills !== undefined)
        await jobsRepository.replaceSkills(trx, id, job.district_code, input.skills);
      // A job open again is alerted again: only seekers not texted about it before (job-alerts.ts).
      if (status === 'open' && job.status !== 'open')
        await jobAlertsRepository.enqueue(trx, id, job.district_code, this.ctx.now().toISOString());
      await this.ctx.audit.append(trx, actor, {
        action: 'job.updated',
        targetType: 'job',
        targetId: id,
        regionCode: job.region_code,
        summary: { ...input },
      });
    });
    return (await jobsRepository.viewUnscoped(db, id))!;
  }

  async list(
    scope: Scope,
    query: {
      region?: string | undefined;
      enterprise?: string | undefined;
      q?: string | undefined;
      state?: 'open' | 'all' | undefined;
      cursor?: string | undefined;
      limit: number;
    },
  ) {
    const within = query.region ? scope.filteredTo(query.region) : scope;
    return pageById(query, (after, limit) =>
      jobsRepository.list(this.ctx.database.db, within, {
        q: query.q,
        enterprise: query.enterprise,
        openOn: (query.state ?? 'open') === 'open' ? this.today() : undefined,
        after,
        limit: limit,
      }),
    );
  }

  async listOfContact(userId: string, query: { cursor?: string | undefined; limit: number }) {
    return pageById(query, (after, limit) =>
      jobsRepository.ofContact(this.ctx.database.db, userId, after, limit),
    );
  }

  enterprisesOfContact(userId: string) {
    return jobsRepository.enterprisesOfContact(this.ctx.database.db, userId);
  }

  /** Binds an enterprise-contact account to an enterprise, both in scope. */
  async linkContact(scope: Scope, actor: AuditActor, input: { enterpriseId: string; userId: string }) {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const enterprise = await jobsRepository.enterpriseInScope(trx, scope, input.enterpriseId);
      if (!enterprise) throw notFound('job.enterprise_not_found');
      if (!(await jobsRepository.contactAccountInScope(trx, scope, input.userId)))
        throw fieldError('userId', 'job.unknown_contact');
      await jobsRepository.linkContact(trx, {
        user_id: input.userId,
        enterprise_id: enterprise.id,
        district_code: enterprise.district_code,
        created_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'job.contact_linked',
        targetType: 'enterprise',
        targetId: enterprise.id,
        regionCode: enterprise.region_code,
        summary: { userId: input.userId },
      });
    });
    const enterprise = await jobsRepository.enterpriseInScope(db, scope, input.enterpriseId);
    return { userId: input.userId, enterpriseId: enterprise!.id, enterpriseName: enterprise!.name };
  }

  skillsOf(job: JobView): string[] {
    return listOf(job.skills);
  }
}

/** Unscoped by design: the code was checked against the scope or the enterprise's district first. */
async function regionExists(db: Executor, code: string) {
  return (await regionsRepository.findUnscoped(db, code)) !== undefined;
}
