import { beforeAll, expect, it } from 'vitest';
import {
  caseDetailSchema,
  casePageSchema,
  disputeResultSchema,
  relocationTotalsSchema,
  resettlementListSchema,
  resettlementSchema,
} from '../../../shared/api/relocation.js';
import { workOrderSchema } from '../../../shared/api/work-orders.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN, XINGJIAN_STREET } from '../../testing/test-env.js';
import { articleReport } from '../report/index.js';
import {
  bringToMoved,
  makeResettlement,
  openCase,
  type RelocationWorld,
  relocationWorld,
} from './testing.js';

describeEachDialect('resettlement: capacity, disputes to work orders, totals and the article rows', (env) => {
  let world: RelocationWorld;
  let admin: string;

  beforeAll(async () => {
    world = await relocationWorld(env, QINGNIAN, 40);
    expect(world.households.length).toBeGreaterThanOrEqual(7);
    admin = await env.loginAdmin();
  });

  const resettle = (id: string, resettlementId: string, unit: string) =>
    env.inject('POST', `/api/relocation-cases/${id}/resettle`, {
      cookie: world.secretary.cookie,
      body: { resettlementId, unit, resettledOn: '2026-03-01' },
    });

  it('refuses a bad resettlement community and keeps each one to its capacity', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ regionCode: 'x' }, 'regionCode'],
      [{ regionCode: world.gridCode }, 'regionCode'],
      [{ regionCode: '230108001999' }, 'regionCode'],
      [{ name: ' ' }, 'name'],
      [{ capacityUnits: 0 }, 'capacityUnits'],
      [{ capacityUnits: 2.5 }, 'capacityUnits'],
    ];
    for (const [override, field] of bad) {
      const r = await env.inject('POST', '/api/resettlement-communities', {
        cookie: world.secretary.cookie,
        body: { regionCode: QINGNIAN, name: '青年回迁小区', capacityUnits: 2, ...override },
      });
      expect(r.status, JSON.stringify(override)).toBe(400);
      expect(r.error.fields?.map((f) => f.path)).toContain(field);
    }
    // A community secretary cannot make another community one (outside their scope: as if none).
    const outside = await env.inject('POST', '/api/resettlement-communities', {
      cookie: world.secretary.cookie,
      body: { regionCode: SHANGHAI_XINCUN, name: '上海新村回迁小区', capacityUnits: 2 },
    });
    expect(outside.error.fields?.[0]?.message).toBe('区域不存在或不在您的范围内');
    expect(await env.countRows('resettlement_communities')).toBe(0);

    const full = await makeResettlement(env, world.secretary.cookie, QINGNIAN, 2);
    const twice = await env.inject('POST', '/api/resettlement-communities', {
      cookie: admin,
      body: { regionCode: QINGNIAN, name: '又一个', capacityUnits: 2 },
    });
    expect(twice.status).toBe(409);
    // Another street's community, made by the admin: a village household may be resettled anywhere
    // in the district, so the list is the district's.
    const elsewhere = await makeResettlement(env, admin, SHANGHAI_XINCUN, 5);
    const list = await env.inject('GET', '/api/resettlement-communities', { cookie: world.secretary.cookie });
    expect(
      list
        .body(resettlementListSchema)
        .items.map((r) => r.id)
        .sort(),
    ).toEqual([full, elsewhere].sort());

    const ids: string[] = [];
    for (const household of world.households.slice(0, 3)) {
      const id = await openCase(env, world.secretary.cookie, household.id);
      await bringToMoved(env, world.secretary.cookie, id);
      ids.push(id);
    }
    expect((await resettle(ids[0]!, full, '1-1-101')).status).toBe(200);
    const taken = await resettle(ids[1]!, full, '1-1-101');
    expect(taken.status).toBe(400);
    expect(taken.error.fields?.[0]?.path).toBe('unit');
    expect((await resettle(ids[1]!, full, '1-1-102')).status).toBe(200);
    const over = await resettle(ids[2]!, full, '1-1-103');
    expect(over.status).toBe(400);
    expect(over.error.code).toBe('request.validation');
    expect(over.error.fields?.[0]).toMatchObject({ path: 'resettlementId' });
    // The refused step left the case where it was and the community full, not over.
    const page = await env.inject('GET', `/api/relocation-cases/${ids[2]}`, {
      cookie: world.secretary.cookie,
    });
    expect(page.body(caseDetailSchema).status).toBe('moved');
    const shrink = await env.inject('PATCH', `/api/resettlement-communities/${full}`, {
      cookie: world.secretary.cookie,
      body: { capacityUnits: 1 },
    });
    expect(shrink.status).toBe(400);
    expect(shrink.error.fields?.[0]?.path).toBe('capacityUnits');
    const grown = await env.inject('PATCH', `/api/resettlement-communities/${full}`, {
      cookie: world.secretary.cookie,
      body: { capacityUnits: 3 },
    });
    expect(grown.body(resettlementSchema)).toMatchObject({ capacityUnits: 3, occupiedUnits: 2 });
    // The other street's community is outside this secretary's scope to change, though listed.
    const foreign = await env.inject('PATCH', `/api/resettlement-communities/${elsewhere}`, {
      cookie: world.secretary.cookie,
      body: { capacityUnits: 9 },
    });
    expect(foreign.status).toBe(404);
    expect((await resettle(ids[2]!, elsewhere, '8-1-101')).status).toBe(200);
  });

  it('makes a dispute a work order in one step, linked both ways', async () => {
    const cookie = world.secretary.cookie;
    const household = world.households[5]!;
    const id = await openCase(env, cookie, household.id);
    const short = await env.inject('POST', `/api/relocation-cases/${id}/disputes`, {
      cookie,
      body: { description: '有' },
    });
    expect(short.status).toBe(400);
    expect(short.error.fields?.[0]?.path).toBe('description');
    const badCategory = await env.inject('POST', `/api/relocation-cases/${id}/disputes`, {
      cookie,
      body: { description: '对房屋面积认定有异议', categoryCode: 'no.such' },
    });
    expect(badCategory.status).toBe(400);
    expect(await env.countRows('relocation_disputes')).toBe(0);

    const made = await env.inject('POST', `/api/relocation-cases/${id}/disputes`, {
      cookie,
      body: { description: '对房屋面积认定有异议，要求重新测量', channel: 'walk_in' },
    });
    expect(made.status).toBe(201);
    const link = made.body(disputeResultSchema);
    const order = await env.inject('GET', `/api/work-orders/${link.workOrderId}`, { cookie });
    expect(order.status).toBe(200);
    const view = order.body(workOrderSchema);
    expect(view.number).toBe(link.number);
    expect(view.channel).toBe('walk_in');
    expect(view.categoryCode).toBe('proxy.land_acquisition');
    expect(view.regionCode).toBe(household.regionCode);
    expect(view.description).toContain('要求重新测量');
    const detail = await env.inject('GET', `/api/relocation-cases/${id}`, { cookie });
    expect(detail.body(caseDetailSchema).disputes).toMatchObject([
      { workOrderId: link.workOrderId, workOrderNumber: link.number },
    ]);
    const byOrder = await env.inject('GET', `/api/relocation-cases?order=${link.workOrderId}`, { cookie });
    expect(byOrder.body(casePageSchema).items.map((c) => [c.id, c.disputes])).toEqual([[id, 1]]);
    const withdrawn = await env.inject('POST', `/api/relocation-cases/${id}/withdraw`, {
      cookie,
      body: { reason: '纳入下一批次', withdrawnOn: '2026-01-06' },
    });
    expect(withdrawn.status).toBe(200);
    const late = await env.inject('POST', `/api/relocation-cases/${id}/disputes`, {
      cookie,
      body: { description: '撤销后仍有争议' },
    });
    expect(late.status).toBe(409);
  });

  it('totals cases by status and region, and the article report counts them', async () => {
    const cookie = world.secretary.cookie;
    const totals = await env.inject('GET', `/api/relocation-totals?region=${XINGJIAN_STREET}`, {
      cookie: admin,
    });
    expect(totals.status).toBe(200);
    const t = totals.body(relocationTotalsSchema);
    // From the tests above: three resettled, one withdrawn, every one of them in 青年社区.
    expect(t.region.byStatus).toMatchObject({ resettled: 3, withdrawn: 1, surveyed: 0 });
    expect(t.region.householdsRelocated).toBe(3);
    expect(t.region.householdsResettled).toBe(3);
    expect(t.region.compensationPaidFen).toBe(3 * 45_678_900);
    const qingnian = t.children.find((c) => c.regionCode === QINGNIAN)!;
    expect(qingnian.householdsResettled).toBe(3);
    expect(t.children.find((c) => c.regionCode === SHANGHAI_XINCUN)!.householdsResettled).toBe(0);
    // A case of the shanty-town programme moved out: relocated, not a farm household.
    const id = await openCase(env, cookie, world.households[6]!.id, { program: 'shantytown' });
    await bringToMoved(env, cookie, id);
    const own = await env.inject('GET', '/api/relocation-totals', { cookie });
    expect(own.body(relocationTotalsSchema).region).toMatchObject({
      regionCode: QINGNIAN,
      householdsRelocated: 4,
      householdsResettled: 3,
    });

    const rows = Object.fromEntries(
      (await articleReport(env.database.db, '230108')).rows.map((r) => [r.indicator, r]),
    );
    expect(rows.relocated_households?.platform).toBe(3);
    expect(rows.resettled_households?.platform).toBe(3);
    expect(rows.resettlement_communities?.platform).toBe(2);
    expect(rows.relocated_households?.article).toBe(6_000);
    expect(rows.resettled_households?.article).toBe(20_000);
    expect(rows.resettlement_communities?.scaled).toBeNull();
  });
});
