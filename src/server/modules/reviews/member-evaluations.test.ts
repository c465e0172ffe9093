import { beforeAll, expect, it } from 'vitest';
import { memberEvaluationGridSchema } from '../../../shared/api/reviews.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { createMember, createOrganization, createResidents } from '../member-workflows/testing.js';

describeEachDialect('member evaluation (民主评议党员): four grades, 优秀 capped at a third', (env) => {
  let secretary: { cookie: string; id: string };
  beforeAll(async () => {
    secretary = await env.loginAs({ role: 'secretary', regionCode: QINGNIAN });
  });

  /** A branch of 青年社区 with `count` members, in id order. */
  const branchOf = async (count: number, name: string) => {
    const organization = await createOrganization(env, { regionCode: QINGNIAN, name });
    const { people } = await createResidents(env, QINGNIAN, count);
    const members = [];
    for (const person of people) members.push(await createMember(env, { organization, personId: person.id }));
    return { organization, members };
  };
  const grade = (cookie: string, organization: string, memberId: string, value: string, year = 2026) =>
    env.inject('PUT', `/api/organizations/${organization}/member-evaluations`, {
      cookie,
      body: { year, memberId, grade: value },
    });

  it('refuses bad grades, members of other organizations, other places and roles; caps 优秀 at floor(n/3)', async () => {
    const { organization, members } = await branchOf(7, '青年社区第二党支部');
    const other = await branchOf(1, '青年社区第三党支部');
    const id = organization.id;
    const cases: [Record<string, unknown>, string][] = [
      [{ grade: '良好' }, 'grade'],
      [{ year: 1999 }, 'year'],
      [{ memberId: 'nobody' }, 'memberId'],
      [{ memberId: other.members[0]!.id }, 'memberId'],
    ];
    for (const [override, field] of cases) {
      const r = await env.inject('PUT', `/api/organizations/${id}/member-evaluations`, {
        cookie: secretary.cookie,
        body: { year: 2026, memberId: members[0]!.id, grade: 'qualified', ...override },
      });
      expect(r.status, JSON.stringify(override)).toBe(400);
      expect(r.error.fields?.map((f) => f.path)).toContain(field);
    }
    const warm = await createOrganization(env, {
      regionCode: QINGNIAN,
      name: '暖心小组',
      kind: 'warm_group',
    });
    expect((await grade(secretary.cookie, warm.id, members[0]!.id, 'qualified')).status).toBe(409);
    const neighbour = await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN });
    expect((await grade(neighbour.cookie, id, members[0]!.id, 'qualified')).status).toBe(404);
    expect(
      (await env.inject('GET', `/api/organizations/${id}/member-evaluations`, { cookie: neighbour.cookie }))
        .status,
    ).toBe(404);
    const worker = await env.loginAs({ role: 'grid_worker', regionCode: QINGNIAN });
    expect((await grade(worker.cookie, id, members[0]!.id, 'qualified')).status).toBe(403);
    expect(await env.countRows('member_evaluations')).toBe(0);

    // Seven members: two may be 优秀.
    expect((await grade(secretary.cookie, id, members[0]!.id, 'excellent')).status).toBe(200);
    expect((await grade(secretary.cookie, id, members[1]!.id, 'excellent')).status).toBe(200);
    const third = await grade(secretary.cookie, id, members[2]!.id, 'excellent', 2026);
    expect(third.status).toBe(400);
    expect(third.error.fields?.[0]).toMatchObject({ path: 'grade' });
    const english = await env.inject('PUT', `/api/organizations/${id}/member-evaluations`, {
      cookie: secretary.cookie,
      body: { year: 2026, memberId: members[2]!.id, grade: 'excellent' },
      headers: { 'accept-language': 'en' },
    });
    expect(english.error.fields?.[0]?.message).toBe(
      'at most a third of the organization’s members may be excellent (2)',
    );
    // Grading one again as 优秀 takes no second place; moving one down frees theirs.
    expect((await grade(secretary.cookie, id, members[0]!.id, 'excellent')).status).toBe(200);
    expect((await grade(secretary.cookie, id, members[0]!.id, 'qualified')).status).toBe(200);
    const last = await grade(secretary.cookie, id, members[2]!.id, 'excellent');
    expect(last.status).toBe(200);
    for (const [i, value] of ['basically_qualified', 'unqualified'].entries())
      expect((await grade(secretary.cookie, id, members[3 + i]!.id, value)).status).toBe(200);
    const grid = last.body(memberEvaluationGridSchema);
    expect(grid).toMatchObject({ members: 7, excellentCap: 2, excellent: 2 });
    const view = await env.inject('GET', `/api/organizations/${id}/member-evaluations?year=2026`, {
      cookie: secretary.cookie,
    });
    const grades = view.body(memberEvaluationGridSchema).rows;
    expect(
      grades
        .filter((r) => r.grade === 'excellent')
        .map((r) => r.memberId)
        .sort(),
    ).toEqual([members[1]!.id, members[2]!.id].sort());
    expect(grades.filter((r) => r.grade === null)).toHaveLength(2);
    // Another year is graded apart.
    expect((await grade(secretary.cookie, id, members[3]!.id, 'excellent', 2025)).status).toBe(200);
  });

  it('holds the cap when many 优秀 are given at once', async () => {
    // Five members: one place (floor(5/3) = 1); five requests race for it.
    const { organization, members } = await branchOf(5, '青年社区并发党支部');
    const answers = await Promise.all(
      members.map((m) => grade(secretary.cookie, organization.id, m.id, 'excellent')),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400, 400, 400]);
    const excellent = await env.database.db
      .selectFrom('member_evaluations')
      .select('member_id')
      .where('organization_id', '=', organization.id)
      .where('grade', '=', 'excellent')
      .execute();
    expect(excellent).toHaveLength(1);
  });
});
