import { v7 as uuidv7 } from 'uuid';
import { beforeAll, expect, it } from 'vitest';
import {
  householdBriefSchema,
  visitPageSchema,
  visitSchema,
  visitTargetPageSchema,
} from '../../../shared/api/visits.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN, type TestResponse } from '../../testing/test-env.js';
import { createResidents, loginIn } from '../member-workflows/testing.js';
import { importCountyRegions } from '../regions/index.js';
import { createCampaign, visitBody } from './testing.js';

/** 索菲亚社区, 道里区: another county of the same deployment. */
const DAOLI_COMMUNITY = '230102001002';

describeEachDialect('大走访: recording visits', (env) => {
  let secretary = '';
  let gridWorker = '';
  let auditor = '';
  let otherCommunity = '';
  let otherDistrict = '';
  let member = '';
  let grid = '';
  let households: { id: string; personId: string }[] = [];
  let outsideHousehold = '';
  let campaign = '';

  const householdsOf = async (personIds: string[]) => {
    const rows = await env.database.db
      .selectFrom('persons')
      .select(['id', 'household_id'])
      .where('id', 'in', personIds)
      .orderBy('id')
      .execute();
    const seen = new Map<string, string>();
    for (const row of rows)
      if (row.household_id && !seen.has(row.household_id)) seen.set(row.household_id, row.id);
    return [...seen].map(([id, personId]) => ({ id, personId }));
  };

  beforeAll(async () => {
    const residents = await createResidents(env, QINGNIAN, 30);
    grid = residents.gridCode;
    households = await householdsOf(residents.people.map((p) => p.id));
    outsideHousehold = (
      await householdsOf((await createResidents(env, SHANGHAI_XINCUN, 2)).people.map((p) => p.id))
    )[0]!.id;
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    gridWorker = (await env.loginAs({ role: 'grid_worker', regionCode: grid })).cookie;
    auditor = (await env.loginAs({ role: 'auditor', regionCode: QINGNIAN })).cookie;
    member = (await env.loginAs({ role: 'member', regionCode: QINGNIAN })).cookie;
    otherCommunity = (await env.loginAs({ role: 'grid_worker', regionCode: SHANGHAI_XINCUN })).cookie;
    await importCountyRegions(env.ctx, '230102', SYSTEM_ACTOR);
    otherDistrict = (await loginIn(env, { role: 'secretary', regionCode: DAOLI_COMMUNITY })).cookie;
    campaign = (await createCampaign(env, secretary, { regionCode: grid })).id;
  });

  const record = (cookie: string, body: unknown) => env.inject('POST', '/api/visits', { cookie, body });
  const fieldsOf = (response: TestResponse) => (response.error.fields ?? []).map((f) => f.path);

  it('refuses each bad field by name, and writes nothing', async () => {
    const good = visitBody(env, households[0]!.id);
    const before = await env.countRows('visits');
    const cases: [Record<string, unknown>, string][] = [
      [{ idempotencyKey: 'abc' }, 'idempotencyKey'],
      [{ householdId: 'x' }, 'householdId'],
      [{ startedAt: '昨天' }, 'startedAt'],
      [{ endedAt: new Date(Date.parse(good.startedAt) - 60_000).toISOString() }, 'endedAt'],
      [{ method: 'letter' }, 'method'],
      [{ outcome: 'maybe' }, 'outcome'],
      [{ latitude: 95, longitude: 120 }, 'latitude'],
      [{ latitude: 45.7 }, 'longitude'],
      [{ notes: 'x'.repeat(2001) }, 'notes'],
      [{ needs: [{ type: 'weather', description: '下雨' }] }, 'needs.0.type'],
      [{ needs: [{ type: 'fire', description: '' }] }, 'needs.0.description'],
      [{ changes: [{ kind: 'new_phone', personId: households[0]!.personId, value: '' }] }, 'changes.0.value'],
      [{ companionUserIds: ['nobody'] }, 'companionUserIds.0'],
      [{ campaignId: 'c' }, 'campaignId'],
      [{ extra: 1 }, ''],
    ];
    for (const [change, path] of cases) {
      const response = await record(gridWorker, { ...good, ...change });
      expect(response.status, JSON.stringify(change)).toBe(400);
      if (path) expect(fieldsOf(response), JSON.stringify(change)).toContain(path);
    }
    // Rules the schema cannot know: a visit in the future, a bad phone, an unknown tag, a person
    // of another household, an unknown companion, a household outside the campaign.
    const later = new Date(env.now().getTime() + 3 * 3600_000).toISOString();
    const ruled: [Record<string, unknown>, string][] = [
      [{ startedAt: later, endedAt: later }, 'startedAt'],
      [
        { changes: [{ kind: 'new_phone', personId: households[0]!.personId, value: '12345' }] },
        'changes.0.value',
      ],
      [
        { changes: [{ kind: 'new_tag', personId: households[0]!.personId, value: '外星人' }] },
        'changes.0.value',
      ],
      [{ changes: [{ kind: 'death', personId: households[1]!.personId }] }, 'changes.0.personId'],
      [{ companionUserIds: [uuidv7()] }, 'companionUserIds'],
      [{ campaignId: uuidv7() }, 'campaignId'],
    ];
    for (const [change, path] of ruled) {
      const response = await record(gridWorker, { ...good, ...change });
      expect(response.status, JSON.stringify(change)).toBe(400);
      expect(fieldsOf(response), JSON.stringify(change)).toEqual([path]);
    }
    const english = await env.inject('POST', '/api/visits', {
      cookie: gridWorker,
      headers: { 'accept-language': 'en' },
      body: { ...good, method: 'letter' },
    });
    expect(english.error.fields?.[0]?.message).toMatch(/must be one of/);
    expect(await env.countRows('visits')).toBe(before);
  });

  it('answers 404 outside the scope (another community, another district) and 403 without the permission', async () => {
    const body = () => visitBody(env, households[0]!.id);
    expect((await record(otherCommunity, body())).status).toBe(404);
    expect((await record(otherDistrict, body())).status).toBe(404);
    expect((await record(member, body())).status).toBe(404);
    expect((await record(gridWorker, visitBody(env, outsideHousehold))).status).toBe(404);
    expect((await env.inject('POST', '/api/visits', { body: body() })).status).toBe(401);
    const recorded = await record(gridWorker, body());
    expect(recorded.status).toBe(201);
    const id = recorded.body(visitSchema).id;
    expect((await env.inject('GET', `/api/visits/${id}`, { cookie: otherCommunity })).status).toBe(404);
    expect((await env.inject('GET', `/api/visits/${id}`, { cookie: otherDistrict })).status).toBe(404);
    expect((await env.inject('GET', `/api/visits/${id}`, { cookie: auditor })).status).toBe(200);
    expect((await env.inject('GET', `/api/visits/${id}`, { cookie: member })).status).toBe(403);
    expect(
      (await env.inject('GET', `/api/visit-campaigns/${campaign}`, { cookie: otherDistrict })).status,
    ).toBe(404);
    expect((await env.inject('GET', `/api/visit-campaigns/${campaign}`, { cookie: member })).status).toBe(
      403,
    );
    const planned = await env.inject('POST', '/api/visit-campaigns', {
      cookie: gridWorker,
      body: {
        name: '走访',
        regionCode: grid,
        startsOn: '2026-01-01',
        endsOn: '2026-02-01',
        rule: 'every_household',
      },
    });
    expect(planned.status).toBe(403);
    const elsewhere = await env.inject('POST', '/api/visit-campaigns', {
      cookie: otherDistrict,
      body: {
        name: '走访',
        regionCode: grid,
        startsOn: '2026-01-01',
        endsOn: '2026-02-01',
        rule: 'every_household',
      },
    });
    expect(elsewhere.status).toBe(400);
    expect(fieldsOf(elsewhere)).toEqual(['regionCode']);
    const list = await env.inject('GET', '/api/visits', { cookie: otherDistrict });
    expect(list.body(visitPageSchema).items).toEqual([]);
    expect((await env.inject('GET', `/api/visits?region=${grid}`, { cookie: otherDistrict })).status).toBe(
      404,
    );
  });

  it('stores a draft sent twice once and answers the same visit; a key reused elsewhere is a conflict', async () => {
    const body = visitBody(env, households[2]!.id, {
      needs: [{ type: 'sanitation', description: '楼道堆放杂物' }],
    });
    const before = await env.countRows('visits');
    const first = await record(gridWorker, body);
    expect(first.status).toBe(201);
    const [again, concurrent] = await Promise.all([record(gridWorker, body), record(gridWorker, body)]);
    expect(again.status).toBe(200);
    expect(concurrent.status).toBe(200);
    const { id } = first.body(visitSchema);
    expect(again.body(visitSchema).id).toBe(id);
    expect(concurrent.body(visitSchema).id).toBe(id);
    expect(await env.countRows('visits')).toBe(before + 1);
    expect(await env.countRows('visit_needs')).toBeGreaterThanOrEqual(1);
    const reused = await record(gridWorker, { ...body, householdId: households[3]!.id });
    expect(reused.status).toBe(409);
    expect(reused.error.code).toBe('visit.key_reused');
    expect((await record(secretary, body)).status).toBe(409);
  });

  it('schedules a re-visit at another time of day, records many "not home" at once, shows the last visit first', async () => {
    const evening = new Date(env.now());
    evening.setUTCHours(11, 0, 0, 0); // 19:00 in Beijing
    if (evening.getTime() > env.now().getTime()) evening.setUTCDate(evening.getUTCDate() - 1);
    const notHome = await record(
      gridWorker,
      visitBody(env, households[1]!.id, {
        outcome: 'not_home',
        startedAt: evening.toISOString(),
        endedAt: evening.toISOString(),
      }),
    );
    expect(notHome.status).toBe(201);
    const notHomeVisit = notHome.body(visitSchema);
    expect(notHomeVisit.revisitSlot).toBe('morning');

    const ids = households.slice(6, 10).map((h) => h.id);
    const keys = ids.map(() => uuidv7());
    const batch = {
      householdIds: ids,
      at: new Date(env.now().getTime() - 600_000).toISOString(),
      idempotencyKeys: keys,
    };
    const bad = await env.inject('POST', '/api/visits/not-home', {
      cookie: gridWorker,
      body: { ...batch, householdIds: [...ids.slice(1), outsideHousehold] },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual([`householdIds.${ids.length - 1}`]);
    expect(
      fieldsOf(
        await env.inject('POST', '/api/visits/not-home', {
          cookie: gridWorker,
          body: { ...batch, idempotencyKeys: keys.slice(1) },
        }),
      ),
    ).toEqual(['idempotencyKeys']);
    const before = await env.countRows('visits');
    const done = await env.inject('POST', '/api/visits/not-home', { cookie: gridWorker, body: batch });
    expect(done.json).toEqual({ created: ids.length, repeated: 0 });
    const resent = await env.inject('POST', '/api/visits/not-home', { cookie: gridWorker, body: batch });
    expect(resent.json).toEqual({ created: 0, repeated: ids.length });
    expect(await env.countRows('visits')).toBe(before + ids.length);

    const brief = await env.inject('GET', `/api/visit-households/${households[1]!.id}`, {
      cookie: gridWorker,
    });
    expect(brief.status).toBe(200);
    const household = brief.body(householdBriefSchema);
    expect(household.lastVisit?.id).toBe(notHomeVisit.id);
    expect(household.members.length).toBeGreaterThan(0);
    for (const person of household.members) expect(person.phone).not.toMatch(/^\d{11}$/);
    expect(
      (await env.inject('GET', `/api/visit-households/${households[1]!.id}`, { cookie: otherDistrict }))
        .status,
    ).toBe(404);
  });

  it('lets a member record visits only at the households a campaign gave them', async () => {
    const own = await loginIn(env, { role: 'member', regionCode: QINGNIAN });
    const give = await env.inject('POST', `/api/visit-campaigns/${campaign}/assignments`, {
      cookie: secretary,
      body: { householdIds: [households[4]!.id], visitorUserId: own.id },
    });
    expect(give.status).toBe(200);
    const mine = await env.inject('GET', '/api/me/visit-targets', { cookie: own.cookie });
    expect(mine.body(visitTargetPageSchema).items.map((t) => t.householdId)).toEqual([households[4]!.id]);
    expect((await record(own.cookie, visitBody(env, households[4]!.id))).status).toBe(201);
    expect((await record(own.cookie, visitBody(env, households[5]!.id))).status).toBe(404);
  });
});
