import { beforeAll, expect, it } from 'vitest';
import { regionDetailSchema, regionSchema } from '../../../shared/api/regions.js';
import { describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { createResidents } from '../member-workflows/testing.js';

describeEachDialect('who may rename and delete grids and buildings', (env) => {
  let gridCode: string;
  let buildingCode: string;
  let worker: string;
  beforeAll(async () => {
    const residents = await createResidents(env, QINGNIAN, 2);
    gridCode = residents.gridCode;
    buildingCode = residents.people[0]!.regionCode;
    worker = (await env.loginAs({ role: 'grid_worker', regionCode: gridCode })).cookie;
  });

  it('refuses to delete a building with households in it: 409 with the reason, nothing deleted', async () => {
    const households = await env.countRows('households');
    const persons = await env.countRows('persons');
    for (const cookie of [worker, await env.loginAdmin()]) {
      const response = await env.inject('DELETE', `/api/regions/${buildingCode}`, { cookie });
      expect(response.status).toBe(409);
      expect(response.json).toMatchObject({
        code: 'region.in_use',
        message: expect.stringContaining('1号楼'),
      });
    }
    expect((await env.inject('GET', `/api/regions/${buildingCode}`, { cookie: worker })).status).toBe(200);
    expect(await env.countRows('households')).toBe(households);
    expect(await env.countRows('persons')).toBe(persons);
  });

  it('does not let a grid worker rename or delete the grid they are assigned to, only what lies below it', async () => {
    const rename = await env.inject('PATCH', `/api/regions/${gridCode}`, {
      cookie: worker,
      body: { name: '我的网格' },
    });
    expect([rename.status, rename.error.code]).toEqual([403, 'region.own_scope']);
    const removal = await env.inject('DELETE', `/api/regions/${gridCode}`, { cookie: worker });
    expect([removal.status, removal.error.code]).toEqual([403, 'region.own_scope']);
    const grid = await env.inject('GET', `/api/regions/${gridCode}`, { cookie: worker });
    expect(grid.body(regionDetailSchema).name).not.toBe('我的网格');

    const building = await env.inject('PATCH', `/api/regions/${buildingCode}`, {
      cookie: worker,
      body: { name: '一号楼' },
    });
    expect([building.status, building.body(regionSchema).name]).toEqual([200, '一号楼']);
    const empty = await env.inject('POST', `/api/regions/${gridCode}/children`, {
      cookie: worker,
      body: { kind: 'building', name: '待拆楼' },
    });
    expect(empty.status).toBe(201);
    expect(
      (await env.inject('DELETE', `/api/regions/${empty.body(regionSchema).code}`, { cookie: worker }))
        .status,
    ).toBe(204);

    // The community's secretary, above the grid, may rename it.
    const { cookie: secretary } = await env.loginAs({ role: 'secretary', regionCode: QINGNIAN });
    const bySecretary = await env.inject('PATCH', `/api/regions/${gridCode}`, {
      cookie: secretary,
      body: { name: '青年一网格' },
    });
    expect([bySecretary.status, bySecretary.body(regionSchema).name]).toEqual([200, '青年一网格']);
  });
});
