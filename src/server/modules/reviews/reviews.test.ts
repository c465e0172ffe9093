import { beforeAll, expect, it } from 'vitest';
import { type RoundDetail, roundDetailSchema, roundListSchema } from '../../../shared/api/reviews.js';
import { workOrderSchema } from '../../../shared/api/work-orders.js';
import { beijingMonth } from '../../../shared/beijing-time.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN, XINGJIAN_STREET } from '../../testing/test-env.js';
import { rollupsRepository } from '../cockpit/index.js';
import { createMember, createOrganization } from '../member-workflows/testing.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from '../work-orders/testing.js';
import { openRound, roundBody } from './testing.js';

const round2 = (n: number) => Math.round(n * 100) / 100;

describeEachDialect('review rounds (述职评议): KPIs, scores, ranking, frozen at close', (env) => {
  let world: WorkOrderWorld;
  let street: { cookie: string; id: string };
  let member: { cookie: string; id: string };
  let year: number;
  beforeAll(async () => {
    world = await workOrderWorld(env);
    street = await env.loginAs({ role: 'secretary', regionCode: XINGJIAN_STREET });
    member = await env.loginAs({ role: 'member', regionCode: QINGNIAN });
    year = Number(beijingMonth(env.now().toISOString()).slice(0, 4));
  });
  const body = (overrides: Record<string, unknown> = {}) =>
    roundBody(XINGJIAN_STREET, { year, fromMonth: `${year}-01`, toMonth: `${year}-12`, ...overrides });
  const detail = async (cookie: string, id: string): Promise<RoundDetail> => {
    const response = await env.inject('GET', `/api/review-rounds/${id}`, { cookie });
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    return response.body(roundDetailSchema);
  };
  const unitOf = (round: RoundDetail, code: string) => round.units.find((u) => u.regionCode === code)!;
  const act = async (id: string, cookie: string, step: Record<string, unknown>) => {
    const response = await env.inject('POST', `/api/work-orders/${id}/actions`, { cookie, body: step });
    expect(response.status, JSON.stringify(response.json)).toBe(200);
  };
  const order = async () => {
    const response = await env.inject('POST', '/api/work-orders', {
      cookie: world.operator.cookie,
      body: elderlyCareOrder(world),
    });
    expect(response.status).toBe(201);
    return response.body(workOrderSchema).id;
  };

  it('refuses a bad round, field by field, in both languages, and writes nothing', async () => {
    const grid = await env.createRegion(QINGNIAN, 'grid', '空网格');
    const cases: [Record<string, unknown>, string][] = [
      [{ regionCode: 'x' }, 'regionCode'],
      [{ name: ' ' }, 'name'],
      [{ fromMonth: '2026-13' }, 'fromMonth'],
      [{ fromMonth: `${year}-06`, toMonth: `${year}-02` }, 'toMonth'],
      [{ fromMonth: `${year - 1}-12` }, 'fromMonth'],
      [{ rubric: [] }, 'rubric'],
      [{ rubric: [{ id: 'a', title: '甲项', max: 0 }] }, 'rubric.0.max'],
      [
        {
          rubric: [
            { id: 'a', title: '甲项', max: 5 },
            { id: 'a', title: '乙项', max: 5 },
          ],
        },
        'rubric.1.id',
      ],
      [{ groupWeights: { leader: 0, member: 0, resident: 0 } }, 'groupWeights'],
      [{ rubricWeight: 101 }, 'rubricWeight'],
      [{ regionCode: grid }, 'regionCode'],
      [{ regionCode: '230108999' }, 'regionCode'],
    ];
    for (const [override, field] of cases) {
      const r = await env.inject('POST', '/api/review-rounds', {
        cookie: street.cookie,
        body: body(override),
      });
      expect(r.status, JSON.stringify(override)).toBe(400);
      expect(r.error.fields?.map((f) => f.path)).toContain(field);
    }
    // A community's secretary may not open the street's round: the street is not in their scope.
    const community = await env.inject('POST', '/api/review-rounds', {
      cookie: world.secretary.cookie,
      body: body(),
    });
    expect(community.status).toBe(400);
    expect(community.error.fields?.[0]?.path).toBe('regionCode');
    const english = await env.inject('POST', '/api/review-rounds', {
      cookie: street.cookie,
      body: body({ toMonth: `${year + 1}-01` }),
      headers: { 'accept-language': 'en' },
    });
    expect(english.error.fields?.[0]?.message).toBe('the period must lie within the round’s year');
    const chinese = await env.inject('POST', '/api/review-rounds', {
      cookie: street.cookie,
      body: body({ toMonth: `${year + 1}-01` }),
    });
    expect(chinese.error.fields?.[0]?.message).toBe('考核期须在评议年度之内');
    // A grid worker holds no review.write; a member not even review.read.
    const worker = await env.inject('POST', '/api/review-rounds', {
      cookie: world.worker.cookie,
      body: body(),
    });
    expect(worker.status).toBe(403);
    expect((await env.inject('GET', '/api/review-rounds', { cookie: member.cookie })).status).toBe(403);
    expect(await env.countRows('review_rounds')).toBe(0);
  });

  it('computes KPIs from the platform against hand-counted fixtures, scores, ranks and freezes at close', async () => {
    // Orders of 青年社区: two answered and called back content, one called back unsatisfied
    // (reopened, its closing taken back): closed 2, both on time; callbacks 2 content of 3.
    const answered = [await order(), await order()];
    for (const [i, id] of answered.entries()) {
      await act(id, world.operator.cookie, { action: 'answer', note: '电话里已说明办理流程' });
      const satisfaction = i === 0 ? 'satisfied' : 'basically_satisfied';
      await act(id, world.operator.cookie, { action: 'callback', satisfaction });
    }
    const reopened = await order();
    await act(reopened, world.secretary.cookie, { action: 'dispatch', assigneeUserId: world.worker.id });
    await act(reopened, world.worker.cookie, { action: 'sign' });
    await act(reopened, world.worker.cookie, { action: 'resolve', note: '已修好' });
    await act(reopened, world.secretary.cookie, { action: 'review', approve: true });
    await act(reopened, world.operator.cookie, {
      action: 'callback',
      satisfaction: 'unsatisfied',
      note: '又坏了',
    });

    // Care: one household of 青年社区 in a member's care, of all its households.
    const db = env.database.db;
    const households = await db
      .selectFrom('households')
      .select('id')
      .where('region_code', 'like', `${QINGNIAN}%`)
      .execute();
    const branch = await createOrganization(env, { regionCode: QINGNIAN, name: '青年社区评议支部' });
    const carer = await createMember(env, { organization: branch, personId: world.people[1]!.id });
    const care = await env.inject('PUT', `/api/households/${world.householdId}/care`, {
      cookie: world.secretary.cookie,
      body: { memberId: carer.id },
    });
    expect(care.status, JSON.stringify(care.json)).toBe(204);
    // Commitments of the year: one kept of two. Volunteer minutes: 90 here, 180 in 上海新村.
    const now = env.now().toISOString();
    for (const [i, progress] of [100, 40].entries())
      await db
        .insertInto('commitments')
        .values({
          id: `0190a000-0000-7000-8000-00000000000${i}`,
          district_code: '230108',
          region_code: QINGNIAN,
          member_id: carer.id,
          year,
          content: `承诺${i}`,
          progress,
          created_at: now,
          updated_at: now,
        })
        .execute();
    const month = beijingMonth(now);
    await rollupsRepository.bump(db, QINGNIAN, [{ period: month, counter: 'vol.minutes', value: 90 }]);
    await rollupsRepository.bump(db, SHANGHAI_XINCUN, [
      { period: month, counter: 'vol.minutes', value: 180 },
    ]);

    const created = await env.inject('POST', '/api/review-rounds', { cookie: street.cookie, body: body() });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const id = created.body(roundDetailSchema).id;
    let round = await detail(street.cookie, id);
    const communities = (
      await db.selectFrom('regions').select('code').where('parent_code', '=', XINGJIAN_STREET).execute()
    ).map((r) => r.code);
    expect(round.units.map((u) => u.regionCode).sort()).toEqual(communities.sort());
    const qingnian = unitOf(round, QINGNIAN);
    const careRate = round2(100 / households.length);
    expect(qingnian.kpis).toEqual({
      on_time_rate: { value: 100, score: 100 },
      satisfaction_rate: { value: round2(200 / 3), score: round2(200 / 3) },
      visit_coverage: { value: 0, score: 0 },
      care_coverage: { value: careRate, score: careRate },
      volunteer_hours: { value: 1.5, score: 50 },
      commitments_kept: { value: 50, score: 50 },
      placements: { value: 0, score: null },
    });
    expect(unitOf(round, SHANGHAI_XINCUN).kpis.volunteer_hours).toEqual({ value: 3, score: 100 });
    const kpi = round2((100 + round2(200 / 3) + 0 + careRate + 50 + 50) / 6);
    expect(qingnian.kpiScore).toBe(kpi);

    // Evaluators: the street's secretary as a leader, a member of 青年社区 as a member.
    for (const [user, group] of [
      [street.id, 'leader'],
      [member.id, 'member'],
    ] as const) {
      const r = await env.inject('POST', `/api/review-rounds/${id}/evaluators`, {
        cookie: street.cookie,
        body: { userId: user, group },
      });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
    }
    const twice = await env.inject('POST', `/api/review-rounds/${id}/evaluators`, {
      cookie: street.cookie,
      body: { userId: member.id, group: 'resident' },
    });
    expect(twice.error.fields?.[0]?.path).toBe('userId');

    const score = (cookie: string, unitId: string, duty: number, service: number) =>
      env.inject('POST', `/api/review-units/${unitId}/scores`, {
        cookie,
        body: {
          scores: [
            { itemId: 'duty', score: duty },
            { itemId: 'service', score: service },
          ],
        },
      });
    // Bad sheets first: over the item's maximum, an unknown item, an item left out.
    expect((await score(street.cookie, qingnian.id, 31, 10)).error.fields?.[0]?.path).toBe('scores.0.score');
    const unknown = await env.inject('POST', `/api/review-units/${qingnian.id}/scores`, {
      cookie: street.cookie,
      body: { scores: [{ itemId: 'nope', score: 1 }] },
    });
    expect(unknown.error.fields?.[0]?.path).toBe('scores.0.itemId');
    const partial = await env.inject('POST', `/api/review-units/${qingnian.id}/scores`, {
      cookie: street.cookie,
      body: { scores: [{ itemId: 'duty', score: 1 }] },
    });
    expect(partial.error.fields?.[0]?.path).toBe('scores');
    // A secretary who is no evaluator of the round finds no unit; an operator holds no review.score.
    expect((await score(world.secretary.cookie, qingnian.id, 1, 1)).status).toBe(404);
    expect((await score(world.operator.cookie, qingnian.id, 1, 1)).status).toBe(403);

    expect((await score(street.cookie, qingnian.id, 30, 60)).status).toBe(204);
    expect((await score(member.cookie, qingnian.id, 15, 35)).status).toBe(204);
    expect((await score(street.cookie, unitOf(round, SHANGHAI_XINCUN).id, 30, 70)).status).toBe(204);
    // The member's assignments show their own sheet.
    const mine = await env.inject('GET', '/api/me/review-assignments', { cookie: member.cookie });
    expect(mine.json).toMatchObject({
      items: [
        {
          roundId: id,
          units: expect.arrayContaining([
            expect.objectContaining({ id: qingnian.id, scores: { duty: 15, service: 35 } }),
          ]),
        },
      ],
    });

    // Reports: 青年社区's own secretary; 上海新村's secretary does not find 青年社区's unit.
    const report = { report: '2026年度述职报告：完成走访、办结工单、组织志愿服务。' };
    expect(
      (
        await env.inject('POST', `/api/review-units/${qingnian.id}/report`, {
          cookie: world.secretary.cookie,
          body: report,
        })
      ).status,
    ).toBe(204);
    const neighbour = await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN });
    expect(
      (
        await env.inject('POST', `/api/review-units/${qingnian.id}/report`, {
          cookie: neighbour.cookie,
          body: report,
        })
      ).status,
    ).toBe(404);
    // 上海新村 is ranked in the round, so its secretary reads it (its own row only, and not who
    // evaluates, until the round is published); another street's secretary does not.
    const asUnit = await detail(neighbour.cookie, id);
    expect(asUnit.units.map((u) => u.regionCode)).toEqual([SHANGHAI_XINCUN]);
    expect(asUnit.evaluators).toEqual([]);
    const otherStreet = await env.loginAs({ role: 'secretary', regionCode: '230108002' });
    expect((await env.inject('GET', `/api/review-rounds/${id}`, { cookie: otherStreet.cookie })).status).toBe(
      404,
    );
    // Reading is not running: 上海新村's secretary may not close the street's round.
    expect(
      (await env.inject('POST', `/api/review-rounds/${id}/close`, { cookie: neighbour.cookie })).status,
    ).toBe(404);

    // Rubric: leader 90 of 100, member 50 of 100, weighted 50 : 30 (no resident scored) = 75.
    round = await detail(street.cookie, id);
    const rubric = round2((90 * 50 + 50 * 30) / 80);
    const total = round2((rubric * 60 + kpi * 40) / 100);
    expect(unitOf(round, QINGNIAN)).toMatchObject({
      rubricScore: rubric,
      totalScore: total,
      scoredBy: 2,
      rank: 2,
    });
    expect(unitOf(round, QINGNIAN).report).toBe(report.report);
    // 上海新村: leader 100, and its only KPI with a score is volunteer hours (the best: 100).
    expect(unitOf(round, SHANGHAI_XINCUN)).toMatchObject({
      rubricScore: 100,
      kpiScore: 100,
      totalScore: 100,
      rank: 1,
    });
    // Ranked, highest first; the communities nobody scored share the next rank.
    expect(round.units.map((u) => u.rank)).toEqual([1, 2, ...communities.slice(2).map(() => 3)]);

    // Closing freezes; the reopened order is then closed and called back satisfied.
    expect(
      (await env.inject('POST', `/api/review-rounds/${id}/publish`, { cookie: street.cookie })).status,
    ).toBe(409);
    expect(
      (await env.inject('POST', `/api/review-rounds/${id}/close`, { cookie: street.cookie })).status,
    ).toBe(200);
    const frozen = await detail(street.cookie, id);
    await act(reopened, world.worker.cookie, { action: 'resolve', note: '换了阀门' });
    await act(reopened, world.secretary.cookie, { action: 'review', approve: true });
    await act(reopened, world.operator.cookie, { action: 'callback', satisfaction: 'satisfied' });
    await rollupsRepository.bump(db, QINGNIAN, [{ period: month, counter: 'vol.minutes', value: 600 }]);

    // A round opened now counts the change (3 content of 4 callbacks); the closed one does not move.
    const fresh = await openRound(env, street.cookie, XINGJIAN_STREET, body({ name: '复核轮次' }));
    expect(unitOf(fresh, QINGNIAN).kpis.satisfaction_rate.value).toBe(75);
    expect(unitOf(fresh, QINGNIAN).kpis.volunteer_hours.value).toBe(11.5);
    const after = await detail(street.cookie, id);
    expect(after).toEqual(frozen);
    expect(unitOf(after, QINGNIAN).kpis.satisfaction_rate.value).toBe(round2(200 / 3));
    expect(after.status).toBe('closed');

    // Nothing more is written into a closed round.
    expect((await score(street.cookie, qingnian.id, 1, 1)).status).toBe(409);
    expect(
      (
        await env.inject('POST', `/api/review-units/${qingnian.id}/report`, {
          cookie: world.secretary.cookie,
          body: report,
        })
      ).status,
    ).toBe(409);
    expect(
      (await env.inject('POST', `/api/review-rounds/${id}/close`, { cookie: street.cookie })).status,
    ).toBe(409);
    const published = await env.inject('POST', `/api/review-rounds/${id}/publish`, { cookie: street.cookie });
    expect(published.body(roundDetailSchema).status).toBe('published');
    // Published: every unit reads the whole ranking.
    expect((await detail(neighbour.cookie, id)).units).toHaveLength(after.units.length);

    // The street's list holds both rounds; 青年社区's secretary sees neither (they belong to the street).
    const list = await env.inject('GET', `/api/review-rounds?year=${year}`, { cookie: street.cookie });
    expect(
      list
        .body(roundListSchema)
        .items.map((r) => r.id)
        .sort(),
    ).toEqual([id, fresh.id].sort());
    // 青年社区's secretary lists the street's rounds their community is ranked in; another street's, none.
    const own = await env.inject('GET', '/api/review-rounds', { cookie: world.secretary.cookie });
    expect(
      own
        .body(roundListSchema)
        .items.map((r) => r.id)
        .sort(),
    ).toEqual([id, fresh.id].sort());
    const other = await env.inject('GET', '/api/review-rounds', { cookie: otherStreet.cookie });
    expect(other.body(roundListSchema).items).toEqual([]);
    const elsewhere = await env.inject('GET', `/api/review-rounds?region=${SHANGHAI_XINCUN}`, {
      cookie: world.secretary.cookie,
    });
    expect(elsewhere.status).toBe(404);
  });
});
