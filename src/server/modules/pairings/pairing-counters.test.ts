import { beforeAll, expect, it } from 'vitest';
import { cockpitSchema } from '../../../shared/api/cockpit.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { rebuildRollups, refreshSnapshots, rollupsRepository } from '../cockpit/index.js';
import { type PairingWorld, pair, pairingWorld } from './testing.js';

describeEachDialect('the cockpit’s pairing coverage: households in difficulty with a pairing', (env) => {
  let world: PairingWorld;
  beforeAll(async () => {
    // Eight households, the first three tagged 低保户.
    world = await pairingWorld(env, QINGNIAN, 8, 3);
  });

  const values = async () => {
    const response = await env.inject('GET', `/api/cockpit?region=${world.gridCode}`, {
      cookie: await env.loginAdmin(),
    });
    expect(response.status).toBe(200);
    return response.body(cockpitSchema).values;
  };

  it('reads no coverage before anyone is paired, then the share paired once the count refreshes', async () => {
    await refreshSnapshots(env.ctx);
    expect(await values()).toMatchObject({ pairing_coverage: 0, paired_households: 0 });
    await pair(env, world.secretary.cookie, world.secretary.id, world.households[0]!.id);
    // A second helper for the same household: still one household covered.
    await pair(env, world.secretary.cookie, world.gridWorker.id, world.households[0]!.id);
    expect(await refreshSnapshots(env.ctx)).toEqual([DISTRICT]);
    expect(await values()).toMatchObject({ pairing_coverage: 33.3, paired_households: 1 });
    // The recount from the tables agrees with the refresh.
    const kept = async () =>
      (await rollupsRepository.allOf(env.database.db, DISTRICT))
        .filter((row) => row.counter.startsWith('pair.'))
        .map((row) => ({ ...row, value: Number(row.value) }));
    const refreshed = await kept();
    expect(refreshed.length).toBeGreaterThan(0);
    await rebuildRollups(env.ctx);
    expect(await kept()).toEqual(refreshed);
  });
});
