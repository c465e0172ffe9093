import { beforeAll, expect, it } from 'vitest';
import { personPageSchema } from '../../../shared/api/register.js';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { residentRows, writeResidentXlsx } from '../../fixtures/resident-rows.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { importResidents } from './import/resident-import.js';

/** Issue 12 #17: where a resident lives, as the reader can place it; export files named apart. */
describeEachDialect('persons list: region path from the reader’s level, export file names', (env) => {
  let grid = '';
  let otherGrid = '';

  beforeAll(async () => {
    grid = await env.createRegion(QINGNIAN, 'grid', '第一网格');
    await env.createRegion(grid, 'building', '1号楼');
    otherGrid = await env.createRegion(SHANGHAI_XINCUN, 'grid', '第一网格');
    await env.createRegion(otherGrid, 'building', '1号楼');
    const file = env.file('people.xlsx');
    await writeResidentXlsx(file, [
      ...residentRows({ count: 3, gridCode: grid, buildings: ['1号楼'], seed: 3 }),
      ...residentRows({ count: 3, gridCode: otherGrid, buildings: ['1号楼'], seed: 4 }),
    ]);
    const outcome = await importResidents(env.ctx, file, 'xlsx', {
      scope: new Scope(['230108'], env.dialect),
      actor: SYSTEM_ACTOR,
      skipInvalid: false,
    });
    expect(outcome.created).toBe(6);
  });

  const pathsOf = async (cookie: string) =>
    new Set(
      (await env.inject('GET', '/api/persons?limit=50', { cookie }))
        .body(personPageSchema)
        .items.map((p) => p.regionPath.join(' / ')),
    );

  it('names the path from below a district reader’s level, so two 1号楼 are told apart', async () => {
    const admin = await env.loginAdmin();
    expect(await pathsOf(admin)).toEqual(
      new Set(['兴建街道 / 青年社区 / 第一网格 / 1号楼', '兴建街道 / 上海新村社区 / 第一网格 / 1号楼']),
    );
  });

  it('shortens the path for a community reader', async () => {
    const { cookie } = await env.loginAs({ role: 'secretary', regionCode: QINGNIAN });
    expect(await pathsOf(cookie)).toEqual(new Set(['第一网格 / 1号楼']));
  });

  it('names the masked and the clear export apart, with the day', async () => {
    const admin = await env.loginAdmin();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(env.now());
    const masked = await env.inject('POST', '/api/persons/export', { cookie: admin, body: {} });
    expect(masked.status).toBe(200);
    expect(masked.headers['content-disposition']).toContain(`filename="residents-masked-${day}.xlsx"`);
    expect(decodeURIComponent(String(masked.headers['content-disposition']))).toContain(
      `居民信息-脱敏-${day}.xlsx`,
    );
    const clear = await env.inject('POST', '/api/persons/export', {
      cookie: admin,
      body: { reveal: { reason: '年度人口核查上报' } },
    });
    expect(clear.status).toBe(200);
    expect(clear.headers['content-disposition']).toContain(`filename="residents-clear-${day}.xlsx"`);
    expect(decodeURIComponent(String(clear.headers['content-disposition']))).toContain(
      `居民信息-明文-${day}.xlsx`,
    );
  });
});
