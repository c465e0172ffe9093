import type { JobMatch, SeekerMatch } from '../../../shared/api/jobs.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import { notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { candidatesRepository } from './candidates.repository.js';
import { listOf, toJobDto } from './jobs.dto.js';
import { type JobView, jobsRepository } from './jobs.repository.js';
import { byFit, type JobSide, type SeekerSide, scoreMatch } from './matching.js';
import { recommendationsRepository } from './recommendations.repository.js';
import { type SeekerView, seekersRepository } from './seekers.repository.js';
import type { SeekersService } from './seekers.service.js';
import { topSeekers } from './top-seekers.js';

/** How many jobs the SQL prefilter hands to scoring for a seeker: enough for a top list. */
export const PREFILTER = 500;

const jobSide = (j: JobView): JobSide => ({
  skills: listOf(j.skills),
  education: j.education,
  salaryMaxFen: j.salary_max_fen,
  regionCode: j.region_code,
  latitude: j.latitude === null ? null : Number(j.latitude),
  longitude: j.longitude === null ? null : Number(j.longitude),
});

const seekerSide = (s: SeekerView, priority: boolean): SeekerSide => ({
  skills: listOf(s.skills),
  education: s.education,
  expectedSalaryFen: s.expected_salary_fen,
  regionCode: s.region_code,
  latitude: s.latitude === null ? null : Number(s.latitude),
  longitude: s.longitude === null ? null : Number(s.longitude),
  priority,
});

/**
 * Matching both ways: seekers for a job (among the caller's seekers) and jobs for a seeker (among
 * the caller's jobs). Seekers for a job: the exact top N (top-seekers.ts); jobs for a seeker: the
 * jobs sharing most skills, from SQL on job_skills, then scored.
 */
export class MatchingService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly seekers: SeekersService,
  ) {}

  async seekersForJob(scope: Scope, jobId: string, limit: number): Promise<SeekerMatch[]> {
    const { db } = this.ctx.database;
    if (!(await jobsRepository.findInScope(db, scope, jobId))) throw notFound('job.not_found');
    const job = (await jobsRepository.viewUnscoped(db, jobId))!;
    const { ranked } = await topSeekers(db, scope, job, limit, beijingDate(this.ctx.now()));
    const statuses = await recommendationsRepository.statusesOf(db, {
      jobIds: [jobId],
      seekerIds: ranked.map((r) => r.id),
    });
    const dtos = await this.seekers.present(ranked.map((r) => r.view));
    return ranked.map((r, i) => ({
      seeker: dtos[i]!,
      score: r.scored.score,
      reasons: r.scored.reasons,
      recommendation: statuses.get(`${jobId}|${r.id}`) ?? null,
    }));
  }

  async jobsForSeeker(scope: Scope, seekerId: string, limit: number): Promise<JobMatch[]> {
    const { db } = this.ctx.database;
    if (!(await seekersRepository.findInScope(db, scope, seekerId))) throw notFound('job.seeker_not_found');
    const seeker = (await seekersRepository.viewUnscoped(db, seekerId))!;
    const today = beijingDate(this.ctx.now());
    const marks = await candidatesRepository.marksOf(db, [seeker.person_id], today);
    const side = seekerSide(seeker, marks.get(seeker.person_id)?.zeroEmployment ?? false);
    const found = await jobsRepository.candidatesForSeeker(
      db,
      scope,
      seeker.district_code,
      side.skills,
      today,
      PREFILTER,
    );
    const ranked = found
      .map((j) => ({ id: j.id, view: j, scored: scoreMatch(jobSide(j), side) }))
      .sort(byFit)
      .slice(0, limit);
    const statuses = await recommendationsRepository.statusesOf(db, {
      jobIds: ranked.map((r) => r.id),
      seekerIds: [seekerId],
    });
    return ranked.map((r) => ({
      job: toJobDto(r.view, today),
      score: r.scored.score,
      reasons: r.scored.reasons,
      recommendation: statuses.get(`${r.id}|${seekerId}`) ?? null,
    }));
  }
}
