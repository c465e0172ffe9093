import { beforeAll, expect, it } from 'vitest';
import {
  dispatchOptionsSchema,
  workOrderDetailSchema,
  workOrderSchema,
} from '../../../../shared/api/work-orders.js';
import { describeEachDialect, QINGNIAN } from '../../../testing/test-env.js';
import { createMember, createOrganization } from '../../member-workflows/testing.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from '../testing.js';

/**
 * The dispatch form's choices name staff (ids, names, roles): only a caller who may dispatch gets
 * them, and only the staff inside their dispatch scope. Seeing an order is not enough.
 */
describeEachDialect('work orders: dispatch options are for dispatchers only', (env) => {
  let world: WorkOrderWorld;
  let order: string;
  let streetSecretary: { id: string };
  const options = (cookie: string, id = order) =>
    env.inject('GET', `/api/work-orders/${id}/dispatch-options`, { cookie });

  beforeAll(async () => {
    world = await workOrderWorld(env);
    order = (
      await env.inject('POST', '/api/work-orders', {
        cookie: world.operator.cookie,
        body: elderlyCareOrder(world),
      })
    ).body(workOrderSchema).id;
    streetSecretary = await env.loginAs({ role: 'secretary', regionCode: QINGNIAN.slice(0, 9) });
  });

  it('an auditor, who may read the order, gets 403', async () => {
    const auditor = await env.loginAs({ role: 'auditor', regionCode: QINGNIAN.slice(0, 6) });
    expect((await env.inject('GET', `/api/work-orders/${order}`, { cookie: auditor.cookie })).status).toBe(
      200,
    );
    const refused = await options(auditor.cookie);
    expect(refused.status).toBe(403);
    expect(refused.raw.body).not.toContain(world.worker.id);
  });

  it('a member the order was given to in person sees the order, not the staff list: 403', async () => {
    const own = (
      await env.inject('POST', '/api/work-orders', {
        cookie: world.operator.cookie,
        body: elderlyCareOrder(world),
      })
    ).body(workOrderSchema).id;
    const branch = await createOrganization(env, { regionCode: QINGNIAN, name: '青年社区第二党支部' });
    const account = await env.loginAs({ role: 'member', regionCode: QINGNIAN });
    const member = await createMember(env, {
      organization: branch,
      personId: world.people[2]!.id,
      userId: account.id,
    });
    const dispatched = await env.inject('POST', `/api/work-orders/${own}/actions`, {
      cookie: world.secretary.cookie,
      body: { action: 'dispatch', assigneeMemberId: member.id },
    });
    expect(dispatched.status).toBe(200);
    expect((await env.inject('GET', `/api/work-orders/${own}`, { cookie: account.cookie })).status).toBe(200);
    expect((await options(account.cookie, own)).status).toBe(403);
  });

  it('a grid worker (no dispatch permission) gets 403; a dispatcher out of scope gets 404', async () => {
    expect((await options(world.worker.cookie)).status).toBe(403);
    const elsewhere = await env.loginAs({ role: 'secretary', regionCode: world.otherGrid });
    expect((await options(elsewhere.cookie)).status).toBe(404);
  });

  it('a dispatcher gets the options, with staff inside their dispatch scope only', async () => {
    const fromSecretary = await options(world.secretary.cookie);
    expect(fromSecretary.status).toBe(200);
    const users = fromSecretary.body(dispatchOptionsSchema).users;
    expect(users.map((u) => u.id)).toContain(world.worker.id);
    expect(users.every((u) => u.regionCode.startsWith(QINGNIAN))).toBe(true);
    expect(users.map((u) => u.id)).not.toContain(streetSecretary.id);

    // An operator who dispatches for one grid, of an order held by the community: the staff of the
    // grid are listed, the community's secretary (outside that dispatch scope) is not.
    const gridOperator = await env.loginAs({ role: 'hotline_operator', regionCode: world.gridCode });
    const detail = await env.inject('GET', `/api/work-orders/${order}`, { cookie: world.secretary.cookie });
    expect(detail.body(workOrderDetailSchema).handlerRegionCode).toBe(QINGNIAN);
    const fromGrid = await options(gridOperator.cookie);
    expect(fromGrid.status).toBe(200);
    const gridUsers = fromGrid.body(dispatchOptionsSchema).users.map((u) => u.id);
    expect(gridUsers).toContain(world.worker.id);
    expect(gridUsers).not.toContain(world.secretary.id);
  });
});
