import { beforeAll, expect, it } from 'vitest';
import {
  followUpResultSchema,
  projectCoverageSchema,
  projectDetailSchema,
  projectListSchema,
} from '../../../shared/api/cobuilding.js';
import { workOrderDetailSchema } from '../../../shared/api/work-orders.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN, XINGJIAN_STREET } from '../../testing/test-env.js';
import { createEnterprise } from '../jobs/testing.js';
import { createOrganization, loginIn } from '../member-workflows/testing.js';
import { articleReport } from '../report/index.js';
import { makeProject, projectBody } from './testing.js';

describeEachDialect('projects: enterprises, covering organizations, coverage and its follow-up', (env) => {
  let admin: string;
  let secretary: string;

  beforeAll(async () => {
    admin = await env.loginAdmin();
    secretary = (await loginIn(env, { role: 'secretary', regionCode: QINGNIAN })).cookie;
  });

  it('refuses bad projects field by field and writes nothing', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ regionCode: 'x' }, 'regionCode'],
      [{ regionCode: '230108001999' }, 'regionCode'],
      [{ regionCode: SHANGHAI_XINCUN }, 'regionCode'],
      [{ name: ' ' }, 'name'],
      [{ startedOn: '2026-02-30' }, 'startedOn'],
      [{ status: 'dreaming' }, 'status'],
    ];
    for (const [override, field] of bad) {
      const r = await env.inject('POST', '/api/projects', {
        cookie: secretary,
        body: projectBody(QINGNIAN, override),
      });
      expect(r.status, JSON.stringify(override)).toBe(400);
      expect(r.error.fields?.map((f) => f.path)).toContain(field);
    }
    const zh = await env.inject('POST', '/api/projects', {
      cookie: secretary,
      body: projectBody(QINGNIAN, { name: '' }),
    });
    expect(zh.error.fields?.[0]?.message).toBe('请填写名称（至少 2 个字）');
    expect(await env.countRows('projects')).toBe(0);
  });

  it('links enterprises and organizations, lists the uncovered and follows one up as a work order', async () => {
    const { id, enterpriseIds } = await makeProject(env, secretary, QINGNIAN, 3);
    const [a, b, c] = enterpriseIds as [string, string, string];
    // An enterprise twice, one of another community, one that does not exist.
    const twice = await env.inject('POST', `/api/projects/${id}/enterprises`, {
      cookie: secretary,
      body: { enterpriseId: a },
    });
    expect(twice.status).toBe(409);
    const elsewhere = await createEnterprise(env, SHANGHAI_XINCUN);
    for (const enterpriseId of [elsewhere, '0190a0b0-0000-7000-8000-000000000000']) {
      const r = await env.inject('POST', `/api/projects/${id}/enterprises`, {
        cookie: secretary,
        body: { enterpriseId },
      });
      expect(r.status).toBe(400);
      expect(r.error.fields?.[0]?.path).toBe('enterpriseId');
    }
    const branch = await createOrganization(env, { regionCode: QINGNIAN, name: '乐辰科技联合党支部' });
    const notInProject = await env.inject('POST', `/api/projects/${id}/organizations`, {
      cookie: secretary,
      body: { organizationId: branch.id, enterpriseIds: [a, elsewhere] },
    });
    expect(notInProject.status).toBe(400);
    expect(notInProject.error.fields?.[0]?.path).toBe('enterpriseIds.1');
    const otherBranch = await createOrganization(env, { regionCode: SHANGHAI_XINCUN, name: '别处支部' });
    const foreign = await env.inject('POST', `/api/projects/${id}/organizations`, {
      cookie: secretary,
      body: { organizationId: otherBranch.id, enterpriseIds: [] },
    });
    expect(foreign.error.fields?.[0]?.path).toBe('organizationId');

    const linked = await env.inject('POST', `/api/projects/${id}/organizations`, {
      cookie: secretary,
      body: { organizationId: branch.id, enterpriseIds: [a, b] },
    });
    const detail = linked.body(projectDetailSchema);
    expect(detail.organizations).toBe(1);
    expect(detail.coveredEnterprises).toBe(2);
    expect(detail.enterpriseList.find((e) => e.enterpriseId === c)?.coveringOrganizationId).toBeNull();

    const coverage = (
      await env.inject('GET', `/api/project-coverage?region=${QINGNIAN}`, { cookie: secretary })
    ).body(projectCoverageSchema);
    expect(coverage).toMatchObject({ projects: 1, enterprises: 3, coveredEnterprises: 2, organizations: 1 });
    expect(coverage.percent).toBe(66.7);
    expect(coverage.uncovered.map((e) => e.enterpriseId)).toEqual([c]);

    // Covered enterprises need no follow-up; the uncovered one becomes a work order, once.
    const coveredOne = await env.inject('POST', `/api/projects/${id}/enterprises/${a}/follow-up`, {
      cookie: secretary,
      body: {},
    });
    expect(coveredOne.status).toBe(409);
    const followed = await env.inject('POST', `/api/projects/${id}/enterprises/${c}/follow-up`, {
      cookie: secretary,
      body: { note: '请尽快组建' },
    });
    expect(followed.status).toBe(201);
    const result = followed.body(followUpResultSchema);
    const order = (await env.inject('GET', `/api/work-orders/${result.workOrderId}`, { cookie: admin })).body(
      workOrderDetailSchema,
    );
    expect(order.description).toContain('尚无党组织覆盖');
    expect(order.number).toBe(result.number);
    const again = await env.inject('POST', `/api/projects/${id}/enterprises/${c}/follow-up`, {
      cookie: secretary,
      body: {},
    });
    expect(again.status).toBe(409);
    const listed = (await env.inject('GET', '/api/project-coverage', { cookie: secretary })).body(
      projectCoverageSchema,
    );
    expect(listed.uncovered[0]?.followUpOrderNumber).toBe(result.number);

    // Changing the coverage set: the organization now covers only c.
    const moved = await env.inject('POST', `/api/projects/${id}/organizations`, {
      cookie: secretary,
      body: { organizationId: branch.id, enterpriseIds: [c] },
    });
    expect(moved.body(projectDetailSchema).coveredEnterprises).toBe(1);

    const report = Object.fromEntries(
      (await articleReport(env.database.db, '230108')).rows.map((r) => [r.indicator, r]),
    );
    expect(report.big_projects?.platform).toBe(1);
    expect(report.project_organizations?.platform).toBe(1);
    expect(report.project_covered_enterprises?.platform).toBe(1);
  });

  it('answers 404 outside the scope and 403 without the permission', async () => {
    const outside = await makeProject(env, admin, SHANGHAI_XINCUN, 1);
    for (const [method, url, body] of [
      ['GET', `/api/projects/${outside.id}`, undefined],
      ['PATCH', `/api/projects/${outside.id}`, { status: 'producing' }],
      ['POST', `/api/projects/${outside.id}/enterprises/${outside.enterpriseIds[0]}/follow-up`, {}],
      ['GET', `/api/project-coverage?region=${SHANGHAI_XINCUN}`, undefined],
      ['GET', `/api/projects?region=${XINGJIAN_STREET}`, undefined],
    ] as const) {
      const r = await env.inject(method, url, { cookie: secretary, ...(body ? { body } : {}) });
      expect(r.status, url).toBe(404);
    }
    const list = (await env.inject('GET', '/api/projects', { cookie: secretary })).body(projectListSchema);
    expect(list.items.map((p) => p.id)).not.toContain(outside.id);
    const gridWorker = (await loginIn(env, { role: 'grid_worker', regionCode: QINGNIAN })).cookie;
    expect((await env.inject('GET', '/api/projects', { cookie: gridWorker })).status).toBe(403);
    const auditor = (await loginIn(env, { role: 'auditor', regionCode: QINGNIAN })).cookie;
    expect((await env.inject('GET', '/api/projects', { cookie: auditor })).status).toBe(200);
    const write = await env.inject('POST', '/api/projects', { cookie: auditor, body: projectBody(QINGNIAN) });
    expect(write.status).toBe(403);
  });
});
