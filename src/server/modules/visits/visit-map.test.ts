import { beforeAll, expect, it } from 'vitest';
import { type VisitMap, visitMapSchema } from '../../../shared/api/visit-map.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { createResidents, loginIn } from '../member-workflows/testing.js';
import { createCampaign, visitBody } from './testing.js';

describeEachDialect('visits: the grid’s map by visit state', (env) => {
  let secretary = '';
  let gridCode = '';
  let buildingCode = '';
  /** The grid's households, sorted by id; the first lives outside any building. */
  let households: string[] = [];
  let campaign = '';

  beforeAll(async () => {
    secretary = (await loginIn(env, { role: 'secretary', regionCode: QINGNIAN })).cookie;
    const made = await createResidents(env, QINGNIAN, 20);
    gridCode = made.gridCode;
    const rows = await env.database.db
      .selectFrom('households')
      .select(['id', 'region_code'])
      .where('grid_code', '=', gridCode)
      .orderBy('id')
      .execute();
    households = rows.map((row) => row.id);
    expect(households.length).toBeGreaterThanOrEqual(5);
    buildingCode = rows[0]!.region_code;
    // One household without a building (a bungalow on the grid itself).
    await env.database.db
      .updateTable('households')
      .set({ region_code: gridCode })
      .where('id', '=', households[0]!)
      .execute();
  });

  const map = async (code: string, query = '', cookie = secretary): Promise<VisitMap> => {
    const response = await env.inject('GET', `/api/visit-map/${code}${query}`, { cookie });
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    return response.body(visitMapSchema);
  };
  const stateOf = (found: VisitMap, id: string) => found.households.find((h) => h.id === id)?.state;

  it('lists every household as not targeted while no campaign covers the grid', async () => {
    const found = await map(gridCode);
    expect(found.campaigns).toEqual([]);
    expect(found.campaignId).toBeNull();
    expect(found.households.map((h) => h.id).sort()).toEqual(households);
    expect(found.counts).toEqual({ met: 0, attempted: 0, notVisited: 0, notTargeted: households.length });
  });

  it('colours each household by the campaign’s visits: met, only attempted, not yet visited', async () => {
    campaign = (await createCampaign(env, secretary, { regionCode: QINGNIAN, name: '春季大走访' })).id;
    const [loose, met, twice, notHome] = households;
    for (const [household, outcome] of [
      [met, 'met'],
      [twice, 'not_home'],
      [twice, 'met'],
      [notHome, 'not_home'],
    ] as const) {
      const visit = await env.inject('POST', '/api/visits', {
        cookie: secretary,
        body: visitBody(env, household!, { outcome, campaignId: campaign }),
      });
      expect(visit.status, JSON.stringify(visit.json)).toBe(201);
    }
    const found = await map(gridCode);
    expect(found.campaignId).toBe(campaign);
    expect(found.campaigns.map((c) => c.name)).toEqual(['春季大走访']);
    expect(stateOf(found, met!)).toBe('met');
    expect(stateOf(found, twice!)).toBe('met');
    expect(stateOf(found, notHome!)).toBe('attempted');
    expect(stateOf(found, loose!)).toBe('not_visited');
    expect(found.counts).toEqual({
      met: 2,
      attempted: 1,
      notVisited: households.length - 3,
      notTargeted: 0,
    });
    expect(found.households.find((h) => h.id === twice)).toMatchObject({
      metCount: 1,
      attemptCount: 2,
      targetVisits: 1,
    });
    expect(found.households.find((h) => h.id === loose)?.regionCode).toBe(gridCode);
    expect(found.households.find((h) => h.id === met)?.regionCode).toBe(buildingCode);

    // A building's own map: its households only.
    const building = await map(buildingCode);
    expect(building.households.map((h) => h.id)).not.toContain(loose);
    expect(building.households).toHaveLength(households.length - 1);
    expect(building.counts.notVisited).toBe(households.length - 4);
  });

  it('defaults to the newest active campaign and colours by another on request', async () => {
    const newer = (await createCampaign(env, secretary, { regionCode: gridCode, name: '网格回访' })).id;
    const found = await map(gridCode);
    expect(found.campaignId).toBe(newer);
    expect(found.campaigns.map((c) => c.id)).toEqual([newer, campaign]);
    expect(found.counts.notVisited).toBe(households.length);
    const older = await map(gridCode, `?campaign=${campaign}`);
    expect(older.counts.met).toBe(2);

    const closed = await env.inject('POST', `/api/visit-campaigns/${newer}/close`, { cookie: secretary });
    expect(closed.status).toBe(200);
    expect((await map(gridCode)).campaignId).toBe(campaign);
    const gone = await env.inject('GET', `/api/visit-map/${gridCode}?campaign=${newer}`, {
      cookie: secretary,
    });
    expect(gone.status).toBe(404);
    expect(gone.error.code).toBe('visit.campaign_not_found');
  });

  it('refuses another community’s campaign as if it did not exist', async () => {
    const elsewhere = (await createCampaign(env, await env.loginAdmin(), { regionCode: SHANGHAI_XINCUN })).id;
    const response = await env.inject('GET', `/api/visit-map/${gridCode}?campaign=${elsewhere}`, {
      cookie: secretary,
    });
    expect(response.status).toBe(404);
    expect(response.error.code).toBe('visit.campaign_not_found');
  });

  it('answers within the scope only: 404 outside it, 403 without visit.read', async () => {
    const worker = (await loginIn(env, { role: 'grid_worker', regionCode: gridCode })).cookie;
    expect((await map(gridCode, '', worker)).counts.met).toBe(2);
    const otherGrid = await env.createRegion(QINGNIAN, 'grid', '另一网格');
    const otherWorker = (await loginIn(env, { role: 'grid_worker', regionCode: otherGrid })).cookie;
    const otherCommunity = (await loginIn(env, { role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
    for (const cookie of [otherWorker, otherCommunity]) {
      const response = await env.inject('GET', `/api/visit-map/${gridCode}`, { cookie });
      expect(response.status).toBe(404);
      expect(response.error.code).toBe('region.not_found');
    }
    for (const role of ['member', 'hotline_operator'] as const) {
      const cookie = (await loginIn(env, { role, regionCode: QINGNIAN })).cookie;
      expect((await env.inject('GET', `/api/visit-map/${gridCode}`, { cookie })).status, role).toBe(403);
    }
    expect((await env.inject('GET', `/api/visit-map/${gridCode}`)).status).toBe(401);
  });

  it('refuses bad input naming the field', async () => {
    const cases: [string, string][] = [
      ['/api/visit-map/abc', 'params.code'],
      [`/api/visit-map/${gridCode}?campaign=nope`, 'querystring.campaign'],
    ];
    for (const [url, field] of cases) {
      const response = await env.inject('GET', url, { cookie: secretary });
      expect(response.status, url).toBe(400);
      expect(response.error.fields?.map((f) => f.path)).toEqual([field]);
    }
    const community = await env.inject('GET', `/api/visit-map/${QINGNIAN}`, { cookie: secretary });
    expect(community.status).toBe(400);
    expect(community.error.fields).toEqual([
      { path: 'params.code', message: '走访地图只能按网格或楼栋查看' },
    ]);
    const english = await env.inject('GET', `/api/visit-map/${QINGNIAN}`, {
      cookie: secretary,
      headers: { 'accept-language': 'en' },
    });
    expect(english.error.fields?.[0]?.message).toBe('the visit map shows a grid or a building');
  });
});
