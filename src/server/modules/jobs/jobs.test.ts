import { beforeAll, expect, it } from 'vitest';
import { contactSchema, jobPageSchema, jobSchema } from '../../../shared/api/jobs.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { loginIn } from '../member-workflows/testing.js';
import { importCountyRegions } from '../regions/index.js';
import { createEnterprise, jobBodyFor, postJob } from './testing.js';

/** 索菲亚社区, 道里区: another district of the same deployment. */
const DAOLI_COMMUNITY = '230102001002';

describeEachDialect('jobs: posting, reading, closing, enterprise contacts', (env) => {
  let admin = '';
  let secretary = '';
  let enterprise = '';
  let otherDistrictJob = '';
  let contact = { cookie: '', id: '' };

  beforeAll(async () => {
    await importCountyRegions(env.ctx, '230102', SYSTEM_ACTOR);
    admin = await env.loginAdmin();
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    enterprise = await createEnterprise(env, QINGNIAN);
    const daoliAdmin = (await loginIn(env, { role: 'district_admin', regionCode: '230102' })).cookie;
    const daoliEnterprise = await createEnterprise(env, DAOLI_COMMUNITY, '道里食品厂');
    otherDistrictJob = await postJob(env, daoliAdmin, jobBodyFor(env, daoliEnterprise, DAOLI_COMMUNITY));
    contact = await loginIn(env, { role: 'enterprise_contact', regionCode: QINGNIAN });
  });

  it('refuses bad input on the job form, one field at a time, in both languages', async () => {
    const good = jobBodyFor(env, enterprise, QINGNIAN);
    const yesterday = new Date(env.now().getTime() - 86_400_000).toISOString().slice(0, 10);
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ enterpriseId: 'acme' }, 'enterpriseId'],
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(101) }, 'title'],
      [{ openings: 0 }, 'openings'],
      [{ openings: 1.5 }, 'openings'],
      [{ skills: ['电工', '电工'] }, 'skills', '技能不能重复'],
      [{ skills: [''] }, 'skills.0'],
      [{ education: 'phd' }, 'education'],
      [{ salaryMinFen: -1 }, 'salaryMinFen'],
      [{ salaryMaxFen: 100 }, 'salaryMaxFen', '最高薪资不能低于最低薪资'],
      [{ regionCode: 'abc' }, 'regionCode'],
      [{ latitude: 45.6 }, 'longitude', '经纬度须同时填写'],
      [{ latitude: 91, longitude: 126 }, 'latitude'],
      [{ validUntil: '2026-02-30' }, 'validUntil'],
      [{ validUntil: yesterday }, 'validUntil', '有效期不能早于今天'],
      [{ publicService: 'yes' }, 'publicService'],
      [{ regionCode: '230102001002' }, 'regionCode', '工作地点不在可管辖的区域内'],
    ];
    for (const [change, field, message] of cases) {
      const response = await env.inject('POST', '/api/jobs', {
        cookie: secretary,
        body: { ...good, ...change },
      });
      expect(response.status, field).toBe(400);
      const named = response.error.fields?.find((f) => f.path === field);
      expect(named, field).toBeDefined();
      if (message) expect(named!.message, field).toBe(message);
    }
    const english = await env.inject('POST', '/api/jobs', {
      cookie: secretary,
      body: { ...good, salaryMaxFen: 100 },
      headers: { 'accept-language': 'en' },
    });
    expect(english.error.fields?.[0]?.message).toBe('must not be below the minimum salary');
    expect(await env.countRows('jobs')).toBe(1);
  });

  it('posts, reads, changes and closes a job in scope; the list keeps open, unexpired jobs', async () => {
    const id = await postJob(env, secretary, jobBodyFor(env, enterprise, QINGNIAN, { publicService: true }));
    const read = (await env.inject('GET', `/api/jobs/${id}`, { cookie: secretary })).body(jobSchema);
    expect(read).toMatchObject({ status: 'open', filled: 0, publicService: true, expired: false });
    expect(read.skills).toEqual(['电工', '焊工', '叉车']);

    const changed = await env.inject('PATCH', `/api/jobs/${id}`, {
      cookie: secretary,
      body: { openings: 5, skills: ['电工'], salaryMaxFen: 600_000 },
    });
    expect(changed.body(jobSchema)).toMatchObject({ openings: 5, skills: ['电工'], salaryMaxFen: 600_000 });
    const below = await env.inject('PATCH', `/api/jobs/${id}`, {
      cookie: secretary,
      body: { salaryMaxFen: 1 },
    });
    expect(below.error.fields?.[0]?.path).toBe('salaryMaxFen');

    const listed = async () =>
      (await env.inject('GET', '/api/jobs', { cookie: secretary }))
        .body(jobPageSchema)
        .items.map((j) => j.id);
    expect(await listed()).toContain(id);
    // Its last valid day passes (moving the clock that far would end the sessions).
    const yesterday = new Date(env.now().getTime() - 86_400_000).toISOString().slice(0, 10);
    await env.database.db.updateTable('jobs').set({ valid_until: yesterday }).where('id', '=', id).execute();
    expect(await listed()).not.toContain(id);
    const all = (await env.inject('GET', '/api/jobs?state=all', { cookie: secretary })).body(jobPageSchema);
    expect(all.items.find((j) => j.id === id)?.expired).toBe(true);
    const reopened = await env.inject('PATCH', `/api/jobs/${id}`, {
      cookie: secretary,
      body: { validUntil: new Date(env.now().getTime() + 86_400_000 * 10).toISOString().slice(0, 10) },
    });
    expect(reopened.body(jobSchema).expired).toBe(false);
    expect(await listed()).toContain(id);

    const closed = await env.inject('PATCH', `/api/jobs/${id}`, {
      cookie: secretary,
      body: { status: 'closed' },
    });
    expect(closed.body(jobSchema).status).toBe('closed');
    expect(await listed()).not.toContain(id);
  });

  it('answers 404 for another district’s job and another community’s, 403 without the permission', async () => {
    for (const cookie of [admin, secretary]) {
      expect((await env.inject('GET', `/api/jobs/${otherDistrictJob}`, { cookie })).status).toBe(404);
      const patch = await env.inject('PATCH', `/api/jobs/${otherDistrictJob}`, {
        cookie,
        body: { openings: 9 },
      });
      expect(patch.status).toBe(404);
    }
    const neighbour = (await env.inject('GET', '/api/jobs', { cookie: admin })).body(jobPageSchema);
    expect(neighbour.items.map((j) => j.id)).not.toContain(otherDistrictJob);
    const shanghai = await createEnterprise(env, SHANGHAI_XINCUN, '上海新村超市');
    const theirs = await postJob(env, admin, jobBodyFor(env, shanghai, SHANGHAI_XINCUN));
    expect((await env.inject('GET', `/api/jobs/${theirs}`, { cookie: secretary })).status).toBe(404);
    const posting = await env.inject('POST', '/api/jobs', {
      cookie: secretary,
      body: jobBodyFor(env, shanghai, QINGNIAN),
    });
    expect(posting.error.code).toBe('job.enterprise_not_found');
    const member = (await env.loginAs({ role: 'member', regionCode: QINGNIAN })).cookie;
    expect((await env.inject('GET', '/api/jobs', { cookie: member })).status).toBe(403);
  });

  it('lets an enterprise contact post for their enterprise only, once bound to it', async () => {
    const body = jobBodyFor(env, enterprise, QINGNIAN, { title: '叉车司机' });
    const unbound = await env.inject('POST', '/api/my-enterprise/jobs', { cookie: contact.cookie, body });
    expect(unbound.error.code).toBe('job.enterprise_not_found');
    const notContact = (await env.loginAs({ role: 'grid_worker', regionCode: QINGNIAN })).id;
    const wrong = await env.inject('POST', '/api/enterprise-contacts', {
      cookie: secretary,
      body: { enterpriseId: enterprise, userId: notContact },
    });
    expect(wrong.error.fields?.[0]?.path).toBe('userId');
    const bound = await env.inject('POST', '/api/enterprise-contacts', {
      cookie: secretary,
      body: { enterpriseId: enterprise, userId: contact.id },
    });
    expect(bound.body(contactSchema).enterpriseId).toBe(enterprise);

    const posted = await env.inject('POST', '/api/my-enterprise/jobs', { cookie: contact.cookie, body });
    expect(posted.status).toBe(201);
    const mine = (await env.inject('GET', '/api/my-enterprise/jobs', { cookie: contact.cookie })).body(
      jobPageSchema,
    );
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((j) => j.enterpriseId === enterprise)).toBe(true);
    const other = await createEnterprise(env, QINGNIAN, '别家公司');
    const foreign = await env.inject('POST', '/api/my-enterprise/jobs', {
      cookie: contact.cookie,
      body: { ...body, enterpriseId: other },
    });
    expect(foreign.status).toBe(404);
    // The contact holds no staff permission over the register or the service's lists.
    expect((await env.inject('GET', '/api/jobs', { cookie: contact.cookie })).status).toBe(403);
    expect((await env.inject('GET', '/api/job-seekers', { cookie: contact.cookie })).status).toBe(403);
  });
});
