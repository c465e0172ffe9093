import { beforeAll, expect, it } from 'vitest';
import { inboxSchema } from '../../../shared/api/notifications.js';
import { requestPageSchema, requestSummarySchema } from '../../../shared/api/portal.js';
import { workOrderDetailSchema, workOrderSchema } from '../../../shared/api/work-orders.js';
import { describeEachDialect } from '../../testing/test-env.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from '../work-orders/testing.js';
import { newPhone, residentLogin } from './testing.js';

/**
 * A resident's 我的诉求 holds every order that is theirs, whatever the channel: the hotline order
 * taken with their phone texts them "已办结，稍后将回访", so they must be able to find and rate it.
 */
describeEachDialect('portal: a resident sees and rates their orders from every channel', (env) => {
  let world: WorkOrderWorld;
  const phone = newPhone();
  let resident = '';
  let neighbour = '';
  let hotlineOrder = { id: '', number: '' };
  beforeAll(async () => {
    world = await workOrderWorld(env);
    const created = await env.inject('POST', '/api/work-orders', {
      cookie: world.operator.cookie,
      body: elderlyCareOrder(world, { contactPhone: phone }),
    });
    expect(created.status).toBe(201);
    const { id, number } = created.body(workOrderSchema);
    hotlineOrder = { id, number };
    resident = await residentLogin(env, phone);
    neighbour = await residentLogin(env, newPhone());
  });

  it('lists the hotline order taken with the resident’s phone, and only for them', async () => {
    const mine = await env.inject('GET', '/api/portal/requests', { cookie: resident });
    expect(mine.status).toBe(200);
    expect(mine.body(requestPageSchema).items.map((o) => o.number)).toContain(hotlineOrder.number);
    const theirs = await env.inject('GET', '/api/portal/requests', { cookie: neighbour });
    expect(theirs.body(requestPageSchema).items.map((o) => o.number)).not.toContain(hotlineOrder.number);
    expect(
      (await env.inject('GET', `/api/portal/requests/${hotlineOrder.id}`, { cookie: neighbour })).status,
    ).toBe(404);
  });

  it('lets the resident rate it once it is closed, as the callback', async () => {
    const url = `/api/portal/requests/${hotlineOrder.id}`;
    expect((await env.inject('GET', url, { cookie: resident })).status).toBe(200);
    const answered = await env.inject('POST', `/api/work-orders/${hotlineOrder.id}/actions`, {
      cookie: world.operator.cookie,
      body: { action: 'answer', note: '已联系社区为老人安排送餐' },
    });
    expect(answered.status).toBe(200);
    const refused = await env.inject('POST', `${url}/rating`, {
      cookie: neighbour,
      body: { satisfaction: 'satisfied' },
    });
    expect(refused.status).toBe(404);
    const rated = await env.inject('POST', `${url}/rating`, {
      cookie: resident,
      body: { satisfaction: 'satisfied' },
    });
    expect(rated.status).toBe(200);
    const staffView = await env.inject('GET', `/api/work-orders/${hotlineOrder.id}`, {
      cookie: world.operator.cookie,
    });
    expect(staffView.body(workOrderDetailSchema).satisfaction).toBe('satisfied');
  });

  it('rings the bell of the unit whose queue a portal request lands in', async () => {
    const submitted = await env.inject('POST', '/api/portal/requests', {
      cookie: resident,
      body: {
        categoryCode: 'livelihood.repair',
        description: '楼道里的水管漏水，地面结冰很滑',
        regionCode: world.gridCode,
        address: '1号楼2单元',
      },
    });
    expect(submitted.status).toBe(201);
    const inbox = await env.inject('GET', '/api/me/notifications', { cookie: world.secretary.cookie });
    const submittedId = submitted.body(requestSummarySchema).id;
    const arrived = inbox.body(inboxSchema).items.find((item) => item.workOrderId === submittedId);
    expect(arrived?.text).toContain('经居民端提交，已进入本单位待办');
    // An order taken at the console rings nobody: its operator passes it on by dispatching.
    const taken = await env.inject('POST', '/api/work-orders', {
      cookie: world.operator.cookie,
      body: elderlyCareOrder(world),
    });
    const after = await env.inject('GET', '/api/me/notifications', { cookie: world.secretary.cookie });
    const takenId = taken.body(workOrderSchema).id;
    expect(after.body(inboxSchema).items.some((item) => item.workOrderId === takenId)).toBe(false);
  });
});
