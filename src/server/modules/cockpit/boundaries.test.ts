import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { featureCollectionSchema } from '../../../shared/api/cockpit.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import {
  DISTRICT,
  describeEachDialect,
  QINGNIAN,
  SHANGHAI_XINCUN,
  XINGJIAN_STREET,
} from '../../testing/test-env.js';
import { checkBoundaries, checkGeometry, describeProblem, importBoundaries } from './boundaries.js';
import { area, generateDemoBoundaries, split } from './demo-boundaries.js';

const square = (x: number, y: number, size = 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});
const feature = (code: unknown, geometry: unknown) => ({ type: 'Feature', properties: { code }, geometry });
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('outline geometry', () => {
  it('refuses rings that are open, short, or outside the globe, and names where', () => {
    expect(checkGeometry({ type: 'Point', coordinates: [126, 45] })).toEqual({ path: 'geometry.type' });
    expect(
      checkGeometry({
        type: 'Polygon',
        coordinates: [
          [
            [126, 45],
            [127, 45],
            [127, 46],
          ],
        ],
      }),
    ).toEqual({
      path: 'geometry.coordinates[0]',
    });
    const open = square(126, 45)
      .coordinates[0]!.slice(0, 4)
      .concat([[126.5, 45.5]]);
    expect(checkGeometry({ type: 'Polygon', coordinates: [open] })).toEqual({
      path: 'geometry.coordinates[0][4]',
    });
    const far = square(126, 45);
    far.coordinates[0]![2] = [126.01, 95];
    expect(checkGeometry(far)).toEqual({ path: 'geometry.coordinates[0][2]' });
    expect(checkGeometry({ type: 'MultiPolygon', coordinates: [square(126, 45).coordinates, []] })).toEqual({
      path: 'geometry.coordinates[1]',
    });
  });

  it('splits a polygon into cells that fill it', () => {
    const parent: [number, number][] = [
      [0, 0],
      [10, 0],
      [12, 6],
      [5, 10],
      [-2, 6],
    ];
    const cells = split(parent, 7, 'seed');
    expect(cells).toHaveLength(7);
    const total = cells.reduce((sum, cell) => sum + area(cell), 0);
    expect(total).toBeCloseTo(area(parent), 6);
    for (const cell of cells) expect(area(cell)).toBeGreaterThan(area(parent) / 30);
    expect(split(parent, 7, 'seed')).toEqual(cells);
  });
});

describeEachDialect('region outlines: import from GeoJSON, demo outlines, the map API', (env) => {
  let admin: string;
  beforeAll(async () => {
    admin = await env.loginAdmin();
  });

  it('refuses a file too large to hold, by its size or its positions, before looking at a feature', async () => {
    const huge = `{"type":"FeatureCollection","features":[],"pad":"${'x'.repeat(65 * 1024 * 1024)}"}`;
    const bySize = await checkBoundaries(env.database.db, huge);
    expect(bySize.problems.map((p) => describeProblem(p, 'zh'))).toEqual([
      '边界文件过大（超过 64 MB 或 5000000 个坐标点）',
    ]);
    const text = collection(
      feature(XINGJIAN_STREET, square(126.6, 45.6)),
      feature(QINGNIAN, square(126.6, 45.6)),
    );
    const byPositions = await checkBoundaries(env.database.db, text, { megabytes: 64, positions: 9 });
    expect(byPositions).toMatchObject({
      valid: [],
      problems: [{ index: 0, message: 'boundaries.too_large' }],
    });
    expect(
      (await checkBoundaries(env.database.db, text, { megabytes: 64, positions: 10 })).valid,
    ).toHaveLength(2);
  });

  it('reports every bad feature of a file, with its position and code', async () => {
    const text = collection(
      feature(undefined, square(126.6, 45.6)),
      feature('230108999', square(126.6, 45.6)),
      feature(QINGNIAN, {
        type: 'Polygon',
        coordinates: [
          [
            [126.6, 45.6],
            [126.7, 45.6],
            [126.7, 45.7],
          ],
        ],
      }),
      feature(SHANGHAI_XINCUN, square(126.6, 95)),
      feature(XINGJIAN_STREET, square(126.6, 45.6, 0.05)),
      feature(XINGJIAN_STREET, square(126.6, 45.6, 0.05)),
    );
    const check = await checkBoundaries(env.database.db, text);
    expect(check.valid.map((v) => v.code)).toEqual([XINGJIAN_STREET]);
    expect(check.problems.map((p) => [p.index, p.code, p.message])).toEqual([
      [1, null, 'boundaries.no_code'],
      [2, '230108999', 'boundaries.unknown_code'],
      [3, QINGNIAN, 'boundaries.bad_geometry'],
      [4, SHANGHAI_XINCUN, 'boundaries.bad_geometry'],
      [6, XINGJIAN_STREET, 'boundaries.duplicate_code'],
    ]);
    expect(describeProblem(check.problems[1]!, 'zh')).toBe(
      '第 2 个区域（230108999）：没有代码为 230108999 的区域',
    );
    expect(describeProblem(check.problems[2]!, 'en')).toContain('geometry.coordinates[0]');

    for (const [bad, message] of [
      ['{ not json', 'boundaries.not_json'],
      ['{"type":"Feature"}', 'boundaries.not_collection'],
      [collection(), 'boundaries.no_features'],
    ] as const) {
      const outcome = await checkBoundaries(env.database.db, bad);
      expect(outcome.problems.map((p) => p.message)).toEqual([message]);
    }

    // All or nothing: a file with problems writes nothing unless told to skip them.
    const refused = await importBoundaries(env.ctx, text, { actor: SYSTEM_ACTOR, skipInvalid: false });
    expect(refused).toMatchObject({ written: false, imported: 0 });
    expect(await env.countRows('region_boundaries')).toBe(0);
    const skipped = await importBoundaries(env.ctx, text, { actor: SYSTEM_ACTOR, skipInvalid: true });
    expect(skipped).toMatchObject({ written: true, imported: 1 });
    const map = await env.inject('GET', `/api/cockpit/boundaries?region=${DISTRICT}`, { cookie: admin });
    expect(map.body(featureCollectionSchema).features).toEqual([
      {
        type: 'Feature',
        properties: { code: XINGJIAN_STREET, name: '兴建街道', kind: 'street' },
        geometry: square(126.6, 45.6, 0.05),
      },
    ]);
  });

  it('generates plausible demo outlines for every level, keeping imported ones', async () => {
    const grid = await env.createRegion(QINGNIAN, 'grid', '第一网格');
    await env.createRegion(grid, 'building', '1号楼');
    const count = await generateDemoBoundaries(env.ctx, DISTRICT);
    const regions = await env.countRows('regions');
    // Every region but the street whose outline was imported.
    expect(count).toBe(regions - 1);
    const rows = await env.database.db.selectFrom('region_boundaries').selectAll().execute();
    const imported = rows.find((r) => r.region_code === XINGJIAN_STREET)!;
    expect(imported.source).toBe('import');
    for (const row of rows) expect(checkGeometry(JSON.parse(row.geometry))).toHaveProperty('geometry');

    // 平房区 is about 94 km² around 45.60°N 126.63°E; children fill their parent.
    const km2 = (code: string) => {
      const ring = (
        JSON.parse(rows.find((r) => r.region_code === code)!.geometry) as { coordinates: number[][][] }
      ).coordinates[0]!;
      const kx = 111.32 * Math.cos((45.6 * Math.PI) / 180);
      return area(ring.slice(0, -1).map(([lon, lat]) => [lon! * kx, lat! * 110.574] as [number, number]));
    };
    expect(km2(DISTRICT)).toBeGreaterThan(85);
    expect(km2(DISTRICT)).toBeLessThan(105);
    const communities = rows.filter((r) => r.parent_code === '230108002');
    expect(communities.length).toBeGreaterThan(1);
    const sum = communities.reduce((total, r) => total + km2(r.region_code), 0);
    expect(sum).toBeCloseTo(km2('230108002'), 3);
    const first = JSON.parse(rows.find((r) => r.region_code === DISTRICT)!.geometry).coordinates[0][0];
    expect(first[0]).toBeGreaterThan(126.5);
    expect(first[0]).toBeLessThan(126.8);
    expect(first[1]).toBeGreaterThan(45.5);
    expect(first[1]).toBeLessThan(45.7);

    // The same regions give the same outlines.
    await generateDemoBoundaries(env.ctx, DISTRICT);
    const again = await env.database.db.selectFrom('region_boundaries').selectAll().execute();
    expect(again.map((r) => r.geometry)).toEqual(rows.map((r) => r.geometry));

    const map = await env.inject('GET', `/api/cockpit/boundaries?region=${QINGNIAN}`, { cookie: admin });
    expect(map.body(featureCollectionSchema).features.map((f) => f.properties.code)).toContain(grid);
  });

  it('lianxin regions boundaries imports a file or refuses it, and lianxin rollups rebuild recounts', async () => {
    const run = promisify(execFile);
    const bin = path.resolve(import.meta.dirname, '../../../../bin/lianxin.mjs');
    const lianxin = async (...args: string[]) => {
      try {
        const { stdout } = await run(process.execPath, [bin, ...args], { env: env.cliEnv() });
        return { code: 0, stdout };
      } catch (error) {
        return error as { code: number; stdout: string };
      }
    };
    const bad = env.file('bad.geojson');
    fs.writeFileSync(bad, collection(feature('230108999', square(126.6, 45.6))));
    const refused = await lianxin('regions', 'boundaries', bad);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('没有代码为 230108999 的区域');
    expect(refused.stdout).toContain('导入被拒绝');
    const good = env.file('good.geojson');
    fs.writeFileSync(good, collection(feature(Number(SHANGHAI_XINCUN), square(126.61, 45.61))));
    const imported = await lianxin('regions', 'boundaries', good);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('导入区域边界 1 个');
    const rebuilt = await lianxin('rollups', 'rebuild');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/^rollups: \d+ rows, region stats: \d+ rows/);
  });
});
