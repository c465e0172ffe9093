import { beforeAll, expect, it } from 'vitest';
import {
  fairDetailSchema,
  fairPageSchema,
  fairSchema,
  recommendationSchema,
} from '../../../shared/api/jobs.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import {
  bindContact,
  createEnterprise,
  createFair,
  createHousehold,
  jobBodyFor,
  postJob,
  registerSeeker,
  seekerBodyFor,
} from './testing.js';

describeEachDialect('job fairs: planning, who attends, the best seekers per job, results', (env) => {
  let admin = '';
  let secretary = '';
  let otherSecretary = '';
  let enterprise = '';
  let otherEnterprise = '';
  let job = '';
  let otherJob = '';
  let seekers: string[] = [];
  let outsideSeeker = '';
  let contact = { cookie: '', id: '' };

  const hours = (n: number) => new Date(env.now().getTime() + n * 3_600_000).toISOString();
  const good = () => ({
    kind: 'job_fair',
    title: '春风行动招聘会',
    place: '社区文化广场',
    regionCode: QINGNIAN,
    startsAt: hours(24),
    endsAt: hours(27),
  });

  beforeAll(async () => {
    admin = await env.loginAdmin();
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    otherSecretary = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
    enterprise = await createEnterprise(env, QINGNIAN, '青年机械厂');
    otherEnterprise = await createEnterprise(env, QINGNIAN, '青年食品厂');
    job = await postJob(env, admin, jobBodyFor(env, enterprise, QINGNIAN));
    otherJob = await postJob(env, admin, jobBodyFor(env, otherEnterprise, QINGNIAN, { title: '包装工' }));
    const h = await createHousehold(env, QINGNIAN, QINGNIAN, [
      { name: '张建国', gender: 'male', age: 45, tags: ['下岗失业'] },
      { name: '刘秀英', gender: 'female', age: 42, tags: ['失地农民'] },
      { name: '王强', gender: 'male', age: 30, tags: ['下岗失业'] },
    ]);
    seekers = [
      await registerSeeker(
        env,
        admin,
        seekerBodyFor(h.personIds[0]!, { skills: ['电工', '焊工', '叉车'], education: 'senior' }),
      ),
      await registerSeeker(env, admin, seekerBodyFor(h.personIds[1]!, { skills: ['缝纫'] })),
      await registerSeeker(env, admin, seekerBodyFor(h.personIds[2]!, { skills: ['电工'] })),
    ];
    const o = await createHousehold(env, SHANGHAI_XINCUN, SHANGHAI_XINCUN, [
      { name: '赵强', gender: 'male', age: 30, tags: ['下岗失业'] },
    ]);
    outsideSeeker = await registerSeeker(env, admin, seekerBodyFor(o.personIds[0]!));
    contact = await env.loginAs({ role: 'enterprise_contact', regionCode: QINGNIAN });
    await bindContact(env, admin, enterprise, contact.id);
  });

  it('refuses a bad fair, one field at a time, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ kind: 'party' }, 'kind'],
      [{ title: '' }, 'title'],
      [{ place: 'x'.repeat(201) }, 'place'],
      [{ regionCode: 'abc' }, 'regionCode'],
      [{ startsAt: '2026-13-01T09:00:00Z' }, 'startsAt'],
      [{ endsAt: hours(23) }, 'endsAt', '结束时间须晚于开始时间'],
      [{ seekerCapacity: 0 }, 'seekerCapacity'],
      [{ regionCode: SHANGHAI_XINCUN }, 'regionCode', '举办区域不在可管辖的区域内'],
    ];
    for (const [change, field, message] of cases) {
      const response = await env.inject('POST', '/api/job-fairs', {
        cookie: secretary,
        body: { ...good(), ...change },
      });
      expect(response.status, field).toBe(400);
      const named = response.error.fields?.find((f) => f.path === field);
      expect(named, field).toBeDefined();
      if (message) expect(named!.message, field).toBe(message);
    }
    const english = await env.inject('POST', '/api/job-fairs', {
      cookie: secretary,
      body: { ...good(), endsAt: hours(1) },
      headers: { 'accept-language': 'en' },
    });
    expect(english.error.fields?.[0]?.message).toBe('must be after the start');
    expect(await env.countRows('job_fairs')).toBe(0);
  });

  it('registers enterprises with their own open jobs only, and seekers of scope up to the capacity', async () => {
    const fair = await createFair(env, secretary, QINGNIAN, { seekerCapacity: 2 });
    const foreignJob = await env.inject('POST', `/api/job-fairs/${fair}/enterprises`, {
      cookie: secretary,
      body: { enterpriseId: enterprise, jobIds: [job, otherJob] },
    });
    expect(foreignJob.status).toBe(400);
    expect(foreignJob.error.fields?.[0]?.path).toBe('jobIds.1');
    expect(await env.countRows('job_fair_enterprises')).toBe(0);

    const byWorker = await env.inject('POST', `/api/job-fairs/${fair}/enterprises`, {
      cookie: secretary,
      body: { enterpriseId: otherEnterprise, jobIds: [otherJob] },
    });
    expect(byWorker.status).toBe(200);
    // The contact registers their own enterprise; another's is not theirs to register.
    const notOwn = await env.inject('POST', '/api/my-enterprise/job-fair-registrations', {
      cookie: contact.cookie,
      body: { fairId: fair, enterpriseId: otherEnterprise, jobIds: [] },
    });
    expect(notOwn.status).toBe(404);
    const listed = await env.inject('GET', '/api/my-enterprise/job-fairs', { cookie: contact.cookie });
    expect(listed.body(fairPageSchema).items.map((f) => f.id)).toContain(fair);
    const own = await env.inject('POST', '/api/my-enterprise/job-fair-registrations', {
      cookie: contact.cookie,
      body: { fairId: fair, enterpriseId: enterprise, jobIds: [job] },
    });
    expect(own.status).toBe(200);
    expect(own.body(fairSchema).enterprises).toBe(2);

    // Seekers: one of another community is outside the secretary's scope.
    const outside = await env.inject('POST', `/api/job-fairs/${fair}/seekers`, {
      cookie: secretary,
      body: { seekerId: outsideSeeker },
    });
    expect(outside.status).toBe(404);
    for (const seeker of [seekers[0], seekers[2]]) {
      const ok = await env.inject('POST', `/api/job-fairs/${fair}/seekers`, {
        cookie: secretary,
        body: { seekerId: seeker },
      });
      expect(ok.status).toBe(200);
    }
    const again = await env.inject('POST', `/api/job-fairs/${fair}/seekers`, {
      cookie: secretary,
      body: { seekerId: seekers[0] },
    });
    expect(again.status).toBe(409);
    const full = await env.inject('POST', `/api/job-fairs/${fair}/seekers`, {
      cookie: secretary,
      body: { seekerId: seekers[1] },
    });
    expect(full.status).toBe(409);
    expect(full.error.code).toBe('job.fair_full');
    const shrink = await env.inject('PATCH', `/api/job-fairs/${fair}`, {
      cookie: secretary,
      body: { seekerCapacity: 1 },
    });
    expect(shrink.status).toBe(400);
    expect(shrink.error.fields?.[0]?.path).toBe('seekerCapacity');

    // The fair's page: each job with its registered seekers, best first.
    const page = await env.inject('GET', `/api/job-fairs/${fair}`, { cookie: secretary });
    const detail = page.body(fairDetailSchema);
    const machines = detail.enterprises.find((e) => e.enterpriseId === enterprise)!;
    expect(machines.jobs.map((j) => j.job.id)).toEqual([job]);
    expect(machines.jobs[0]!.topSeekers.map((s) => s.seekerId)).toEqual([seekers[0], seekers[2]]);
    expect(machines.jobs[0]!.topSeekers[0]!.reasons.skillsMatched).toEqual(['电工', '焊工', '叉车']);
    expect(detail.seekers).toHaveLength(2);

    // Results: a recommendation made at the fair counts, with its interview and hire.
    const wrongFair = await env.inject('POST', '/api/job-recommendations', {
      cookie: secretary,
      body: { jobId: job, seekerId: seekers[1], fairId: await createFair(env, secretary, QINGNIAN) },
    });
    expect(wrongFair.status).toBe(400);
    expect(wrongFair.error.fields?.[0]?.path).toBe('fairId');
    const made = await env.inject('POST', '/api/job-recommendations', {
      cookie: secretary,
      body: { jobId: job, seekerId: seekers[0], fairId: fair },
    });
    expect(made.status).toBe(201);
    const rec = made.body(recommendationSchema);
    expect(rec.fairId).toBe(fair);
    await env.inject('POST', `/api/job-recommendations/${rec.id}/outcome`, {
      cookie: secretary,
      body: { outcome: 'interview', interviewAt: hours(48) },
    });
    const hired = await env.inject('POST', `/api/job-recommendations/${rec.id}/outcome`, {
      cookie: secretary,
      body: { outcome: 'hired' },
    });
    expect(hired.status).toBe(200);
    const after = (await env.inject('GET', `/api/job-fairs/${fair}`, { cookie: secretary })).body(
      fairDetailSchema,
    );
    expect(after.results).toEqual({ recommendations: 1, interviews: 1, hires: 1 });
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', fair)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'job.fair_created',
      'job.fair_enterprise_registered',
      'job.fair_enterprise_registered',
      'job.fair_seeker_registered',
      'job.fair_seeker_registered',
    ]);
  });

  it('keeps a fair inside its scope: another community answers 404 and does not list it', async () => {
    const fair = await createFair(env, secretary, QINGNIAN);
    for (const [method, url, body] of [
      ['GET', `/api/job-fairs/${fair}`, undefined],
      ['PATCH', `/api/job-fairs/${fair}`, { place: '礼堂' }],
      ['POST', `/api/job-fairs/${fair}/seekers`, { seekerId: outsideSeeker }],
      ['POST', `/api/job-fairs/${fair}/enterprises`, { enterpriseId: enterprise, jobIds: [] }],
    ] as const) {
      const response = await env.inject(method, url, { cookie: otherSecretary, ...(body ? { body } : {}) });
      expect(response.status, `${method} ${url}`).toBe(404);
    }
    const list = await env.inject('GET', '/api/job-fairs', { cookie: otherSecretary });
    expect(list.body(fairPageSchema).items.map((f) => f.id)).not.toContain(fair);
    const closed = await env.inject('PATCH', `/api/job-fairs/${fair}`, {
      cookie: secretary,
      body: { status: 'closed' },
    });
    expect(closed.body(fairSchema).status).toBe('closed');
    const late = await env.inject('POST', `/api/job-fairs/${fair}/seekers`, {
      cookie: secretary,
      body: { seekerId: seekers[1] },
    });
    expect(late.status).toBe(409);
    expect(late.error.code).toBe('job.fair_not_open');
  });
});
