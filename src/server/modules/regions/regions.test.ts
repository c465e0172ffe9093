import { expect, it } from 'vitest';
import {
  regionDetailSchema,
  regionListSchema,
  regionSchema,
  regionSearchSchema,
} from '../../../shared/api/regions.js';
import {
  DISTRICT,
  describeEachDialect,
  QINGNIAN,
  SHANGHAI_XINCUN,
  XINGJIAN_STREET,
} from '../../testing/test-env.js';

describeEachDialect('region tree', (env) => {
  it('refuses malformed and unknown codes', async () => {
    const cookie = await env.loginAdmin();
    const malformed = await env.inject('GET', '/api/regions/23x108', { cookie });
    expect(malformed.status).toBe(400);
    expect(malformed.error.fields).toEqual([{ path: 'params.code', message: '区域代码应为 6–17 位数字' }]);
    const unknown = await env.inject('GET', '/api/regions/230108999999', {
      cookie,
      headers: { 'accept-language': 'en' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ code: 'region.not_found', message: 'No such region: 230108999999' });
  });

  it('refuses a grid under a street, a building under a community, and an empty name', async () => {
    const cookie = await env.loginAdmin();
    const gridUnderStreet = await env.inject('POST', `/api/regions/${XINGJIAN_STREET}/children`, {
      cookie,
      body: { kind: 'grid', name: '网格甲' },
    });
    expect(gridUnderStreet.status).toBe(400);
    expect(gridUnderStreet.error.code).toBe('region.invalid_child_kind');
    expect(gridUnderStreet.error.message).toBe('不能在街道下创建网格');
    expect(gridUnderStreet.error.fields?.[0]?.path).toBe('kind');
    const buildingUnderCommunity = await env.inject('POST', `/api/regions/${QINGNIAN}/children`, {
      cookie,
      body: { kind: 'building', name: '1号楼' },
    });
    expect(buildingUnderCommunity.error.code).toBe('region.invalid_child_kind');
    const unknownKind = await env.inject('POST', `/api/regions/${QINGNIAN}/children`, {
      cookie,
      body: { kind: 'street', name: 'x' },
    });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.error.fields?.[0]?.path).toBe('kind');
    const blank = await env.inject('POST', `/api/regions/${QINGNIAN}/children`, {
      cookie,
      body: { kind: 'grid', name: '  ' },
    });
    expect(blank.status).toBe(400);
    expect(blank.error.fields).toEqual([{ path: 'name', message: '至少 1 个字符' }]);
    const count = await env.database.db
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(67);
  });

  it('holds the real tree of 平房区: 11 street-level units and 55 communities/villages', async () => {
    const cookie = await env.loginAdmin();
    const district = await env.inject('GET', `/api/regions/${DISTRICT}`, { cookie });
    expect(district.json).toMatchObject({ code: DISTRICT, name: '平房区', kind: 'district', childCount: 11 });
    const streets = (await env.inject('GET', `/api/regions/${DISTRICT}/children`, { cookie })).body(
      regionListSchema,
    ).items;
    expect(streets).toHaveLength(11);
    expect(streets.map((s) => s.name)).toContain('平房镇');
    expect(streets.find((s) => s.name === '平房镇')?.kind).toBe('town');
    let villages = 0;
    for (const street of streets) villages += street.childCount;
    expect(villages).toBe(55);
    const xingjian = await env.inject('GET', `/api/regions/${XINGJIAN_STREET}/children`, { cookie });
    expect(xingjian.body(regionListSchema).items[0]).toMatchObject({
      code: QINGNIAN,
      name: '青年社区',
      kind: 'community',
      childCount: 0,
    });
  });

  it('creates grids and buildings with codes derived from the parent, unique names among siblings', async () => {
    const cookie = await env.loginAdmin();
    const grid1 = await env.inject('POST', `/api/regions/${QINGNIAN}/children`, {
      cookie,
      body: { kind: 'grid', name: '第一网格' },
    });
    expect(grid1.status).toBe(201);
    expect(grid1.json).toMatchObject({
      code: `${QINGNIAN}01`,
      kind: 'grid',
      parentCode: QINGNIAN,
      childCount: 0,
    });
    const grid2 = await env.inject('POST', `/api/regions/${QINGNIAN}/children`, {
      cookie,
      body: { kind: 'grid', name: '第二网格' },
    });
    expect(grid2.body(regionSchema).code).toBe(`${QINGNIAN}02`);
    const duplicate = await env.inject('POST', `/api/regions/${QINGNIAN}/children`, {
      cookie,
      body: { kind: 'grid', name: '第一网格' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.error.fields).toEqual([{ path: 'name', message: '同一上级下已有名为“第一网格”的区域' }]);
    // The same name under another parent is fine.
    const elsewhere = await env.inject('POST', `/api/regions/${SHANGHAI_XINCUN}/children`, {
      cookie,
      body: { kind: 'grid', name: '第一网格' },
    });
    expect(elsewhere.body(regionSchema).code).toBe(`${SHANGHAI_XINCUN}01`);

    const building = await env.inject('POST', `/api/regions/${QINGNIAN}01/children`, {
      cookie,
      body: { kind: 'building', name: '1号楼' },
    });
    expect(building.json).toMatchObject({ code: `${QINGNIAN}01001`, kind: 'building' });
    const children = await env.inject('GET', `/api/regions/${QINGNIAN}/children`, { cookie });
    expect(children.body(regionListSchema).items.map((c) => [c.code, c.childCount])).toEqual([
      [`${QINGNIAN}01`, 1],
      [`${QINGNIAN}02`, 0],
    ]);
    const detail = await env.inject('GET', `/api/regions/${QINGNIAN}01001`, { cookie });
    expect(detail.body(regionDetailSchema).ancestors.map((a) => a.name)).toEqual([
      '平房区',
      '兴建街道',
      '青年社区',
      '第一网格',
    ]);
  });

  it('gives distinct codes to grids created at the same moment', async () => {
    const cookie = await env.loginAdmin();
    const results = await Promise.all(
      ['甲', '乙', '丙', '丁'].map((n) =>
        env.inject('POST', `/api/regions/${SHANGHAI_XINCUN}/children`, {
          cookie,
          body: { kind: 'grid', name: `并发网格${n}` },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body(regionSchema).code)).size).toBe(4);
  });

  it('renames and deletes local regions but never official divisions', async () => {
    const cookie = await env.loginAdmin();
    const grid = await env.inject('POST', `/api/regions/${QINGNIAN}/children`, {
      cookie,
      body: { kind: 'grid', name: '待改名网格' },
    });
    const gridCode = grid.body(regionSchema).code;
    const renamed = await env.inject('PATCH', `/api/regions/${gridCode}`, {
      cookie,
      body: { name: '新名网格' },
    });
    expect(renamed.body(regionSchema).name).toBe('新名网格');
    const official = await env.inject('PATCH', `/api/regions/${QINGNIAN}`, {
      cookie,
      body: { name: '改名社区' },
    });
    expect(official.status).toBe(404);
    await env.inject('POST', `/api/regions/${gridCode}/children`, {
      cookie,
      body: { kind: 'building', name: 'A栋' },
    });
    const notEmpty = await env.inject('DELETE', `/api/regions/${gridCode}`, { cookie });
    expect(notEmpty.status).toBe(409);
    expect(notEmpty.error.code).toBe('region.not_empty');
    expect((await env.inject('DELETE', `/api/regions/${gridCode}001`, { cookie })).status).toBe(204);
    expect((await env.inject('DELETE', `/api/regions/${gridCode}`, { cookie })).status).toBe(204);
    expect((await env.inject('GET', `/api/regions/${gridCode}`, { cookie })).status).toBe(404);
  });
});

describeEachDialect('region scope', (env) => {
  it('shows a community secretary only their subtree; elsewhere is 404 for read and write', async () => {
    const { cookie } = await env.loginAs({ role: 'secretary', regionCode: QINGNIAN });
    const roots = await env.inject('GET', '/api/regions', { cookie });
    expect(roots.body(regionListSchema).items.map((r) => r.code)).toEqual([QINGNIAN]);
    const own = await env.inject('GET', `/api/regions/${QINGNIAN}`, { cookie });
    expect(own.status).toBe(200);
    expect(own.body(regionDetailSchema).ancestors).toEqual([]); // the street and district lie outside the scope
    for (const code of [SHANGHAI_XINCUN, XINGJIAN_STREET, DISTRICT]) {
      expect((await env.inject('GET', `/api/regions/${code}`, { cookie })).status).toBe(404);
      expect((await env.inject('GET', `/api/regions/${code}/children`, { cookie })).status).toBe(404);
    }
    const write = await env.inject('POST', `/api/regions/${SHANGHAI_XINCUN}/children`, {
      cookie,
      body: { kind: 'grid', name: 'x' },
    });
    expect(write.status).toBe(404);
    const search = await env.inject('GET', '/api/regions/search?q=社区', { cookie });
    expect(search.body(regionSearchSchema).items.map((r) => r.code)).toEqual([QINGNIAN]);
    const ownWrite = await env.inject('POST', `/api/regions/${QINGNIAN}/children`, {
      cookie,
      body: { kind: 'grid', name: '书记建的网格' },
    });
    expect(ownWrite.status).toBe(201);
  });

  it('answers 403 to a role without the permission, and lets a grid worker add buildings only in their grid', async () => {
    const { cookie: operator } = await env.loginAs({ role: 'hotline_operator', regionCode: DISTRICT });
    const denied = await env.inject('POST', `/api/regions/${QINGNIAN}/children`, {
      cookie: operator,
      body: { kind: 'grid', name: 'x' },
    });
    expect(denied.status).toBe(403);
    expect(denied.error.code).toBe('auth.forbidden');
    expect((await env.inject('GET', `/api/regions/${QINGNIAN}`, { cookie: operator })).status).toBe(200);

    const admin = await env.loginAdmin();
    const grid = await env.inject('POST', `/api/regions/${SHANGHAI_XINCUN}/children`, {
      cookie: admin,
      body: { kind: 'grid', name: '网格员的网格' },
    });
    const gridCode = grid.body(regionSchema).code;
    const { cookie: worker } = await env.loginAs({ role: 'grid_worker', regionCode: gridCode });
    const building = await env.inject('POST', `/api/regions/${gridCode}/children`, {
      cookie: worker,
      body: { kind: 'building', name: '3号楼' },
    });
    expect(building.status).toBe(201);
    const sibling = await env.inject('POST', `/api/regions/${SHANGHAI_XINCUN}/children`, {
      cookie: worker,
      body: { kind: 'grid', name: '越权网格' },
    });
    expect(sibling.status).toBe(404);
  });
});
