import { beforeAll, expect, it } from 'vitest';
import {
  calendarDayListSchema,
  categoryListSchema,
  hotlineListSchema,
  hotlineSchema,
} from '../../../shared/api/catalogue.js';
import { workOrderSchema } from '../../../shared/api/work-orders.js';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { DISTRICT, describeEachDialect, type TestEnv } from '../../testing/test-env.js';
import { importCountyRegions } from '../regions/index.js';
import { UsersService } from '../users/index.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from '../work-orders/testing.js';

const SONGBEI = '230109'; // 松北区, a second district in the same installation

/** Logs in a fresh account holding `role` in a region of another district. */
async function loginInOtherDistrict(env: TestEnv, role: 'district_admin' | 'hotline_operator') {
  const users = new UsersService(env.ctx);
  const scope = new Scope([SONGBEI], env.dialect);
  const username = `songbei_${role}_${Math.random().toString(36).slice(2, 8)}`;
  const password = 'Songbei-pass-2026';
  const created = await users.create(
    scope,
    { username, password, displayName: username, regionCode: SONGBEI, mustChangePassword: false },
    SYSTEM_ACTOR,
  );
  await users.assignRole(scope, created.user.id, { role, regionCode: SONGBEI }, SYSTEM_ACTOR);
  return env.login(username, password);
}

const auditRows = (env: TestEnv, actionPrefix: string) =>
  env.database.db
    .selectFrom('audit_log')
    .select(['action', 'region_code', 'actor_name'])
    .where('action', 'like', `${actionPrefix}%`)
    .orderBy('id')
    .execute();

describeEachDialect('installation-wide settings and hotlines', (env) => {
  let world: WorkOrderWorld;
  let streetAdmin: string;
  let otherDistrictAdmin: string;
  let otherDistrictOperator: string;
  beforeAll(async () => {
    world = await workOrderWorld(env);
    await importCountyRegions(env.ctx, SONGBEI, SYSTEM_ACTOR);
    streetAdmin = (await env.loginAs({ role: 'district_admin', regionCode: '230108002' })).cookie;
    otherDistrictAdmin = await loginInOtherDistrict(env, 'district_admin');
    otherDistrictOperator = await loginInOtherDistrict(env, 'hotline_operator');
  });

  it('refuses catalogue and calendar edits from a street admin and another district’s admin', async () => {
    const category = 'livelihood.elderly_care';
    for (const cookie of [streetAdmin, otherDistrictAdmin]) {
      const disable = await env.inject('PATCH', `/api/service-categories/${category}`, {
        cookie,
        body: { active: false },
      });
      expect([disable.status, disable.error.code]).toEqual([403, 'catalogue.installation_wide']);
      const create = await env.inject('POST', '/api/service-categories', {
        cookie,
        body: { code: 'rogue', name: '私设类别', handlerKind: 'street', signHours: 2, resolveDays: 2 },
      });
      expect([create.status, create.error.code]).toEqual([403, 'catalogue.installation_wide']);
      const holiday = await env.inject('PUT', '/api/calendar/2031-03-03', {
        cookie,
        body: { kind: 'holiday', name: '私设假日' },
      });
      expect([holiday.status, holiday.error.code]).toEqual([403, 'catalogue.installation_wide']);
      const removal = await env.inject('DELETE', '/api/calendar/2031-01-01', { cookie });
      expect([removal.status, removal.error.code]).toEqual([403, 'catalogue.installation_wide']);
    }
    const categories = (await env.inject('GET', '/api/service-categories', { cookie: world.admin })).body(
      categoryListSchema,
    ).items;
    expect(categories.find((c) => c.code === category)?.active).toBe(true);
    expect(categories.map((c) => c.code)).not.toContain('rogue');
    const calendar = (await env.inject('GET', '/api/calendar?year=2031', { cookie: world.admin })).body(
      calendarDayListSchema,
    ).items;
    expect(calendar.map((d) => d.date)).not.toContain('2031-03-03');
    expect(await auditRows(env, 'catalogue.')).toEqual([]);
    expect(await auditRows(env, 'calendar.')).toEqual([]);
  });

  it('lets the district’s own admin edit them, and audits it in that district', async () => {
    const holiday = await env.inject('PUT', '/api/calendar/2031-03-04', {
      cookie: world.admin,
      body: { kind: 'holiday', name: '区定假日' },
    });
    expect(holiday.status).toBe(204);
    const sort = await env.inject('PATCH', '/api/service-categories/livelihood.elderly_care', {
      cookie: world.admin,
      body: { sort: 7 },
    });
    expect(sort.status).toBe(200);
    const rows = [...(await auditRows(env, 'calendar.')), ...(await auditRows(env, 'catalogue.'))];
    expect(rows).toEqual([
      { action: 'calendar.day_set', region_code: DISTRICT, actor_name: 'admin' },
      { action: 'catalogue.category_updated', region_code: DISTRICT, actor_name: 'admin' },
    ]);
  });

  it('refuses an empty parent code and an empty hotline change with a field error', async () => {
    const emptyParent = await env.inject('POST', '/api/service-categories', {
      cookie: world.admin,
      body: {
        code: 'orphan',
        parentCode: '',
        name: '无上级',
        handlerKind: 'street',
        signHours: 2,
        resolveDays: 2,
      },
    });
    expect(emptyParent.status).toBe(400);
    expect(emptyParent.error.fields?.map((f) => f.path)).toEqual(['parentCode']);
    const line = await env.inject('POST', '/api/hotlines', {
      cookie: world.admin,
      body: { number: '0451-86660001', name: '平房区热线', regionCode: DISTRICT },
    });
    expect(line.status).toBe(201);
    const empty = await env.inject('PATCH', `/api/hotlines/${line.body(hotlineSchema).id}`, {
      cookie: world.admin,
      body: {},
    });
    expect(empty.status).toBe(400);
    expect(empty.error.code).toBe('request.validation');
  });

  it('shows each district only its own hotlines and refuses another district’s hotline at intake', async () => {
    const ours = await env.inject('POST', '/api/hotlines', {
      cookie: world.admin,
      body: { number: '0451-86660002', name: '平房区便民热线', regionCode: DISTRICT },
    });
    const theirs = await env.inject('POST', '/api/hotlines', {
      cookie: otherDistrictAdmin,
      body: { number: '0451-88880002', name: '松北区便民热线', regionCode: SONGBEI },
    });
    expect([ours.status, theirs.status]).toEqual([201, 201]);
    const ourId = ours.body(hotlineSchema).id;
    const theirId = theirs.body(hotlineSchema).id;
    const listed = async (cookie: string) =>
      (await env.inject('GET', '/api/hotlines', { cookie })).body(hotlineListSchema).items.map((h) => h.id);
    expect(await listed(world.operator.cookie)).toContain(ourId);
    expect(await listed(world.operator.cookie)).not.toContain(theirId);
    expect(await listed(otherDistrictOperator)).toContain(theirId);
    expect(await listed(otherDistrictOperator)).not.toContain(ourId);

    const before = await env.countRows('work_orders');
    const foreign = await env.inject('POST', '/api/work-orders', {
      cookie: world.operator.cookie,
      body: elderlyCareOrder(world, { hotlineId: theirId }),
    });
    expect(foreign.status).toBe(400);
    expect(foreign.error.fields).toEqual([{ path: 'hotlineId', message: expect.any(String) }]);
    expect(await env.countRows('work_orders')).toBe(before);
    const own = await env.inject('POST', '/api/work-orders', {
      cookie: world.operator.cookie,
      body: elderlyCareOrder(world, { hotlineId: ourId }),
    });
    expect(own.status).toBe(201);
    expect(own.body(workOrderSchema).hotlineId).toBe(ourId);
  });
});
