import { beforeAll, describe, expect, it } from 'vitest';
import { jobMatchListSchema, seekerMatchListSchema } from '../../../shared/api/jobs.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { scoreMatch } from './matching.js';
import {
  createEnterprise,
  createHousehold,
  jobBodyFor,
  postJob,
  registerSeeker,
  seekerBodyFor,
} from './testing.js';

describeEachDialect('job matching: ranked seekers and jobs with their reasons', (env) => {
  let admin = '';
  let secretary = '';
  let job = '';
  const seekers: Record<string, string> = {};

  beforeAll(async () => {
    admin = await env.loginAdmin();
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    const g1 = await env.createRegion(QINGNIAN, 'grid', '一网格');
    const b1 = await env.createRegion(g1, 'building', '1号楼');
    const g2 = await env.createRegion(QINGNIAN, 'grid', '二网格');
    const b2 = await env.createRegion(g2, 'building', '2号楼');
    const enterprise = await createEnterprise(env, QINGNIAN);
    job = await postJob(env, admin, jobBodyFor(env, enterprise, g1));
    // S1 张 (零就业家庭), same grid: 电工 焊工, junior, 4,000 yuan.
    const a = await createHousehold(env, b1, g1, [
      { name: '张建国', gender: 'male', age: 45, tags: ['下岗失业'] },
      { name: '刘秀英', gender: 'female', age: 42, tags: ['失地农民'] },
    ]);
    seekers.zhang = await registerSeeker(
      env,
      admin,
      seekerBodyFor(a.personIds[0]!, { skills: ['电工', '焊工'] }),
    );
    // S3 刘 (same household), same grid: 叉车, senior, no expectation.
    seekers.liu = await registerSeeker(
      env,
      admin,
      seekerBodyFor(a.personIds[1]!, { skills: ['叉车'], education: 'senior', expectedSalaryFen: null }),
    );
    // S2 李, other grid of the community: every skill, senior, 4,500 yuan.
    // (Each with an employed spouse: no 零就业家庭 there.)
    const b = await createHousehold(env, b2, g2, [
      { name: '李明', gender: 'male', age: 35, tags: ['下岗失业'] },
      { name: '王芳', gender: 'female', age: 33 },
    ]);
    seekers.li = await registerSeeker(
      env,
      admin,
      seekerBodyFor(b.personIds[0]!, {
        skills: ['电工', '焊工', '叉车'],
        education: 'senior',
        expectedSalaryFen: 450_000,
      }),
    );
    // S4 赵, another community of the street: every skill, bachelor, 3,000 yuan.
    const c = await createHousehold(env, SHANGHAI_XINCUN, SHANGHAI_XINCUN, [
      { name: '赵强', gender: 'male', age: 30 },
      { name: '孙丽', gender: 'female', age: 30 },
    ]);
    seekers.zhao = await registerSeeker(
      env,
      admin,
      seekerBodyFor(c.personIds[0]!, {
        skills: ['叉车', '焊工', '电工'],
        education: 'bachelor',
        expectedSalaryFen: 300_000,
      }),
    );
    // S5 周, a cook: shares no skill, so the prefilter never hands them to scoring.
    const d = await createHousehold(env, b2, g2, [{ name: '周厨', gender: 'female', age: 38 }]);
    seekers.zhou = await registerSeeker(env, admin, seekerBodyFor(d.personIds[0]!, { skills: ['厨师'] }));
  });

  it('ranks seekers for a job by skills, distance, salary and education, and says why', async () => {
    const ranked = (await env.inject('GET', `/api/jobs/${job}/matches`, { cookie: admin })).body(
      seekerMatchListSchema,
    );
    expect(ranked.items.map((m) => [m.seeker.name, m.score])).toEqual([
      ['李明', 93],
      ['赵强', 85],
      ['张建国', 78],
      ['刘秀英', 72],
    ]);
    const [li, zhao, zhang, liu] = ranked.items;
    expect(li!.reasons).toEqual({
      skillsMatched: ['电工', '焊工', '叉车'],
      skillsMissing: [],
      distance: { level: 'community', meters: null },
      salary: 'fits',
      education: 'meets',
      priority: false,
    });
    expect(zhao!.reasons.distance.level).toBe('street');
    expect(zhang!.reasons).toMatchObject({
      skillsMatched: ['电工', '焊工'],
      skillsMissing: ['叉车'],
      distance: { level: 'grid' },
      education: 'below',
      priority: true,
    });
    expect(zhang!.seeker.groups).toContain('zero_employment');
    expect(liu!.reasons).toMatchObject({
      skillsMissing: ['电工', '焊工'],
      salary: 'unknown',
      priority: true,
    });
    expect(ranked.items.map((m) => m.seeker.id)).not.toContain(seekers.zhou);
  });

  it('ranks only the seekers in the caller’s scope, and not at all for a job outside it', async () => {
    const ranked = (await env.inject('GET', `/api/jobs/${job}/matches?limit=2`, { cookie: secretary })).body(
      seekerMatchListSchema,
    );
    expect(ranked.items.map((m) => m.seeker.name)).toEqual(['李明', '张建国']);
    const other = await createEnterprise(env, SHANGHAI_XINCUN, '上海新村超市');
    const theirs = await postJob(env, admin, jobBodyFor(env, other, SHANGHAI_XINCUN));
    expect((await env.inject('GET', `/api/jobs/${theirs}/matches`, { cookie: secretary })).status).toBe(404);
    const limit = await env.inject('GET', `/api/jobs/${job}/matches?limit=500`, { cookie: secretary });
    expect(limit.error.fields?.[0]?.path).toBe('querystring.limit');
  });

  it('ranks open jobs for a seeker, the reverse way', async () => {
    const enterprise = await createEnterprise(env, QINGNIAN, '青年保洁公司');
    const cleaning = await postJob(
      env,
      admin,
      jobBodyFor(env, enterprise, QINGNIAN, { title: '保洁员', skills: ['保洁'], education: 'none' }),
    );
    const driving = await postJob(
      env,
      admin,
      jobBodyFor(env, enterprise, QINGNIAN, { title: '叉车司机', skills: ['叉车'], education: 'junior' }),
    );
    const ranked = (
      await env.inject('GET', `/api/job-seekers/${seekers.li}/matches`, { cookie: admin })
    ).body(jobMatchListSchema);
    const ids = ranked.items.map((m) => m.job.id);
    // Both score 93 (all skills asked, same community, pay and education fit): more skills first.
    expect(ranked.items.slice(0, 2).map((m) => [m.job.id, m.score])).toEqual([
      [job, 93],
      [driving, 93],
    ]);
    expect(ids).not.toContain(cleaning);
    expect(ranked.items[1]!.reasons.skillsMatched).toEqual(['叉车']);
    expect(
      (await env.inject('GET', `/api/job-seekers/${seekers.zhao}/matches`, { cookie: secretary })).status,
    ).toBe(404);
  });
});

describe('scoreMatch: coordinates decide the distance when both sides have them', () => {
  const job = {
    skills: ['电工'],
    education: 'junior' as const,
    salaryMaxFen: 500_000,
    regionCode: '23010800100201',
    latitude: 45.6,
    longitude: 126.6,
  };
  const seeker = {
    skills: ['电工'],
    education: 'senior' as const,
    expectedSalaryFen: 600_000,
    regionCode: '230108002001',
    latitude: 45.605,
    longitude: 126.6,
    priority: false,
  };

  it('uses the straight line (about 556 m: same-grid points) over the region codes', () => {
    const scored = scoreMatch(job, seeker);
    expect(scored.reasons.distance.level).toBe('grid');
    expect(scored.reasons.distance.meters).toBeGreaterThan(500);
    expect(scored.reasons.distance.meters).toBeLessThan(600);
    expect(scored.reasons.salary).toBe('above_range');
    expect(scored.score).toBe(50 + 25 + 0 + 10);
  });

  it('falls back to the region tree without coordinates', () => {
    const scored = scoreMatch({ ...job, latitude: null, longitude: null }, seeker);
    expect(scored.reasons.distance).toEqual({ level: 'district', meters: null });
  });
});
