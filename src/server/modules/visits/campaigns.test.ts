import { v7 as uuidv7 } from 'uuid';
import { beforeAll, expect, it } from 'vitest';
import { cockpitSchema } from '../../../shared/api/cockpit.js';
import {
  campaignSchema,
  coverageSchema,
  needOrderSchema,
  visitPageSchema,
  visitSchema,
  visitTargetPageSchema,
} from '../../../shared/api/visits.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN, type TestResponse } from '../../testing/test-env.js';
import { foldRollupDeltas, rebuildRollups } from '../cockpit/index.js';
import { createResidents } from '../member-workflows/testing.js';
import { createCampaign, isoDay, visitBody } from './testing.js';

const DAY = 86_400_000;

describeEachDialect('大走访: campaigns, coverage, needs → orders, register changes', (env) => {
  let secretary = '';
  let gridWorker = { cookie: '', id: '' };
  let helper = { cookie: '', id: '' };
  let otherSecretary = '';
  let grid = '';
  let households: { id: string; personIds: string[] }[] = [];

  beforeAll(async () => {
    const residents = await createResidents(env, QINGNIAN, 24);
    grid = residents.gridCode;
    const rows = await env.database.db
      .selectFrom('persons')
      .select(['id', 'household_id'])
      .where(
        'id',
        'in',
        residents.people.map((p) => p.id),
      )
      .orderBy('household_id')
      .orderBy('id')
      .execute();
    const byHousehold = new Map<string, string[]>();
    for (const row of rows)
      byHousehold.set(row.household_id!, [...(byHousehold.get(row.household_id!) ?? []), row.id]);
    households = [...byHousehold].map(([id, personIds]) => ({ id, personIds }));
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    gridWorker = await env.loginAs({ role: 'grid_worker', regionCode: grid });
    helper = await env.loginAs({ role: 'grid_worker', regionCode: grid });
    otherSecretary = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
  });

  const fields = (response: TestResponse) => (response.error.fields ?? []).map((f) => f.path);

  it('refuses a bad campaign by field', async () => {
    const good = {
      name: '冬季大走访',
      regionCode: grid,
      startsOn: '2026-01-01',
      endsOn: '2026-03-31',
      rule: 'every_household',
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'name'],
      [{ regionCode: 'abc' }, 'regionCode'],
      [{ regionCode: '23010800100299' }, 'regionCode'],
      [{ startsOn: '2026-02-30' }, 'startsOn'],
      [{ endsOn: '2025-12-31' }, 'endsOn'],
      [{ rule: 'sometimes' }, 'rule'],
      [{ minVisits: 0 }, 'minVisits'],
      [{ rule: 'tagged_monthly' }, 'tag'],
      [{ rule: 'tagged_monthly', tag: '外星人' }, 'tag'],
      [{ assignBy: 'lottery' }, 'assignBy'],
      [{ regionCode: SHANGHAI_XINCUN }, 'regionCode'],
    ];
    const before = await env.countRows('visit_campaigns');
    for (const [change, path] of cases) {
      const response = await env.inject('POST', '/api/visit-campaigns', {
        cookie: secretary,
        body: { ...good, ...change },
      });
      expect(response.status, JSON.stringify(change)).toBe(400);
      expect(fields(response), JSON.stringify(change)).toContain(path);
    }
    expect(await env.countRows('visit_campaigns')).toBe(before);
  });

  it('counts coverage against every household of the register: met, attempted, covered, per region and visitor', async () => {
    const now = env.now().getTime();
    const created = await env.inject('POST', '/api/visit-campaigns', {
      cookie: secretary,
      body: {
        name: '网格大走访',
        regionCode: grid,
        startsOn: isoDay(now - 40 * DAY),
        endsOn: isoDay(now + 10 * DAY),
        rule: 'every_household',
        minVisits: 2,
      },
    });
    expect(created.status).toBe(201);
    const { id, households: targeted } = created.body(campaignSchema);
    const total = households.length;
    expect(targeted).toBe(total);
    const [h0, h1, h2, h3] = households;
    const visit = (householdId: string, outcome: string) =>
      env.inject('POST', '/api/visits', {
        cookie: gridWorker.cookie,
        body: visitBody(env, householdId, { campaignId: id, outcome }),
      });
    for (const [h, outcome] of [
      [h0!, 'met'],
      [h0!, 'met'],
      [h1!, 'not_home'],
      [h2!, 'refused'],
      [h3!, 'met'],
    ] as const)
      expect((await visit(h.id, outcome)).status).toBe(201);
    const coverage = await env.inject('GET', `/api/visit-campaigns/${id}/coverage`, { cookie: secretary });
    expect(coverage.status).toBe(200);
    const counted = coverage.body(coverageSchema);
    expect(counted).toMatchObject({
      regionCode: grid,
      registerHouseholds: total,
      households: total,
      attempted: 4,
      met: 2,
      covered: 1,
    });
    const building = counted.regions[0];
    expect(building).toMatchObject({
      registerHouseholds: total,
      households: total,
      attempted: 4,
      met: 2,
      covered: 1,
    });
    expect(counted.visitors).toEqual([
      expect.objectContaining({
        visitorUserId: gridWorker.id,
        households: total,
        attempted: 4,
        met: 2,
        covered: 1,
        behind: true,
      }),
    ]);
    // A community's view counts the same households; the campaign's own row agrees.
    const community = await env.inject('GET', `/api/visit-campaigns/${id}/coverage?region=${QINGNIAN}`, {
      cookie: secretary,
    });
    expect(community.status).toBe(404);
    const listed = await env.inject('GET', `/api/visit-campaigns/${id}`, { cookie: gridWorker.cookie });
    expect(listed.json).toMatchObject({ households: total, attempted: 4, met: 2, covered: 1 });

    // A lower target for the grid: two households are now covered.
    const target = await env.inject('POST', `/api/visit-campaigns/${id}/targets`, {
      cookie: secretary,
      body: { targetVisits: 1, regionCode: grid },
    });
    expect(target.json).toEqual({ changed: total });
    expect(
      fields(
        await env.inject('POST', `/api/visit-campaigns/${id}/targets`, {
          cookie: secretary,
          body: { targetVisits: 1 },
        }),
      ),
    ).toEqual(['visitorUserId']);
    expect(
      (await env.inject('GET', `/api/visit-campaigns/${id}/coverage`, { cookie: secretary })).body(
        coverageSchema,
      ).covered,
    ).toBe(2);

    // Overdue (past the halfway day, not at target), reassigned in one step to another worker.
    const overdue = await env.inject('GET', `/api/visit-targets?campaign=${id}&state=overdue&limit=200`, {
      cookie: secretary,
    });
    const late = overdue.body(visitTargetPageSchema).items.map((t) => t.householdId);
    expect(late.length).toBe(total - 2);
    const moved = await env.inject('POST', `/api/visit-campaigns/${id}/assignments`, {
      cookie: secretary,
      body: { householdIds: late, visitorUserId: helper.id },
    });
    expect(moved.status).toBe(200);
    const after = await env.inject('GET', `/api/visit-campaigns/${id}/coverage`, { cookie: secretary });
    const byVisitor = Object.fromEntries(
      after.body(coverageSchema).visitors.map((v) => [v.visitorUserId, v.households]),
    );
    expect(byVisitor).toEqual({ [gridWorker.id]: 2, [helper.id]: total - 2 });
    const helperOwn = await env.inject('GET', '/api/me/visit-targets', { cookie: helper.cookie });
    expect(helperOwn.body(visitTargetPageSchema).items).toHaveLength(total - 2);
    const refused = await env.inject('POST', `/api/visit-campaigns/${id}/assignments`, {
      cookie: secretary,
      body: { householdIds: [uuidv7()], visitorUserId: helper.id },
    });
    expect(fields(refused)).toEqual(['householdIds']);
    expect(
      (
        await env.inject('POST', `/api/visit-campaigns/${id}/assignments`, {
          cookie: otherSecretary,
          body: { householdIds: late, visitorUserId: null },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await env.inject('POST', `/api/visit-campaigns/${id}/assignments`, {
          cookie: gridWorker.cookie,
          body: { householdIds: late, visitorUserId: null },
        })
      ).status,
    ).toBe(403);
  });

  it('targets the tagged households monthly', async () => {
    const tagged = await env.database.db
      .selectFrom('persons as p')
      .innerJoin('person_tags as pt', 'pt.person_id', 'p.id')
      .innerJoin('tags as t', 't.code', 'pt.tag_code')
      .select(['p.household_id', 't.name'])
      .where('p.region_code', 'like', `${grid}%`)
      .execute();
    const name = tagged[0]?.name ?? '低保户';
    const expected = new Set(tagged.filter((t) => t.name === name).map((t) => t.household_id)).size;
    const campaign = await env.inject('POST', '/api/visit-campaigns', {
      cookie: secretary,
      body: {
        name: '特殊群体月访',
        regionCode: grid,
        startsOn: '2026-01-15',
        endsOn: '2026-03-10',
        rule: 'tagged_monthly',
        tag: name,
      },
    });
    expect(campaign.status).toBe(201);
    expect(campaign.json).toMatchObject({ households: expected, minVisits: 3, tag: name });
  });

  it('turns a need into a work order in one step, linked both ways; a closed order makes a return visit due', async () => {
    const campaign = await createCampaign(env, secretary, { regionCode: grid });
    const household = households[5]!;
    const visit = await env.inject('POST', '/api/visits', {
      cookie: gridWorker.cookie,
      body: visitBody(env, household.id, {
        needs: [{ type: 'hardship', description: '独居老人冬季取暖困难，需要救助' }],
      }),
    });
    const recorded = visit.body(visitSchema);
    const need = recorded.needs[0]!.id;
    const refusedCategory = await env.inject('POST', `/api/visit-needs/${need}/order`, {
      cookie: gridWorker.cookie,
      body: { categoryCode: 'livelihood' },
    });
    expect(refusedCategory.status).toBe(400);
    expect(fields(refusedCategory)).toEqual(['categoryCode']);
    expect(
      (await env.inject('POST', `/api/visit-needs/${need}/order`, { cookie: otherSecretary, body: {} }))
        .status,
    ).toBe(404);
    const ordersBefore = await env.countRows('work_orders');
    const made = await env.inject('POST', `/api/visit-needs/${need}/order`, {
      cookie: gridWorker.cookie,
      body: {},
    });
    expect(made.status).toBe(201);
    const ordered = made.body(needOrderSchema);
    expect(await env.countRows('work_orders')).toBe(ordersBefore + 1);
    const order = await env.inject('GET', `/api/work-orders/${ordered.workOrderId}`, { cookie: secretary });
    expect(order.json).toMatchObject({ channel: 'visit', householdId: household.id });
    const again = await env.inject('POST', `/api/visit-needs/${need}/order`, { cookie: secretary, body: {} });
    expect(again.status).toBe(409);
    expect(await env.countRows('work_orders')).toBe(ordersBefore + 1);
    const shown = await env.inject('GET', `/api/visits/${recorded.id}`, { cookie: secretary });
    expect(shown.body(visitSchema).needs[0]).toMatchObject({
      workOrderId: ordered.workOrderId,
      workOrderNumber: ordered.number,
    });
    const fromOrder = await env.inject('GET', `/api/visits?order=${ordered.workOrderId}`, {
      cookie: secretary,
    });
    expect(fromOrder.body(visitPageSchema).items.map((v) => v.id)).toEqual([recorded.id]);

    const due = () =>
      env
        .inject('GET', `/api/visit-targets?campaign=${campaign.id}&state=return_due`, { cookie: secretary })
        .then((r) => r.body(visitTargetPageSchema).items.map((t) => t.householdId));
    expect(await due()).toEqual([]);
    // The order closes (its own lifecycle is tested in work-orders): the household's return visit is due.
    await env.database.db
      .updateTable('work_orders')
      .set({ status: 'closed', closed_at: new Date(env.now().getTime() - 60_000).toISOString() })
      .where('id', '=', ordered.workOrderId)
      .execute();
    expect(await due()).toEqual([household.id]);
    await env.inject('POST', '/api/visits', {
      cookie: gridWorker.cookie,
      body: visitBody(env, household.id, {
        startedAt: new Date(env.now().getTime() - 30_000).toISOString(),
        endedAt: new Date(env.now().getTime() - 10_000).toISOString(),
      }),
    });
    expect(await due()).toEqual([]);
  });

  it('keeps the cockpit’s visit counters equal to a recount from the tables', async () => {
    const read = async () => {
      // Counters kept by steps wait as deltas until the folder adds them into region_rollups.
      await foldRollupDeltas(env.ctx);
      return (
        await env.database.db
          .selectFrom('region_rollups')
          .select(['region_code', 'period', 'counter', 'value'])
          .where('counter', 'like', 'visit.%')
          .where('region_code', 'like', `${grid}%`)
          .orderBy('region_code')
          .orderBy('period')
          .orderBy('counter')
          .execute()
      ).map((r) => ({ ...r, value: Number(r.value) }));
    };
    const kept = await read();
    expect(kept.find((r) => r.region_code === grid && r.counter === 'visit.visits')?.value).toBeGreaterThan(
      5,
    );
    expect(kept.find((r) => r.region_code === grid && r.counter === 'visit.needs_ordered')?.value).toBe(1);
    await rebuildRollups(env.ctx);
    expect(await read()).toEqual(kept);
    const cockpit = await env.inject('GET', `/api/cockpit?region=${grid}`, { cookie: secretary });
    expect(cockpit.status).toBe(200);
    const { values } = cockpit.body(cockpitSchema);
    expect(values.visit_coverage).toBeGreaterThan(0);
    expect(values.visit_needs_ordered).toBe(1);
  });
});
