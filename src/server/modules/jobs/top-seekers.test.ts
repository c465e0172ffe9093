import { beforeAll, expect, it } from 'vitest';
import { Scope } from '../../auth/scope.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { jobsRepository } from './jobs.repository.js';
import {
  createEnterprise,
  createHousehold,
  jobBodyFor,
  postJob,
  registerSeeker,
  seekerBodyFor,
} from './testing.js';
import { fullScanSeekers, topSeekers } from './top-seekers.js';

const SKILLS = ['电工', '焊工', '叉车', '缝纫', '厨师', '保洁'];
const EDUCATION = ['junior', 'senior', 'college'] as const;

/**
 * A fixed fixture of 48 seekers over two communities with every mix of skills, education, pay and
 * a 零就业家庭 or not: the exact top-N path must list the same seekers with the same scores, in the
 * same order, as scoring everybody.
 */
describeEachDialect('matching: the top-N path equals the full scan', (env) => {
  let admin = '';
  const jobs: string[] = [];

  beforeAll(async () => {
    admin = await env.loginAdmin();
    const enterprise = await createEnterprise(env, QINGNIAN);
    jobs.push(await postJob(env, admin, jobBodyFor(env, enterprise, QINGNIAN)));
    jobs.push(
      await postJob(
        env,
        admin,
        jobBodyFor(env, enterprise, SHANGHAI_XINCUN, { skills: ['缝纫', '厨师'], education: 'junior' }),
      ),
    );
    jobs.push(
      await postJob(
        env,
        admin,
        jobBodyFor(env, enterprise, QINGNIAN, { skills: ['保洁'], salaryMaxFen: 350_000 }),
      ),
    );
    jobs.push(await postJob(env, admin, jobBodyFor(env, enterprise, QINGNIAN, { skills: [] })));
    for (let i = 0; i < 24; i += 1) {
      const community = i % 3 === 0 ? SHANGHAI_XINCUN : QINGNIAN;
      // Even households: both members jobless, a 零就业家庭 (+5); odd ones have an employed spouse.
      const people =
        i % 2 === 0
          ? [
              { name: `甲${i}`, gender: 'male' as const, age: 30 + i, tags: ['下岗失业'] },
              { name: `乙${i}`, gender: 'female' as const, age: 28 + (i % 20), tags: ['失地农民'] },
            ]
          : [
              { name: `甲${i}`, gender: 'male' as const, age: 30 + i, tags: ['下岗失业'] },
              { name: `乙${i}`, gender: 'female' as const, age: 28 + (i % 20) },
            ];
      const h = await createHousehold(env, community, community, people);
      for (const [j, personId] of h.personIds.entries()) {
        const n = i * 2 + j;
        const skills = SKILLS.filter((_, s) => (n >> s) % 2 === 1 || (n + s) % 5 === 0).slice(0, 4);
        await registerSeeker(
          env,
          admin,
          seekerBodyFor(personId, {
            skills,
            education: EDUCATION[n % 3],
            expectedSalaryFen: n % 4 === 0 ? null : 250_000 + (n % 7) * 50_000,
          }),
        );
      }
    }
  });

  it('lists the same seekers, scores and order for every job and size, reading fewer for a narrow job', async () => {
    const db = env.database.db;
    const scope = new Scope(['230108'], env.database.dialect);
    const today = env.now().toISOString().slice(0, 10);
    let pruned = false;
    for (const id of jobs) {
      const job = (await jobsRepository.viewUnscoped(db, id))!;
      for (const limit of [1, 5, 20]) {
        const top = await topSeekers(db, scope, job, limit, today);
        const full = await fullScanSeekers(db, scope, job, limit, today);
        const shape = (r: typeof top) => r.ranked.map((s) => `${s.id}:${s.scored.score}`);
        expect(shape(top), `${job.title} ${job.skills} top ${limit}`).toEqual(shape(full));
        expect(top.ranked.length).toBe(full.ranked.length);
        if (top.scored < full.scored) pruned = true;
      }
    }
    expect(pruned).toBe(true);
  });
});
