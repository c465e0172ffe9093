import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { residentRows, writeResidentXlsx } from '../../../fixtures/resident-rows.js';
import { describeEachDialect, QINGNIAN } from '../../../testing/test-env.js';
import type { ImportTuning } from './resident-import.js';
import { runImport } from './testing.js';

// The resident import's large-file path (prepared in a worker, indexes rebuilt) and an import
// while the server keeps committing; the ordinary path's tests are in resident-import.test.ts.

describeEachDialect('resident import: large-file paths', (env) => {
  const large: ImportTuning = { prepareInWorker: true, largeFromRows: 5, householdCache: 2 };
  let grid = '';
  let rows: string[][] = [];
  beforeAll(async () => {
    grid = await env.createRegion(QINGNIAN, 'grid', '大文件网格');
    await env.createRegion(grid, 'building', '1号楼');
    await env.createRegion(grid, 'building', '2号楼');
    // Members of a household scattered over the file, so evicted households come back.
    const ordered = [...residentRows({ count: 60, gridCode: grid, buildings: ['1号楼', '2号楼'], seed: 8 })];
    rows = ordered.filter((_, i) => i % 2 === 0).concat(ordered.filter((_, i) => i % 2 === 1));
  });

  const personIndexes = async () =>
    env.dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'index' and tbl_name = 'persons' order by name`.execute(
            env.database.db,
          )
        ).rows.map((r) => r.name)
      : [];

  it('rejects bad rows and duplicates as the ordinary path does, leaving the indexes in place', async () => {
    const indexes = await personIndexes();
    const bad = rows.map((r) => [...r]);
    bad[7]![1] = bad[3]![1]!;
    bad[7]![2] = bad[3]![2]!;
    bad[20]![3] = '555';
    const file = env.file('large-bad.xlsx');
    await writeResidentXlsx(file, bad);
    const ordinary = await runImport(env, file);
    const outcome = await runImport(env, file, { tuning: large });
    expect(outcome.status).toBe('rejected');
    expect([...outcome.problems.entries()].sort()).toEqual([...ordinary.problems.entries()].sort());
    expect(outcome.problems.get(9)).toBe('公民身份号码：与第 5 行重复');
    expect(outcome.problems.get(22)).toBe('手机号码：不是有效的手机号码');
    expect(await env.countRows('persons')).toBe(0);
    expect(await personIndexes()).toEqual(indexes);
  });

  it('imports with one household per address and its head, rebuilds the indexes, re-imports unchanged', async () => {
    const indexes = await personIndexes();
    const file = env.file('large-good.xlsx');
    await writeResidentXlsx(file, rows);
    const progress: number[] = [];
    const first = await runImport(env, file, { tuning: large, onProgress: (p) => progress.push(p.rows) });
    expect(first).toMatchObject({ status: 'succeeded', totalRows: 60, created: 60, invalid: 0 });
    expect(progress.at(-1)).toBe(60);
    const households = await env.database.db.selectFrom('households').selectAll().execute();
    const addresses = new Set(rows.map((r) => `${r[6]}|${r[7]}|${r[9]}`));
    expect(households).toHaveLength(addresses.size);
    expect(households.every((h) => h.head_person_id)).toBe(true);
    expect(await personIndexes()).toEqual(indexes);
    if (env.dialect === 'sqlite') expect(indexes).toContain('persons_pinyin');

    const again = await runImport(env, file, { tuning: large });
    expect(again).toMatchObject({ status: 'succeeded', created: 0, updated: 0, unchanged: 60 });
    // The same ID twice across two imports is one person, not a unique-index failure.
    const changed = rows.map((r) => [...r]);
    changed[0]![3] = '13900001111';
    await writeResidentXlsx(file, changed);
    expect(await runImport(env, file, { tuning: large })).toMatchObject({ updated: 1, unchanged: 59 });
    expect(await env.countRows('persons')).toBe(60);
    expect(await env.countRows('households')).toBe(addresses.size);
  });
});

describeEachDialect('resident import: the server keeps writing meanwhile', (env) => {
  it('imports while other transactions commit (it used to fail with SQLITE_BUSY_SNAPSHOT)', async () => {
    const grid = await env.createRegion(QINGNIAN, 'grid', '并发网格');
    await env.createRegion(grid, 'building', '1号楼');
    const file = env.file('concurrent.xlsx');
    await writeResidentXlsx(
      file,
      residentRows({ count: 400, gridCode: grid, buildings: ['1号楼'], seed: 21 }),
    );
    let writing = true;
    let writes = 0;
    // As a busy server does: small transactions committing every few milliseconds.
    const server = (async () => {
      while (writing) {
        await env.database.db
          .transaction()
          .execute((trx) =>
            trx.updateTable('regions').set({ name: '并发网格' }).where('code', '=', grid).execute(),
          );
        writes += 1;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    try {
      const outcome = await runImport(env, file, { tuning: { prepareInWorker: true } });
      expect(outcome).toMatchObject({ status: 'succeeded', created: 400 });
    } finally {
      writing = false;
      await server;
    }
    expect(writes).toBeGreaterThan(0);
    expect(await env.countRows('persons')).toBe(400);
  });
});
