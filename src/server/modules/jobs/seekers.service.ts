import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type {
  Candidate,
  Seeker,
  SeekerGroup,
  seekerBody,
  updateSeekerBody,
} from '../../../shared/api/jobs.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import { pageById } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { ageOn, maskedContact } from '../register/index.js';
import { candidatesRepository, groupsOf, isMarked } from './candidates.repository.js';
import { toSeekerDto } from './jobs.dto.js';
import { recommendationsRepository } from './recommendations.repository.js';
import { type SeekerView, seekersRepository } from './seekers.repository.js';

export type SeekerInput = z.output<typeof seekerBody>;
export type SeekerChanges = z.output<typeof updateSeekerBody>;

/**
 * Seekers: candidates found from the register (see candidates.repository.ts for the rules) and
 * registrations (求职登记) made from a person in scope, with skills, wanted jobs, education,
 * expected pay, availability and a case worker.
 */
export class SeekersService {
  constructor(private readonly ctx: ServiceContext) {}

  private today() {
    return beijingDate(this.ctx.now());
  }

  /** Seekers as DTOs, with their groups worked out from the register in one query per page. */
  async present(views: readonly SeekerView[]): Promise<Seeker[]> {
    const marks = await candidatesRepository.marksOf(
      this.ctx.database.db,
      views.map((v) => v.person_id),
      this.today(),
    );
    const now = this.ctx.now();
    return views.map((v) => {
      const m = marks.get(v.person_id);
      return toSeekerDto(this.ctx.crypto, v, m ? groupsOf(m) : [], now);
    });
  }

  async register(scope: Scope, actor: AuditActor, input: SeekerInput): Promise<SeekerView> {
    const { db } = this.ctx.database;
    const id = uuidv7();
    await db.transaction().execute(async (trx) => {
      const person = await seekersRepository.personInScope(trx, scope, input.personId);
      if (person?.status !== 'active') throw notFound('job.person_not_found');
      if (await seekersRepository.ofPerson(trx, person.district_code, person.id))
        throw conflict('job.already_registered');
      if (
        input.caseWorkerId &&
        !(await seekersRepository.caseWorkerInDistrict(trx, person.district_code, input.caseWorkerId))
      )
        throw fieldError('caseWorkerId', 'job.unknown_case_worker');
      const now = this.ctx.now().toISOString();
      await seekersRepository.insert(
        trx,
        {
          id,
          district_code: person.district_code,
          region_code: person.region_code,
          person_id: person.id,
          skills: JSON.stringify(input.skills),
          wanted_jobs: JSON.stringify(input.wantedJobs),
          education: input.education,
          expected_salary_fen: input.expectedSalaryFen,
          availability: input.availability,
          case_worker_id: input.caseWorkerId,
          latitude: person.latitude,
          longitude: person.longitude,
          status: 'active',
          refusals_without_cause: 0,
          registered_on: this.today(),
          created_at: now,
          updated_at: now,
        },
        input.skills,
      );
      await this.ctx.audit.append(trx, actor, {
        action: 'job.seeker_registered',
        targetType: 'job_seeker',
        targetId: id,
        regionCode: person.region_code,
        summary: { personId: person.id, skills: input.skills },
      });
    });
    return (await seekersRepository.viewUnscoped(db, id))!;
  }

  async update(scope: Scope, actor: AuditActor, id: string, input: SeekerChanges): Promise<SeekerView> {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const seeker = await seekersRepository.findInScope(trx, scope, id);
      if (!seeker) throw notFound('job.seeker_not_found');
      if (
        input.caseWorkerId &&
        !(await seekersRepository.caseWorkerInDistrict(trx, seeker.district_code, input.caseWorkerId))
      )
        throw fieldError('caseWorkerId', 'job.unknown_case_worker');
      if (input.status && seeker.status === 'placed') throw conflict('job.seeker_placed');
      await seekersRepository.update(trx, id, {
        ...(input.skills !== undefined ? { skills: JSON.stringify(input.skills) } : {}),
        ...(input.wantedJobs !== undefined ? { wanted_jobs: JSON.stringify(input.wantedJobs) } : {}),
        ...(input.education !== undefined ? { education: input.education } : {}),
        ...(input.expectedSalaryFen !== undefined ? { expected_salary_fen: input.expectedSalaryFen } : {}),
        ...(input.availability !== undefined ? { availability: input.availability } : {}),
        ...(input.caseWorkerId !== undefined ? { case_worker_id: input.caseWorkerId } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        updated_at: this.ctx.now().toISOString(),
      });
      if (input.skills !== undefined)
        await seekersRepository.replaceSkills(trx, id, seeker.district_code, input.skills);
      await this.ctx.audit.append(trx, actor, {
        action: 'job.seeker_updated',
        targetType: 'job_seeker',
        targetId: id,
        regionCode: seeker.region_code,
        summary: { ...input },
      });
    });
    return (await seekersRepository.viewUnscoped(db, id))!;
  }

  async get(scope: Scope, id: string) {
    const { db } = this.ctx.database;
    if (!(await seekersRepository.findInScope(db, scope, id))) throw notFound('job.seeker_not_found');
    const [view, recommendations] = await Promise.all([
      seekersRepository.viewUnscoped(db, id),
      recommendationsRepository.list(db, scope, { seeker: id, limit: 200 }),
    ]);
    return { seeker: view!, recommendations };
  }

  async list(
    scope: Scope,
    query: {
      region?: string | undefined;
      q?: string | undefined;
      status?: SeekerView['status'] | undefined;
      cursor?: string | undefined;
      limit: number;
    },
  ) {
    const within = query.region ? scope.filteredTo(query.region) : scope;
    return pageById(query, (after) =>
      seekersRepository.list(this.ctx.database.db, within, { ...query, after }),
    );
  }

  /** Candidate seekers from the register, a page at a time (by person id). */
  async candidates(
    scope: Scope,
    query: {
      region?: string | undefined;
      group?: SeekerGroup | undefined;
      cursor?: string | undefined;
      limit: number;
    },
  ): Promise<{ items: Candidate[]; nextCursor: string | null }> {
    const { db } = this.ctx.database;
    const within = query.region ? scope.filteredTo(query.region) : scope;
    const result = await pageById(query, (after, limit) =>
      candidatesRepository.page(db, within, this.today(), { group: query.group, after, limit }),
    );
    const marks = await candidatesRepository.marksOf(
      db,
      result.items.map((r) => r.id),
      this.today(),
    );
    const now = this.ctx.now();
    return {
      nextCursor: result.nextCursor,
      items: result.items.map((r) => {
        const tags = marks.get(r.id)?.tags ?? [];
        const contact = maskedContact(this.ctx.crypto, r);
        return {
          personId: r.id,
          name: r.name,
          gender: r.gender,
          age: ageOn(r.birth_date, now),
          idNumber: contact.idNumber,
          phone: contact.phone,
          regionCode: r.region_code,
          tags,
          groups: groupsOf({
            tags,
            zeroEmployment: isMarked(r.zero_employment),
            age4050: isMarked(r.age_4050),
          }),
          seekerId: r.seeker_id,
        };
      }),
    };
  }
}
