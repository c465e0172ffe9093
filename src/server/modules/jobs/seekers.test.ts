import { beforeAll, expect, it } from 'vitest';
import {
  candidatePageSchema,
  seekerDetailSchema,
  seekerPageSchema,
  seekerSchema,
} from '../../../shared/api/jobs.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { createHousehold, registerSeeker, seekerBodyFor } from './testing.js';

describeEachDialect('job seekers: candidates from the register, 零就业家庭, registration', (env) => {
  let secretary = '';
  let grid = '';
  let building = '';
  const ids = { zhang: '', liu: '', li: '', wangFang: '', laoWang: '', daJie: '', outside: '' };

  beforeAll(async () => {
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    grid = await env.createRegion(QINGNIAN, 'grid', '就业网格');
    building = await env.createRegion(grid, 'building', '1号楼');
    // A: both working-age adults without work → 零就业家庭; the child does not count.
    const a = await createHousehold(env, building, grid, [
      { name: '张建国', gender: 'male', age: 45, tags: ['下岗失业'] },
      { name: '刘秀英', gender: 'female', age: 42, tags: ['失地农民'] },
      { name: '张小宝', gender: 'male', age: 10 },
    ]);
    // B: one laid off, the other (untagged) counts as employed.
    const b = await createHousehold(env, building, grid, [
      { name: '李明', gender: 'male', age: 35, tags: ['下岗失业'] },
      { name: '王芳', gender: 'female', age: 33 },
    ]);
    // C: a retired man tagged long ago is no candidate; an employed 48-year-old woman neither.
    const c = await createHousehold(env, building, grid, [
      { name: '老王', gender: 'male', age: 65, tags: ['下岗失业'] },
      { name: '王大姐', gender: 'female', age: 48 },
    ]);
    [ids.zhang, ids.liu] = a.personIds as [string, string];
    [ids.li, ids.wangFang] = b.personIds as [string, string];
    [ids.laoWang, ids.daJie] = c.personIds as [string, string];
    const elsewhere = await createHousehold(env, SHANGHAI_XINCUN, SHANGHAI_XINCUN, [
      { name: '赵外区', gender: 'male', age: 40, tags: ['下岗失业'] },
    ]);
    ids.outside = elsewhere.personIds[0]!;
  });

  const candidates = async (query = '') =>
    (
      await env.inject('GET', `/api/job-seekers/candidates?region=${grid}${query}`, { cookie: secretary })
    ).body(candidatePageSchema).items;

  it('finds candidates from the register with their groups (零就业家庭 from the household’s people)', async () => {
    const found = await candidates();
    const groups = Object.fromEntries(found.map((c) => [c.personId, c.groups]));
    expect(Object.keys(groups).sort()).toEqual([ids.zhang, ids.liu, ids.li].sort());
    expect(groups[ids.zhang]).toEqual(['laid_off', 'zero_employment']);
    expect(groups[ids.liu]).toEqual(['landless', 'zero_employment', 'age_4050']);
    expect(groups[ids.li]).toEqual(['laid_off']);
    const zhang = found.find((c) => c.personId === ids.zhang)!;
    expect(zhang.idNumber).toMatch(/^\d{6}\*{8}/);
    expect(zhang.phone).toContain('****');
    const zero = (await candidates('&group=zero_employment')).map((c) => c.personId).sort();
    expect(zero).toEqual([ids.zhang, ids.liu].sort());
    expect((await candidates('&group=age_4050')).map((c) => c.personId)).toEqual([ids.liu]);
    const outside = await env.inject('GET', `/api/job-seekers/candidates?region=${SHANGHAI_XINCUN}`, {
      cookie: secretary,
    });
    expect(outside.status).toBe(404);
  });

  it('follows registrations and placements: a registered spouse makes a 零就业家庭, a placement ends it', async () => {
    await registerSeeker(env, secretary, seekerBodyFor(ids.wangFang));
    const withSpouse = await candidates('&group=zero_employment');
    expect(withSpouse.map((c) => c.personId).sort()).toEqual(
      [ids.zhang, ids.liu, ids.li, ids.wangFang].sort(),
    );
    // A placement (a hire, see recommendations.test.ts) makes the person employed again.
    await env.database.db
      .updateTable('job_seekers')
      .set({ status: 'placed' })
      .where('person_id', '=', ids.wangFang)
      .execute();
    const placed = (await candidates('&group=zero_employment')).map((c) => c.personId).sort();
    expect(placed).toEqual([ids.zhang, ids.liu].sort());
  });

  it('refuses bad input on the registration form, one field at a time', async () => {
    const good = seekerBodyFor(ids.zhang);
    const cases: [Record<string, unknown>, string][] = [
      [{ personId: 'someone' }, 'personId'],
      [{ skills: ['电工', '电工'] }, 'skills'],
      [{ skills: ['x'.repeat(31)] }, 'skills.0'],
      [{ wantedJobs: ['保安', '保安'] }, 'wantedJobs'],
      [{ education: 'kindergarten' }, 'education'],
      [{ expectedSalaryFen: -5 }, 'expectedSalaryFen'],
      [{ expectedSalaryFen: 1.5 }, 'expectedSalaryFen'],
      [{ availability: 'someday' }, 'availability'],
      [{ caseWorkerId: 'me' }, 'caseWorkerId'],
    ];
    for (const [change, field] of cases) {
      const response = await env.inject('POST', '/api/job-seekers', {
        cookie: secretary,
        body: { ...good, ...change },
      });
      expect(response.status, field).toBe(400);
      expect(
        response.error.fields?.map((f) => f.path),
        field,
      ).toContain(field);
    }
    const noWorker = await env.inject('POST', '/api/job-seekers', {
      cookie: secretary,
      body: { ...good, caseWorkerId: '0190a0b0-0000-7000-8000-000000000000' },
    });
    expect(noWorker.error.fields?.[0]).toMatchObject({
      path: 'caseWorkerId',
      message: '就业服务专员账号不存在',
    });
  });

  it('registers a seeker from a person in scope once, shows them masked, and 404s outside', async () => {
    const worker = await env.createUser({ role: 'grid_worker', regionCode: grid });
    const created = await env.inject('POST', '/api/job-seekers', {
      cookie: secretary,
      body: seekerBodyFor(ids.zhang, { skills: ['电工', '焊工'], caseWorkerId: worker.id }),
    });
    const seeker = created.body(seekerSchema);
    expect(seeker).toMatchObject({
      status: 'active',
      groups: ['laid_off', 'zero_employment'],
      flagged: false,
    });
    expect(seeker.caseWorkerName).toBe(worker.username);
    expect(seeker.idNumber).toContain('********');
    const twice = await env.inject('POST', '/api/job-seekers', {
      cookie: secretary,
      body: seekerBodyFor(ids.zhang),
    });
    expect(twice.error.code).toBe('job.already_registered');
    const detail = (await env.inject('GET', `/api/job-seekers/${seeker.id}`, { cookie: secretary })).body(
      seekerDetailSchema,
    );
    expect(detail.seeker.skills).toEqual(['电工', '焊工']);
    const outside = await env.inject('POST', '/api/job-seekers', {
      cookie: secretary,
      body: seekerBodyFor(ids.outside),
    });
    expect(outside.error.code).toBe('job.person_not_found');
    const admin = await env.loginAdmin();
    const theirs = await registerSeeker(env, admin, seekerBodyFor(ids.outside));
    expect((await env.inject('GET', `/api/job-seekers/${theirs}`, { cookie: secretary })).status).toBe(404);
    const patch = await env.inject('PATCH', `/api/job-seekers/${theirs}`, {
      cookie: secretary,
      body: { skills: [] },
    });
    expect(patch.status).toBe(404);
    const list = (await env.inject('GET', '/api/job-seekers', { cookie: secretary })).body(seekerPageSchema);
    expect(list.items.map((s) => s.id)).not.toContain(theirs);
    const withdrawn = await env.inject('PATCH', `/api/job-seekers/${seeker.id}`, {
      cookie: secretary,
      body: { status: 'withdrawn' },
    });
    expect(withdrawn.body(seekerSchema).status).toBe('withdrawn');
  });
});
