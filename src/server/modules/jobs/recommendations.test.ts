import { beforeAll, expect, it } from 'vitest';
import {
  jobSchema,
  recommendationPageSchema,
  recommendationSchema,
  seekerDetailSchema,
} from '../../../shared/api/jobs.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { foldRollupDeltas } from '../cockpit/index.js';
import { loginIn } from '../member-workflows/testing.js';
import {
  createEnterprise,
  createHousehold,
  jobBodyFor,
  postJob,
  registerSeeker,
  seekerBodyFor,
} from './testing.js';

describeEachDialect('job recommendations: outcomes, refusals, placements', (env) => {
  let secretary = '';
  let contact = '';
  let enterprise = '';
  let grid = '';
  let building = '';

  beforeAll(async () => {
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    grid = await env.createRegion(QINGNIAN, 'grid', '推荐网格');
    building = await env.createRegion(grid, 'building', '1号楼');
    enterprise = await createEnterprise(env, QINGNIAN);
    const account = await loginIn(env, { role: 'enterprise_contact', regionCode: QINGNIAN });
    contact = account.cookie;
    const bound = await env.inject('POST', '/api/enterprise-contacts', {
      cookie: secretary,
      body: { enterpriseId: enterprise, userId: account.id },
    });
    expect(bound.status).toBe(200);
  });

  let people = 0;
  const newSeeker = async () => {
    people += 1;
    const h = await createHousehold(env, building, grid, [
      { name: `求职者${people}`, gender: 'female', age: 41, tags: ['下岗失业'] },
    ]);
    return registerSeeker(env, secretary, seekerBodyFor(h.personIds[0]!));
  };
  const newJob = (openings = 1) =>
    postJob(env, secretary, jobBodyFor(env, enterprise, grid, { openings, title: `岗位${people}` }));
  const recommend = async (jobId: string, seekerId: string) => {
    const response = await env.inject('POST', '/api/job-recommendations', {
      cookie: secretary,
      body: { jobId, seekerId },
    });
    return response;
  };
  const outcome = (id: string, body: unknown, cookie = contact, mine = true) =>
    env.inject(
      'POST',
      mine ? `/api/my-enterprise/recommendations/${id}/outcome` : `/api/job-recommendations/${id}/outcome`,
      {
        cookie,
        body,
      },
    );

  it('refuses bad input on the recommendation and outcome forms, per field', async () => {
    const job = await newJob();
    const seeker = await newSeeker();
    const cases: [unknown, string][] = [
      [{ jobId: 'x', seekerId: seeker }, 'jobId'],
      [{ jobId: job, seekerId: 7 }, 'seekerId'],
      [{ jobId: job, seekerId: seeker, note: 'x'.repeat(201) }, 'note'],
    ];
    for (const [body, field] of cases) {
      const response = await env.inject('POST', '/api/job-recommendations', { cookie: secretary, body });
      expect(
        response.error.fields?.map((f) => f.path),
        field,
      ).toContain(field);
    }
    const id = (await recommend(job, seeker)).body(recommendationSchema).id;
    const outcomes: [unknown, string, string?][] = [
      [{ outcome: 'promoted' }, 'outcome'],
      [{ outcome: 'interview' }, 'interviewAt', '请填写面试时间'],
      [{ outcome: 'interview', interviewAt: '明天上午' }, 'interviewAt'],
      [{ outcome: 'refused', cause: 'x'.repeat(201) }, 'cause'],
      [{ outcome: 'declined', note: 'x'.repeat(201) }, 'note'],
    ];
    for (const [body, field, message] of outcomes) {
      const response = await outcome(id, body);
      expect(response.status, field).toBe(400);
      const named = response.error.fields?.find((f) => f.path === field);
      expect(named, field).toBeDefined();
      if (message) expect(named!.message).toBe(message);
    }
    const twice = await recommend(job, seeker);
    expect(twice.error.code).toBe('job.already_recommended');
  });

  it('moves a recommendation through interview to a hire: the seeker is placed, the job filled, a placement counted', async () => {
    const job = await newJob(1);
    const seeker = await newSeeker();
    const other = await newSeeker();
    const rec = (await recommend(job, seeker)).body(recommendationSchema);
    expect(rec.status).toBe('recommended');
    const noShowEarly = await outcome(rec.id, { outcome: 'no_show' });
    expect(noShowEarly.status).toBe(409);
    expect(noShowEarly.error.code).toBe('job.illegal_outcome');
    const at = new Date(env.now().getTime() + 2 * 86_400_000).toISOString();
    const interview = await outcome(rec.id, { outcome: 'interview', interviewAt: at });
    expect(interview.body(recommendationSchema)).toMatchObject({ status: 'interviewing', decidedAt: null });
    const hired = await outcome(rec.id, { outcome: 'hired', note: '下周一报到' });
    expect(hired.body(recommendationSchema)).toMatchObject({ status: 'hired', note: '下周一报到' });
    expect((await outcome(rec.id, { outcome: 'declined' })).error.code).toBe('job.illegal_outcome');

    const filled = (await env.inject('GET', `/api/jobs/${job}`, { cookie: secretary })).body(jobSchema);
    expect(filled).toMatchObject({ filled: 1, status: 'filled' });
    const placed = (await env.inject('GET', `/api/job-seekers/${seeker}`, { cookie: secretary })).body(
      seekerDetailSchema,
    );
    expect(placed.seeker.status).toBe('placed');
    expect(placed.recommendations.map((r) => r.status)).toEqual(['hired']);
    expect((await recommend(job, other)).error.code).toBe('job.not_open');
    // A step writes counter deltas; the cockpit's folder adds them into region_rollups.
    await foldRollupDeltas(env.ctx);
    const rollup = await env.database.db
      .selectFrom('region_rollups')
      .select(['region_code', 'value'])
      .where('counter', '=', 'job.placements')
      .where('region_code', 'in', [DISTRICT, grid])
      .orderBy('region_code')
      .execute();
    expect(rollup.map((r) => [r.region_code, Number(r.value)])).toEqual([
      [DISTRICT, 1],
      [grid, 1],
    ]);
  });

  it('counts refusals without cause and flags the seeker at the third; a refusal with cause does not count', async () => {
    const seeker = await newSeeker();
    const refuse = async (cause?: string) => {
      const job = await newJob();
      const rec = (await recommend(job, seeker)).body(recommendationSchema);
      const body = cause === undefined ? { outcome: 'refused' } : { outcome: 'refused', cause };
      // The case worker records what the seeker said; the enterprise may record it too.
      const refused = await outcome(rec.id, body, secretary, false);
      expect(refused.body(recommendationSchema)).toMatchObject({
        status: 'refused',
        refusalCause: cause ?? '',
      });
    };
    const read = async () =>
      (await env.inject('GET', `/api/job-seekers/${seeker}`, { cookie: secretary })).body(seekerDetailSchema)
        .seeker;
    await refuse();
    await refuse('离家太远，孩子无人照看');
    await refuse();
    expect(await read()).toMatchObject({ refusalsWithoutCause: 2, flagged: false });
    await refuse();
    expect(await read()).toMatchObject({ refusalsWithoutCause: 3, flagged: true });
  });

  it('shows the enterprise only recommendations to it, and answers 404 for others’', async () => {
    const job = await newJob();
    const seeker = await newSeeker();
    const rec = (await recommend(job, seeker)).body(recommendationSchema);
    const mine = (await env.inject('GET', '/api/my-enterprise/recommendations', { cookie: contact })).body(
      recommendationPageSchema,
    );
    expect(mine.items.map((r) => r.id)).toContain(rec.id);
    expect(mine.items.every((r) => r.enterpriseId === enterprise)).toBe(true);
    expect(mine.items[0]!.seekerPhone).toContain('****');

    const stranger = (await loginIn(env, { role: 'enterprise_contact', regionCode: QINGNIAN })).cookie;
    expect((await outcome(rec.id, { outcome: 'declined' }, stranger)).status).toBe(404);
    const theirs = (await env.inject('GET', '/api/my-enterprise/recommendations', { cookie: stranger })).body(
      recommendationPageSchema,
    );
    expect(theirs.items).toEqual([]);
    const declined = await outcome(rec.id, { outcome: 'declined' });
    expect(declined.body(recommendationSchema).status).toBe('declined');
  });
});
