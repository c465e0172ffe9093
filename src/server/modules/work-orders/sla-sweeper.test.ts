import { beforeAll, expect, it } from 'vitest';
import {
  workOrderDetailSchema,
  workOrderPageSchema,
  workOrderSchema,
} from '../../../shared/api/work-orders.js';
import { parentOf } from '../../../shared/region-code.js';
import { openDatabase } from '../../db/database.js';
import { createServiceContext } from '../../services.js';
import { describeEachDialect } from '../../testing/test-env.js';
import { sealAuditChains, verifyAuditChain } from '../audit/index.js';
import { sweepOverdue } from './sla-sweeper.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from './testing.js';
import { WorkOrdersService } from './work-orders.service.js';

const DAY_MINUTES = 24 * 60;

describeEachDialect('the SLA sweeper: overdue, escalated once, holders told', (env) => {
  let world: WorkOrderWorld;
  beforeAll(async () => {
    world = await workOrderWorld(env);
  });

  const create = async (cookie: string) =>
    (await env.inject('POST', '/api/work-orders', { cookie, body: elderlyCareOrder(world) })).body(
      workOrderSchema,
    );
  /** Read after the clock moved on by days: every earlier session has lapsed, so sign in anew. */
  const detail = async (id: string) =>
    (await env.inject('GET', `/api/work-orders/${id}`, { cookie: await env.loginAdmin() })).body(
      workOrderDetailSchema,
    );

  it('leaves orders within their deadline alone', async () => {
    await create(world.operator.cookie);
    expect(await sweepOverdue(env.ctx, new WorkOrdersService(env.ctx).actions)).toEqual([]);
  });

  it('marks a lapsed order overdue, escalates it to the parent of its holder, and tells the holders', async () => {
    const order = await create(world.operator.cookie);
    await env.inject('POST', `/api/work-orders/${order.id}/actions`, {
      cookie: world.secretary.cookie,
      body: { action: 'dispatch', assigneeUserId: world.worker.id },
    });
    env.advanceMinutes(20 * DAY_MINUTES);
    const escalated = await sweepOverdue(env.ctx, new WorkOrdersService(env.ctx).actions);
    expect(escalated).toContain(order.id);
    const after = await detail(order.id);
    // Held by 青年社区 (given to its worker): escalated to 兴建街道, the community's parent.
    expect(after).toMatchObject({ overdue: true, escalatedRegionCode: parentOf(after.handlerRegionCode) });
    expect(after.events.at(-1)?.action).toBe('overdue');
    const notices = await env.database.db
      .selectFrom('notifications')
      .select(['recipient_user_id', 'template'])
      .where('work_order_id', '=', order.id)
      .where('template', '=', 'order_overdue')
      .execute();
    expect(notices.map((n) => n.recipient_user_id)).toEqual([world.worker.id]);

    // In the street's supervision list, in red (overdue), and never escalated twice.
    const street = await env.loginAs({ role: 'secretary', regionCode: after.escalatedRegionCode! });
    const list = await env.inject('GET', '/api/work-orders?view=supervision', { cookie: street.cookie });
    expect(list.body(workOrderPageSchema).items.map((o) => o.id)).toContain(order.id);
    expect(await sweepOverdue(env.ctx, new WorkOrdersService(env.ctx).actions)).not.toContain(order.id);
  });

  // Two connections in one Node thread cannot share SQLite's write lock (better-sqlite3 waits
  // synchronously, so the holder never gets to finish): the multi-process case is PostgreSQL's.
  it.skipIf(env.dialect === 'sqlite')(
    'two sweepers in two processes at once escalate each order exactly once',
    async () => {
      const admin = await env.loginAdmin();
      const orders = [];
      for (let i = 0; i < 12; i++) orders.push(await create(admin));
      env.advanceMinutes(20 * DAY_MINUTES);
      // A second process: its own connection (pool) to the same database, its own services.
      const other = openDatabase({
        dataDir: env.handle.dataDir,
        databaseUrl: env.handle.databaseUrl,
        poolSize: 5,
      });
      try {
        const otherCtx = createServiceContext(env.config, other, env.now);
        const [first, second] = await Promise.all([
          sweepOverdue(env.ctx, new WorkOrdersService(env.ctx).actions, 5),
          sweepOverdue(otherCtx, new WorkOrdersService(otherCtx).actions, 5),
        ]);
        const ids = orders.map((o) => o.id);
        const escalated = [...first, ...second].filter((id) => ids.includes(id));
        expect(escalated.sort()).toEqual([...ids].sort());
        const events = await env.database.db
          .selectFrom('work_order_events')
          .select('work_order_id')
          .where('action', '=', 'overdue')
          .where('work_order_id', 'in', ids)
          .execute();
        expect(events).toHaveLength(ids.length);
        // Both processes seal at once: each row goes into the chain once.
        await Promise.all([sealAuditChains(env.ctx), sealAuditChains(otherCtx, { wait: true })]);
        expect(await verifyAuditChain(env.database.db)).toMatchObject({ ok: true, unsealed: 0 });
      } finally {
        await other.close();
      }
    },
  );
});
