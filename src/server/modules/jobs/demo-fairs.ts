import { beijingDate } from '../../../shared/beijing-time.js';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import type { ServiceContext } from '../../services.js';
import { FairsService } from './fairs.service.js';
import { jobsRepository } from './jobs.repository.js';
import { seekersRepository } from './seekers.repository.js';

const DAY = 86_400_000;

/**
 * The demo's job fairs in a street of the home district: a 春风行动 job fair next week with the
 * street's enterprises bringing their open jobs and twenty registered seekers, and a 农民办事大集
 * the week after, still being planned. Written through the service, as a case worker would.
 */
export async function buildDemoJobFairs(
  ctx: ServiceContext,
  district: string,
  street: string,
): Promise<void> {
  const { db, dialect } = ctx.database;
  const scope = new Scope([street], dialect);
  const fairs = new FairsService(ctx);
  const at = (days: number, hour: number) => {
    const day = new Date(ctx.now().getTime() + days * DAY).toISOString().slice(0, 10);
    return new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();
  };
  const spring = await fairs.create(scope, SYSTEM_ACTOR, '', {
    kind: 'job_fair',
    title: '春风行动专场招聘会',
    place: '街道文化广场',
    regionCode: street,
    startsAt: at(7, 9),
    endsAt: at(7, 12),
    seekerCapacity: 200,
  });
  await fairs.create(scope, SYSTEM_ACTOR, '', {
    kind: 'market',
    title: '农民办事大集（就业专区）',
    place: '街道便民服务中心',
    regionCode: street,
    startsAt: at(14, 8),
    endsAt: at(14, 11),
    seekerCapacity: null,
  });
  const today = beijingDate(ctx.now());
  const jobs = await jobsRepository.list(db, scope, { openOn: today, limit: 40 });
  const byEnterprise = new Map<string, string[]>();
  for (const job of jobs)
    byEnterprise.set(job.enterprise_id, [...(byEnterprise.get(job.enterprise_id) ?? []), job.id]);
  for (const [enterpriseId, jobIds] of [...byEnterprise].slice(0, 6))
    await fairs.registerEnterprise(scope, SYSTEM_ACTOR, '', spring.id, {
      enterpriseId,
      jobIds: jobIds.slice(0, 3),
    });
  const seekers = await seekersRepository.list(db, scope, { status: 'active', limit: 20 });
  for (const seeker of seekers.slice(0, 20))
    if (seeker.district_code === district)
      await fairs.registerSeeker(scope, SYSTEM_ACTOR, '', spring.id, seeker.id);
}
