import { beforeAll, expect, it } from 'vitest';
import { sealAuditChains } from '../modules/audit/index.js';
import { foldRollupDeltas } from '../modules/cockpit/index.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from '../modules/work-orders/testing.js';
import { describeEachDialect } from '../testing/test-env.js';

/** One gauge's value from the exposition text (the gauges here carry no labels). */
const gaugeOf = (text: string, name: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  expect(line, name).toBeDefined();
  return Number(line!.split(' ')[1]);
};

/*
 * The background work that keeps writes free of shared rows (issue 19) shows its backlog: audit
 * rows waiting for the sealer (and how long the oldest has waited) and cockpit deltas waiting for
 * the folder. The scheduler is not running here: the test seals and folds by hand.
 */
describeEachDialect('metrics: what the audit sealer and the cockpit folder have still to do', (env) => {
  let world: WorkOrderWorld;
  beforeAll(async () => {
    world = await workOrderWorld(env);
    await sealAuditChains(env.ctx, { wait: true });
    await foldRollupDeltas(env.ctx);
  });
  const scrape = async () => {
    env.advanceMinutes(1); // past the figures' cache: each scrape reads the database
    const response = await env.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  it('counts rows waiting to be sealed and deltas waiting to be folded, and none once done', async () => {
    const idle = await scrape();
    expect(gaugeOf(idle, 'lianxin_audit_unsealed_rows')).toBe(0);
    expect(gaugeOf(idle, 'lianxin_audit_unsealed_oldest_age_seconds')).toBe(0);
    expect(gaugeOf(idle, 'lianxin_cockpit_deltas_waiting')).toBe(0);

    const created = await env.inject('POST', '/api/work-orders', {
      cookie: world.operator.cookie,
      body: elderlyCareOrder(world),
    });
    expect(created.status).toBe(201);
    const busy = await scrape();
    expect(gaugeOf(busy, 'lianxin_audit_unsealed_rows')).toBeGreaterThanOrEqual(1);
    // The test's clock moved a minute since the row was written.
    expect(gaugeOf(busy, 'lianxin_audit_unsealed_oldest_age_seconds')).toBeGreaterThanOrEqual(59);
    expect(gaugeOf(busy, 'lianxin_cockpit_deltas_waiting')).toBeGreaterThan(0);

    await sealAuditChains(env.ctx, { wait: true });
    await foldRollupDeltas(env.ctx);
    const done = await scrape();
    expect(gaugeOf(done, 'lianxin_audit_unsealed_rows')).toBe(0);
    expect(gaugeOf(done, 'lianxin_cockpit_deltas_waiting')).toBe(0);
  });
});
