import { beforeAll, expect, it } from 'vitest';
import {
  type CalendarDay,
  calendarDayListSchema,
  categoryListSchema,
  categorySchema,
} from '../../../shared/api/catalogue.js';
import { portalCategoryListSchema } from '../../../shared/api/portal.js';
import { meSchema } from '../../../shared/api/users.js';
import { workOrderDetailSchema, workOrderSchema } from '../../../shared/api/work-orders.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { DISTRICT, describeEachDialect, QINGNIAN, type TestEnv } from '../../testing/test-env.js';
import { geoReportServiceListSchema } from '../open311/testing.js';
import { newPhone, residentLogin } from '../portal/testing.js';
import { importCountyRegions } from '../regions/index.js';
import { UsersService } from '../users/index.js';
import { type WorkOrderWorld, workOrderWorld } from '../work-orders/testing.js';

/**
 * Per-district calendar exceptions and categories (issue 15, item 5): district A is 松北区, a second
 * district hosted by the installation; district B is 平房区, the installation's own district.
 */
const A = '230109';
const B = DISTRICT;

/** Logs in a fresh account holding `role` at `regionCode` (outside the installation district). */
async function loginAt(
  env: TestEnv,
  role: 'district_admin' | 'hotline_operator' | 'secretary',
  regionCode: string,
) {
  const users = new UsersService(env.ctx);
  const scope = new Scope([regionCode.slice(0, 6)], env.dialect);
  const username = `dc_${role}_${Math.random().toString(36).slice(2, 8)}`;
  const password = 'Songbei-pass-2026';
  const created = await users.create(
    scope,
    { username, password, displayName: username, regionCode, mustChangePassword: false },
    SYSTEM_ACTOR,
  );
  await users.assignRole(scope, created.user.id, { role, regionCode }, SYSTEM_ACTOR);
  return env.login(username, password);
}

/** A date `days` after today in Beijing, as YYYY-MM-DD. */
const inDays = (env: TestEnv, days: number) => beijingDate(new Date(env.now().getTime() + days * 86_400_000));

const auditOf = (env: TestEnv, targetId: string) =>
  env.database.db
    .selectFrom('audit_log')
    .select(['action', 'region_code'])
    .where('target_id', '=', targetId)
    .orderBy('id')
    .execute();

describeEachDialect('per-district calendar exceptions and categories', (env) => {
  let world: WorkOrderWorld;
  let adminA: string;
  let streetAdminA: string;
  let operatorA: string;
  let communityA: string;
  let communityB: string;

  /** Takes an order in at a community; answers the response. */
  const intake = (cookie: string, regionCode: string, categoryCode = 'livelihood.repair') =>
    env.inject('POST', '/api/work-orders', {
      cookie,
      body: { categoryCode, description: '楼上漏水，需要上门查看维修', channel: 'hotline', regionCode },
    });

  beforeAll(async () => {
    world = await workOrderWorld(env);
    await importCountyRegions(env.ctx, A, SYSTEM_ACTOR);
    const regionOf = async (district: string, length: number) =>
      (
        await env.database.db
          .selectFrom('regions')
          .select('code')
          .where('code', 'like', `${district}%`)
          .orderBy('code')
          .execute()
      ).find((r) => r.code.length === length)!.code;
    communityA = await regionOf(A, 12);
    communityB = await regionOf(B, 12);
    adminA = await loginAt(env, 'district_admin', A);
    streetAdminA = await loginAt(env, 'district_admin', communityA.slice(0, 9));
    operatorA = await loginAt(env, 'hotline_operator', A);
  });

  it('moves deadlines of A’s orders by A’s own holidays and leaves B’s alone', async () => {
    const beforeA = await intake(operatorA, communityA);
    const beforeB = await intake(world.operator.cookie, communityB);
    expect([beforeA.status, beforeB.status]).toEqual([201, 201]);
    const dueBeforeB = beforeB.body(workOrderSchema).dueAt;
    expect(beforeA.body(workOrderSchema).dueAt).toBe(dueBeforeB);
    // Ten days off in A from tomorrow on: A's three working days start after them.
    for (let day = 1; day <= 10; day += 1) {
      const set = await env.inject('PUT', `/api/districts/${A}/calendar/${inDays(env, day)}`, {
        cookie: adminA,
        body: { kind: 'holiday', name: '松北冰雪节' },
      });
      expect(set.status).toBe(204);
    }
    const afterA = await intake(operatorA, communityA);
    const afterB = await intake(world.operator.cookie, communityB);
    expect([afterA.status, afterB.status]).toEqual([201, 201]);
    expect(afterB.body(workOrderSchema).dueAt).toBe(dueBeforeB);
    expect(Date.parse(afterA.body(workOrderSchema).dueAt)).toBeGreaterThanOrEqual(
      Date.parse(`${inDays(env, 11)}T00:00:00+08:00`) + 86_400_000,
    );

    const calendar = async (cookie: string) =>
      (await env.inject('GET', `/api/calendar?year=${inDays(env, 1).slice(0, 4)}`, { cookie })).body(
        calendarDayListSchema,
      ).items;
    const ownOfA = (items: CalendarDay[]) => items.filter((d) => d.districtCode === A).map((d) => d.date);
    expect(ownOfA(await calendar(adminA))).toContain(inDays(env, 1));
    expect(ownOfA(await calendar(world.operator.cookie))).toEqual([]);
    expect((await calendar(adminA)).some((d) => d.districtCode === null)).toBe(true);

    const removed = await env.inject('DELETE', `/api/districts/${A}/calendar/${inDays(env, 1)}`, {
      cookie: adminA,
    });
    expect(removed.status).toBe(204);
    const again = await env.inject('DELETE', `/api/districts/${A}/calendar/${inDays(env, 1)}`, {
      cookie: adminA,
    });
    expect([again.status, again.error.code]).toEqual([404, 'calendar.unknown_day']);
    expect(await auditOf(env, inDays(env, 1))).toEqual([
      { action: 'calendar.district_day_set', region_code: A },
      { action: 'calendar.district_day_deleted', region_code: A },
    ]);
  });

  it('gives the callback of an order closed in A A’s calendar, and of one closed in B B’s', async () => {
    for (let day = 1; day <= 10; day += 1) {
      const set = await env.inject('PUT', `/api/districts/${A}/calendar/${inDays(env, day)}`, {
        cookie: adminA,
        body: { kind: 'holiday', name: '松北冰雪节' },
      });
      expect(set.status).toBe(204);
    }
    const act = (cookie: string, id: string, body: Record<string, unknown>) =>
      env.inject('POST', `/api/work-orders/${id}/actions`, { cookie, body });
    /** Takes an order in at a community; its secretary handles it and the district's admin closes it. */
    const close = async (operator: string, admin: string, secretary: string, community: string) => {
      const order = await intake(operator, community);
      expect(order.status).toBe(201);
      const id = order.body(workOrderSchema).id;
      const me = (await env.inject('GET', '/api/auth/me', { cookie: secretary })).body(meSchema);
      const steps: [string, Record<string, unknown>][] = [
        [admin, { action: 'dispatch', assigneeUserId: me.id }],
        [secretary, { action: 'sign' }],
        [secretary, { action: 'resolve', note: '已上门维修，漏水已止住' }],
        [admin, { action: 'review', approve: true }],
      ];
      for (const [cookie, body] of steps) {
        const step = await act(cookie, id, body);
        expect(step.status, `${body.action}: ${JSON.stringify(step.json)}`).toBe(200);
      }
      return (await env.inject('GET', `/api/work-orders/${id}`, { cookie: admin })).body(
        workOrderDetailSchema,
      );
    };
    const secretaryA = await loginAt(env, 'secretary', communityA);
    const closedInA = await close(operatorA, adminA, secretaryA, communityA);
    const closedInB = await close(world.operator.cookie, world.admin, world.secretary.cookie, QINGNIAN);
    expect([closedInA.status, closedInB.status]).toEqual(['closed', 'closed']);
    // Date.parse('') is NaN: an order without a callback deadline fails both comparisons.
    const callbackA = Date.parse(closedInA.callbackDueAt ?? '');
    expect(callbackA).toBeGreaterThanOrEqual(Date.parse(`${inDays(env, 11)}T00:00:00+08:00`) + 86_400_000);
    expect(Date.parse(closedInB.callbackDueAt ?? '')).toBeLessThan(callbackA);
  });

  it('lets A’s admin edit only A’s own settings: B’s do not exist for them, shared ones are refused', async () => {
    const before = await env.countRows('district_calendar_days');
    const theirs = await env.inject('PUT', `/api/districts/${B}/calendar/2031-03-03`, {
      cookie: adminA,
      body: { kind: 'holiday', name: '私设假日' },
    });
    expect([theirs.status, theirs.error.code]).toEqual([404, 'region.not_found']);
    const theirSwitch = await env.inject('PUT', `/api/districts/${B}/service-categories/livelihood.repair`, {
      cookie: adminA,
      body: { active: false },
    });
    expect(theirSwitch.status).toBe(404);
    const shared = await env.inject('PUT', '/api/calendar/2031-03-03', {
      cookie: adminA,
      body: { kind: 'holiday', name: '私设假日' },
    });
    expect([shared.status, shared.error.code]).toEqual([403, 'catalogue.installation_wide']);
    const street = await env.inject('PUT', `/api/districts/${A}/calendar/2031-03-03`, {
      cookie: streetAdminA,
      body: { kind: 'holiday', name: '街道假日' },
    });
    expect([street.status, street.error.code]).toEqual([403, 'catalogue.district_wide']);
    const streetSwitch = await env.inject('PUT', `/api/districts/${A}/service-categories/livelihood.repair`, {
      cookie: streetAdminA,
      body: { active: false },
    });
    expect([streetSwitch.status, streetSwitch.error.code]).toEqual([403, 'catalogue.district_wide']);
    expect(await env.countRows('district_calendar_days')).toBe(before);
    expect(await env.countRows('district_category_settings')).toBe(0);
  });

  it('refuses at intake in A a category A switched off, and still takes it in B', async () => {
    const off = await env.inject('PUT', `/api/districts/${A}/service-categories/environment.corridor`, {
      cookie: adminA,
      body: { active: false },
    });
    expect(off.status).toBe(200);
    expect(off.json).toMatchObject({
      code: 'environment.corridor',
      districtCode: null,
      active: true,
      districts: [{ districtCode: A, active: false }],
    });
    const inA = await intake(operatorA, communityA, 'environment.corridor');
    expect(inA.status).toBe(400);
    expect(inA.error.fields?.map((f) => f.path)).toEqual(['categoryCode']);
    expect((await intake(world.operator.cookie, communityB, 'environment.corridor')).status).toBe(201);

    const listed = async (cookie: string) =>
      (await env.inject('GET', '/api/service-categories', { cookie }))
        .body(categoryListSchema)
        .items.find((c) => c.code === 'environment.corridor');
    expect((await listed(adminA))?.districts).toEqual([{ districtCode: A, active: false }]);
    expect((await listed(world.operator.cookie))?.districts).toEqual([{ districtCode: B, active: true }]);
    expect(await auditOf(env, 'environment.corridor')).toEqual([
      { action: 'catalogue.district_category_set', region_code: A },
    ]);

    const on = await env.inject('PUT', `/api/districts/${A}/service-categories/environment.corridor`, {
      cookie: adminA,
      body: { active: true },
    });
    expect(on.body(categorySchema).districts).toEqual([{ districtCode: A, active: true }]);
    expect((await intake(operatorA, communityA, 'environment.corridor')).status).toBe(201);
  });

  it('keeps a category the installation switched off off in every district, whatever a district sets', async () => {
    const offEverywhere = await env.inject('PATCH', '/api/service-categories/environment.lighting', {
      cookie: world.admin,
      body: { active: false },
    });
    expect(offEverywhere.status).toBe(200);
    const onInA = await env.inject('PUT', `/api/districts/${A}/service-categories/environment.lighting`, {
      cookie: adminA,
      body: { active: true },
    });
    expect(onInA.body(categorySchema).districts).toEqual([{ districtCode: A, active: false }]);
    expect((await intake(operatorA, communityA, 'environment.lighting')).status).toBe(400);
    const back = await env.inject('PATCH', '/api/service-categories/environment.lighting', {
      cookie: world.admin,
      body: { active: true },
    });
    expect(back.status).toBe(200);
    expect((await intake(operatorA, communityA, 'environment.lighting')).status).toBe(201);
  });

  it('keeps A’s own category to A: invisible to B in lists, the portal and at intake', async () => {
    const created = await env.inject('POST', '/api/service-categories', {
      cookie: adminA,
      body: {
        code: 'songbei_ice',
        districtCode: A,
        name: '冰雪清理',
        handlerKind: 'street',
        signHours: 2,
        resolveDays: 2,
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ districtCode: A, districts: [{ districtCode: A, active: true }] });
    expect(await auditOf(env, 'songbei_ice')).toEqual([
      { action: 'catalogue.category_created', region_code: A },
    ]);

    const codes = async (cookie: string) =>
      (await env.inject('GET', '/api/service-categories', { cookie }))
        .body(categoryListSchema)
        .items.map((c) => c.code);
    expect(await codes(adminA)).toContain('songbei_ice');
    expect(await codes(world.operator.cookie)).not.toContain('songbei_ice');
    expect(await codes(world.admin)).not.toContain('songbei_ice');

    const resident = await residentLogin(env, newPhone());
    const portal = await env.inject('GET', '/api/portal/categories', { cookie: resident });
    expect(portal.body(portalCategoryListSchema).items.map((c) => c.code)).not.toContain('songbei_ice');

    const services = await env.inject('GET', `/open311/v2/services.json?jurisdiction_id=${A}`);
    expect(services.body(geoReportServiceListSchema).map((s) => s.service_code)).toContain('songbei_ice');
    const servicesB = await env.inject('GET', `/open311/v2/services.json?jurisdiction_id=${B}`);
    expect(servicesB.body(geoReportServiceListSchema).map((s) => s.service_code)).not.toContain(
      'songbei_ice',
    );

    const inB = await intake(world.operator.cookie, communityB, 'songbei_ice');
    expect(inB.status).toBe(400);
    expect(inB.error.fields?.map((f) => f.path)).toEqual(['categoryCode']);
    expect((await intake(operatorA, communityA, 'songbei_ice')).status).toBe(201);

    // B's admin cannot see it to change it; A's street admin sees it but may not change it.
    const byB = await env.inject('PATCH', '/api/service-categories/songbei_ice', {
      cookie: world.admin,
      body: { active: false },
    });
    expect([byB.status, byB.error.code]).toEqual([404, 'workorder.unknown_category']);
    const switchByB = await env.inject('PUT', `/api/districts/${B}/service-categories/songbei_ice`, {
      cookie: world.admin,
      body: { active: false },
    });
    expect(switchByB.status).toBe(404);
    const byStreet = await env.inject('PATCH', '/api/service-categories/songbei_ice', {
      cookie: streetAdminA,
      body: { active: false },
    });
    expect([byStreet.status, byStreet.error.code]).toEqual([403, 'catalogue.district_wide']);
    const byA = await env.inject('PATCH', '/api/service-categories/songbei_ice', {
      cookie: adminA,
      body: { sort: 9 },
    });
    expect(byA.status).toBe(200);
  });

  it('answers bad input with a field error and writes nothing', async () => {
    const before = await env.countRows('district_calendar_days');
    const badDate = await env.inject('PUT', `/api/districts/${A}/calendar/2031-02-30`, {
      cookie: adminA,
      body: { kind: 'holiday', name: '' },
    });
    expect(badDate.status).toBe(400);
    expect(badDate.error.fields?.map((f) => f.path)).toEqual(['params.date']);
    const badKind = await env.inject('PUT', `/api/districts/${A}/calendar/2031-03-05`, {
      cookie: adminA,
      body: { kind: 'vacation', name: '' },
    });
    expect(badKind.status).toBe(400);
    expect(badKind.error.fields?.map((f) => f.path)).toEqual(['kind']);
    const badDistrict = await env.inject('PUT', '/api/districts/23010/calendar/2031-03-05', {
      cookie: adminA,
      body: { kind: 'holiday', name: '' },
    });
    expect(badDistrict.status).toBe(400);
    expect(badDistrict.error.fields?.map((f) => f.path)).toEqual(['params.district']);
    const badActive = await env.inject('PUT', `/api/districts/${A}/service-categories/livelihood.repair`, {
      cookie: adminA,
      body: { active: 'no' },
    });
    expect(badActive.status).toBe(400);
    expect(badActive.error.fields?.map((f) => f.path)).toEqual(['active']);
    const unknown = await env.inject('PUT', `/api/districts/${A}/service-categories/no.such`, {
      cookie: adminA,
      body: { active: false },
    });
    expect([unknown.status, unknown.error.code]).toEqual([404, 'workorder.unknown_category']);
    const unknownParent = await env.inject('POST', '/api/service-categories', {
      cookie: adminA,
      body: {
        code: 'songbei_orphan',
        parentCode: 'no_such_group',
        districtCode: A,
        name: '无上级',
        handlerKind: 'street',
        signHours: 2,
        resolveDays: 2,
      },
    });
    expect(unknownParent.status).toBe(400);
    expect(unknownParent.error.fields?.map((f) => f.path)).toEqual(['parentCode']);
    const unknownCategory = await intake(operatorA, communityA, 'no.such');
    expect(unknownCategory.status).toBe(400);
    expect(unknownCategory.error.fields?.map((f) => f.path)).toEqual(['categoryCode']);
    expect(await env.countRows('district_calendar_days')).toBe(before);
  });
});
