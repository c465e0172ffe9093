import { beforeAll, describe, expect, it } from 'vitest';
import { workOrderDetailSchema, workOrderSchema } from '../../../../shared/api/work-orders.js';
import {
  WORK_ORDER_ACTIONS,
  WORK_ORDER_STATUSES,
  type WorkOrderAction,
  type WorkOrderStatus,
} from '../../../../shared/work-orders.js';
import { describeEachDialect } from '../../../testing/test-env.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from '../testing.js';
import { TRANSITIONS } from './work-order-rules.js';

/**
 * Every (status, action) pair, on a fresh order for each: legal pairs succeed with the status the
 * rules give, illegal ones are refused with 409 workorder.illegal_transition and change nothing.
 * The district admin acts (every side, every permission), so only the state machine decides.
 */
describeEachDialect('work orders: every legal and illegal transition', (env) => {
  let world: WorkOrderWorld;
  beforeAll(async () => {
    world = await workOrderWorld(env);
  });

  const act = async (id: string, body: Record<string, unknown>) => {
    const response = await env.inject('POST', `/api/work-orders/${id}/actions`, {
      cookie: world.admin,
      body,
    });
    return response;
  };
  const must = async (id: string, body: Record<string, unknown>) => {
    const response = await act(id, body);
    if (response.status !== 200)
      throw new Error(`${JSON.stringify(body)} → ${response.status} ${JSON.stringify(response.json)}`);
  };

  /** A new order brought to `status` along the shortest path. */
  async function orderIn(status: WorkOrderStatus): Promise<string> {
    const created = await env.inject('POST', '/api/work-orders', {
      cookie: world.admin,
      body: elderlyCareOrder(world),
    });
    const id = created.body(workOrderSchema).id;
    const dispatch = { action: 'dispatch', assigneeUserId: world.worker.id };
    const paths: Record<WorkOrderStatus, Record<string, unknown>[]> = {
      received: [],
      pending_dispatch: [{ action: 'accept' }],
      dispatched: [dispatch],
      in_progress: [dispatch, { action: 'sign' }],
      return_requested: [dispatch, { action: 'return', note: '不属于本网格' }],
      pending_review: [dispatch, { action: 'sign' }, { action: 'resolve', note: '已办理' }],
      closed: [{ action: 'answer', note: '已当场答复' }],
      archived: [
        { action: 'answer', note: '已当场答复' },
        { action: 'callback', satisfaction: 'satisfied' },
      ],
    };
    for (const step of paths[status]) await must(id, step);
    return id;
  }

  /** A valid body for each action (the extension decisions first need a request: see below). */
  const bodies: Record<WorkOrderAction, Record<string, unknown>> = {
    accept: {},
    answer: { note: '政策已当场解释' },
    dispatch: { assigneeUserId: '' },
    withdraw: {},
    sign: {},
    return: { note: '不属于本网格' },
    approve_return: {},
    reject_return: { note: '属于本网格' },
    extend: { days: 2, note: '需等配件' },
    approve_extension: {},
    reject_extension: { note: '时间足够' },
    resolve: { note: '已办理' },
    review: { approve: true },
    callback: { satisfaction: 'satisfied' },
    urge: { note: '请尽快' },
    supervise: { note: '列入督办' },
    comment: { note: '居民又来电' },
  };

  /** The status after a legal action, for the actions whose rule leaves it to the body. */
  const expectedAfter = (action: WorkOrderAction, from: WorkOrderStatus): WorkOrderStatus => {
    if (action === 'review') return 'closed';
    if (action === 'callback') return 'archived';
    if (action === 'reject_return') return 'dispatched';
    return TRANSITIONS[action].to ?? from;
  };

  for (const status of WORK_ORDER_STATUSES) {
    describe(`from ${status}`, () => {
      for (const action of WORK_ORDER_ACTIONS) {
        const legal = TRANSITIONS[action].from.includes(status);
        it(`${action} is ${legal ? 'legal' : 'refused'}`, async () => {
          const id = await orderIn(status);
          if (legal && (action === 'approve_extension' || action === 'reject_extension')) {
            // Without a pending request the decision is a conflict; with one, it is taken.
            expect((await act(id, { action, ...bodies[action] })).error.code).toBe(
              'workorder.no_extension_pending',
            );
            await must(id, { action: 'extend', ...bodies.extend });
          }
          const body = {
            action,
            ...bodies[action],
            ...(action === 'dispatch' ? { assigneeUserId: world.worker.id } : {}),
          };
          const before = await env.inject('GET', `/api/work-orders/${id}`, { cookie: world.admin });
          const response = await act(id, body);
          if (legal) {
            expect(response.status, JSON.stringify(response.json)).toBe(200);
            expect(response.body(workOrderSchema).status).toBe(expectedAfter(action, status));
          } else {
            expect(response.status).toBe(409);
            expect(response.error.code).toBe('workorder.illegal_transition');
            const after = await env.inject('GET', `/api/work-orders/${id}`, { cookie: world.admin });
            const [was, is] = [before.body(workOrderDetailSchema), after.body(workOrderDetailSchema)];
            expect(is.version).toBe(was.version);
            expect(is.events).toHaveLength(was.events.length);
          }
        });
      }
    });
  }

  it('decisions that depend on the body: review sent back, callback unsatisfied, extension granted', async () => {
    const reviewed = await orderIn('pending_review');
    expect((await act(reviewed, { action: 'review', approve: false })).error.fields?.[0]?.path).toBe('note');
    expect(
      (await act(reviewed, { action: 'review', approve: false, note: '照片不清楚' })).body(workOrderSchema)
        .status,
    ).toBe('in_progress');

    const called = await orderIn('closed');
    expect((await act(called, { action: 'callback', satisfaction: 'unsatisfied' })).status).toBe(400);
    const reopened = await act(called, {
      action: 'callback',
      satisfaction: 'unsatisfied',
      note: '问题没解决',
    });
    expect(reopened.json).toMatchObject({ status: 'in_progress', reopenCount: 1, closedAt: null });

    const extended = await orderIn('in_progress');
    const before = (await env.inject('GET', `/api/work-orders/${extended}`, { cookie: world.admin })).body(
      workOrderDetailSchema,
    ).dueAt;
    await must(extended, { action: 'extend', days: 3, note: '等待供热公司' });
    expect((await act(extended, { action: 'extend', days: 1, note: '再延' })).error.code).toBe(
      'workorder.extension_pending',
    );
    const granted = await act(extended, { action: 'approve_extension' });
    const grantedOrder = granted.body(workOrderSchema);
    expect(grantedOrder.pendingExtension).toBeNull();
    expect(grantedOrder.dueAt > before).toBe(true);
  });

  it('a second supervision of the same order is a conflict', async () => {
    const id = await orderIn('in_progress');
    await must(id, { action: 'supervise' });
    expect((await act(id, { action: 'supervise' })).error.code).toBe('workorder.already_supervised');
  });
});
