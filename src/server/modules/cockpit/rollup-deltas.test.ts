import { beforeAll, expect, it } from 'vitest';
import { cockpitSchema } from '../../../shared/api/cockpit.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from '../work-orders/testing.js';
import { foldRollupDeltas, rebuildRollups } from './rollups.js';
import { rollupsRepository } from './rollups.repository.js';

/*
 * The cockpit's counters as deltas (issue 19): steps insert deltas, the folder adds them into
 * region_rollups, and every read adds what is not folded yet, so a view is the same before and
 * after a fold, and equal to a recount from the tables.
 */
describeEachDialect('cockpit counters: deltas inserted by steps, folded in the background', (env) => {
  let world: WorkOrderWorld;
  beforeAll(async () => {
    world = await workOrderWorld(env);
  });

  const view = async (region: string) => {
    const response = await env.inject('GET', `/api/cockpit?region=${region}`, { cookie: world.admin });
    expect(response.status).toBe(200);
    return response.body(cockpitSchema);
  };
  const deltasLeft = () => env.countRows('region_rollup_deltas');

  it('shows the same figures before and after a fold, folds each delta once, and agrees with a rebuild', async () => {
    for (let i = 0; i < 6; i++) {
      const created = await env.inject('POST', '/api/work-orders', {
        cookie: world.operator.cookie,
        body: elderlyCareOrder(world),
      });
      expect(created.status).toBe(201);
    }
    // A step inserts a delta per region of its path and counter, and updates no shared row.
    expect(await deltasLeft()).toBeGreaterThan(0);
    expect(await env.countRows('region_rollups')).toBe(0);
    const before = { community: await view(QINGNIAN), district: await view(DISTRICT) };
    const keptBefore = await rollupsRepository.allOf(env.database.db, DISTRICT);
    expect(
      keptBefore.find((row) => row.region_code === QINGNIAN && row.counter === 'wo.received')?.value,
    ).toBe(6);

    // Three folders at once (processes, on PostgreSQL): each delta is folded by one of them.
    const folded = await Promise.all([
      foldRollupDeltas(env.ctx),
      foldRollupDeltas(env.ctx),
      foldRollupDeltas(env.ctx),
    ]);
    const waiting = await deltasLeft();
    expect(folded.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(waiting).toBe(0);
    expect(await view(QINGNIAN)).toEqual(before.community);
    expect(await view(DISTRICT)).toEqual(before.district);
    expect(await rollupsRepository.allOf(env.database.db, DISTRICT)).toEqual(keptBefore);

    // A recount from the tables finds the same, and leaves no delta to add twice.
    await env.inject('POST', '/api/work-orders', {
      cookie: world.operator.cookie,
      body: elderlyCareOrder(world),
    });
    const kept = await rollupsRepository.allOf(env.database.db, DISTRICT);
    await rebuildRollups(env.ctx);
    expect(await deltasLeft()).toBe(0);
    const rebuilt = await rollupsRepository.allOf(env.database.db, DISTRICT);
    const events = (rows: typeof kept) => rows.filter((row) => row.counter.startsWith('wo.'));
    expect(events(rebuilt)).toEqual(events(kept));
  });
});
