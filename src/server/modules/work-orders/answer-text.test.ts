import { beforeAll, expect, it } from 'vitest';
import { workOrderSchema } from '../../../shared/api/work-orders.js';
import { describeEachDialect } from '../../testing/test-env.js';
import { ConsoleProvider, deliverDueNotifications } from '../notifications/index.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from './testing.js';

const ANSWER = '王大爷家的暖气阀门已远程调开，今晚九点前回温';

describeEachDialect('answering on the spot: the caller gets the answer by text', (env) => {
  let world: WorkOrderWorld;
  beforeAll(async () => {
    world = await workOrderWorld(env);
  });

  it('sends the answer itself, and keeps it encrypted in the outbox until sent', async () => {
    const created = await env.inject('POST', '/api/work-orders', {
      cookie: world.operator.cookie,
      body: elderlyCareOrder(world),
    });
    expect(created.status).toBe(201);
    const order = created.body(workOrderSchema);
    const answered = await env.inject('POST', `/api/work-orders/${order.id}/actions`, {
      cookie: world.operator.cookie,
      body: { action: 'answer', note: ANSWER },
    });
    expect(answered.status).toBe(200);

    const queued = await env.database.db
      .selectFrom('notifications')
      .select(['template', 'params'])
      .where('work_order_id', '=', order.id)
      .where('template', '=', 'order_answered')
      .executeTakeFirstOrThrow();
    expect(queued.params).not.toContain('暖气');

    const texts: string[] = [];
    await deliverDueNotifications(env.ctx, new ConsoleProvider((line) => texts.push(line)));
    const answerText = texts.find((line) => line.includes('当场答复'));
    expect(answerText).toContain(ANSWER);
    expect(answerText).toContain(order.number);
    expect(texts.some((line) => line.includes('已办结，稍后将回访'))).toBe(false);
  });
});
