import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { RESIDENT_HEADERS } from '../../../../shared/register-template.js';
import { Scope } from '../../../auth/scope.js';
import { residentRows, writeResidentCsv, writeResidentXlsx } from '../../../fixtures/resident-rows.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../../testing/test-env.js';
import { writeErrorReport } from './spreadsheet-writer.js';
import { runImport } from './testing.js';

describeEachDialect('resident import: rejected rows', (env) => {
  let grid = '';
  let rows: string[][] = [];
  beforeAll(async () => {
    grid = await env.createRegion(QINGNIAN, 'grid', '导入网格');
    await env.createRegion(grid, 'building', '1号楼');
    rows = [...residentRows({ count: 20, gridCode: grid, buildings: ['1号楼'], seed: 11 })];
  });

  /** One good file with one cell changed must be rejected with exactly this message. */
  const cases: [string, (row: string[], all: string[][]) => void, string][] = [
    [
      'a wrong ID check digit',
      (r) => {
        r[1] = r[1]!.slice(0, 17) + (r[1]!.endsWith('1') ? '2' : '1');
      },
      '公民身份号码：校验位错误',
    ],
    [
      'an impossible birth date',
      (r) => {
        r[1] = '230108199902301234';
      },
      '公民身份号码：出生日期不是真实日期',
    ],
    [
      'a missing ID number',
      (r) => {
        r[1] = '';
      },
      '公民身份号码：必填',
    ],
    [
      'a gender that disagrees',
      (r) => {
        r[2] = r[2] === '男' ? '女' : '男';
      },
      '性别：与公民身份号码不符',
    ],
    [
      'a gender that is no gender',
      (r) => {
        r[2] = '未知';
      },
      '性别：应为“男”或“女”',
    ],
    [
      'a bad phone number',
      (r) => {
        r[3] = '1234567';
      },
      '手机号码：不是有效的手机号码',
    ],
    [
      'a missing name',
      (r) => {
        r[0] = '';
      },
      '姓名：必填',
    ],
    [
      'an unknown grid',
      (r) => {
        r[5] = '23010800100299';
      },
      '所属网格：网格不存在或不在您的管辖范围内',
    ],
    [
      'an unknown building',
      (r) => {
        r[6] = '9号楼';
      },
      '楼栋：该网格下没有这个楼栋',
    ],
    [
      'a building without a room',
      (r) => {
        r[9] = '';
      },
      '房号：填写楼栋时必填',
    ],
    [
      'a floor that is no floor',
      (r) => {
        r[8] = '三楼';
      },
      '楼层：应为 -5 到 200 之间的整数',
    ],
    [
      'an unknown relation',
      (r) => {
        r[10] = '表哥';
      },
      '与户主关系：应为：户主、配偶、子、女、父母、孙子女、兄弟姐妹、其他',
    ],
    [
      'an unknown tag',
      (r) => {
        r[11] = '独居老人，土豪';
      },
      '人员标签：未知标签“土豪”',
    ],
  ];

  for (const [title, mutate, message] of cases) {
    it(`rejects the whole file for ${title}`, async () => {
      const bad = rows.map((r) => [...r]);
      mutate(bad[4]!, bad);
      const file = env.file(`bad-${title.replaceAll(' ', '-')}.xlsx`);
      await writeResidentXlsx(file, bad);
      const outcome = await runImport(env, file);
      expect(outcome.status).toBe('rejected');
      expect([...outcome.problems.entries()]).toEqual([[6, message]]);
      expect(await env.countRows('persons')).toBe(0);
    });
  }

  it('rejects the same ID twice and two heads of one household, naming the earlier row', async () => {
    const bad = rows.map((r) => [...r]);
    bad[7]![1] = bad[3]![1]!;
    bad[7]![2] = bad[3]![2]!;
    const headRow = rows.findIndex((r, i) => i > 0 && r[10] === '户主');
    const second = rows.findIndex((r, i) => i > headRow && r[10] !== '户主' && r[9] === rows[headRow]![9]);
    if (second > 0) bad[second]![10] = '户主';
    const file = env.file('cross-row.xlsx');
    await writeResidentXlsx(file, bad);
    const outcome = await runImport(env, file);
    expect(outcome.problems.get(9)).toBe('公民身份号码：与第 5 行重复');
    if (second > 0)
      expect(outcome.problems.get(second + 2)).toBe(`与户主关系：同一住户已有户主（第 ${headRow + 2} 行）`);
    expect(await env.countRows('persons')).toBe(0);
  });

  it('rejects a file without the template columns, and reports unknown extra columns', async () => {
    const missing = env.file('missing-column.xlsx');
    await writeResidentXlsx(
      missing,
      rows.map((r) => r.slice(0, 5)),
      RESIDENT_HEADERS.slice(0, 5),
    );
    const outcome = await runImport(env, missing);
    expect(outcome.status).toBe('rejected');
    expect(outcome.fileProblem).toContain('缺少模板列：所属网格');

    const extra = env.file('extra-column.xlsx');
    await writeResidentXlsx(
      extra,
      rows.slice(0, 3).map((r) => [...r, '随便']),
      [...RESIDENT_HEADERS, '微信号'],
    );
    const ok = await runImport(env, extra);
    expect(ok.status).toBe('succeeded');
    expect(ok.unknownColumns).toEqual(['微信号']);
    await env.database.db.deleteFrom('person_tags').execute();
    await env.database.db.deleteFrom('persons').execute();
    await env.database.db.deleteFrom('households').execute();
  });

  it('refuses rows in grids outside the importer’s scope, and persons registered elsewhere', async () => {
    const otherGrid = await env.createRegion(SHANGHAI_XINCUN, 'grid', '别人的网格');
    await env.createRegion(otherGrid, 'building', '1号楼');
    const theirs = [...residentRows({ count: 3, gridCode: otherGrid, buildings: ['1号楼'], seed: 99 })];
    const file = env.file('scope.xlsx');
    await writeResidentXlsx(file, [...rows.slice(0, 2), theirs[0]!]);
    const workerScope = new Scope([grid], env.dialect);
    const outcome = await runImport(env, file, { scope: workerScope });
    expect([...outcome.problems.entries()]).toEqual([[4, '所属网格：网格不存在或不在您的管辖范围内']]);
    expect(await env.countRows('persons')).toBe(0);

    // Someone already registered in the other grid cannot be pulled over by a file.
    const elsewhere = env.file('elsewhere.xlsx');
    await writeResidentXlsx(elsewhere, [theirs[1]!]);
    expect((await runImport(env, elsewhere)).status).toBe('succeeded');
    const moved = [...theirs[1]!];
    moved[5] = grid;
    const pull = env.file('pull.xlsx');
    await writeResidentXlsx(pull, [moved]);
    const pulled = await runImport(env, pull, { scope: workerScope });
    expect([...pulled.problems.values()]).toEqual(['公民身份号码：此人已在其他辖区登记']);
  });

  it('writes an error report: each bad row, its row number first and 错误原因 last, nothing of the good rows', async () => {
    const bad = rows.map((r) => [...r]);
    bad[1]![3] = '555';
    bad[1]![2] = bad[1]![2] === '男' ? '女' : '男';
    const input = env.file('report-input.xlsx');
    await writeResidentXlsx(input, bad);
    const outcome = await runImport(env, input);
    const output = env.file('report-input.errors.xlsx');
    await writeErrorReport({ input, format: 'xlsx', output, problems: outcome.problems });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(1).getCell(1).value).toBe('行号');
    expect(sheet.getRow(1).getCell(16).value).toBe('错误原因');
    expect(sheet.getRow(2).getCell(1).value).toBe(3);
    expect(sheet.getRow(2).getCell(2).value).toBe(bad[1]![0]);
    expect(sheet.getRow(2).getCell(16).value).toBe('性别：与公民身份号码不符；手机号码：不是有效的手机号码');
    // The phone is at fault and shown; the ID number is not, and only its last four digits are.
    expect(sheet.getRow(2).getCell(5).value).toBe('555');
    expect(sheet.getRow(2).getCell(3).value).toBe(`**************${bad[1]![1]!.slice(-4)}`);
  });
});

describeEachDialect('resident import: accepted files', (env) => {
  let grid = '';
  let rows: string[][] = [];
  beforeAll(async () => {
    grid = await env.createRegion(QINGNIAN, 'grid', '导入网格');
    await env.createRegion(grid, 'building', '1号楼');
    await env.createRegion(grid, 'building', '2号楼');
    rows = [...residentRows({ count: 30, gridCode: grid, buildings: ['1号楼', '2号楼'], seed: 5 })];
  });

  it('imports, then re-imports the same file without changing anything', async () => {
    const file = env.file('good.xlsx');
    await writeResidentXlsx(file, rows);
    const first = await runImport(env, file);
    expect(first).toMatchObject({
      status: 'succeeded',
      totalRows: 30,
      created: 30,
      updated: 0,
      unchanged: 0,
      invalid: 0,
    });
    const households = await env.database.db.selectFrom('households').selectAll().execute();
    expect(households.length).toBeGreaterThan(5);
    // Every household got exactly its head.
    expect(households.every((h) => h.head_person_id)).toBe(true);
    const again = await runImport(env, file);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 30 });
    const changed = rows.map((r) => [...r]);
    changed[0]![3] = '13900001111';
    await writeResidentXlsx(file, changed);
    expect(await runImport(env, file)).toMatchObject({ created: 0, updated: 1, unchanged: 29 });
    expect(await env.countRows('persons')).toBe(30);
  });

  it('normalizes full-width digits and stray spaces', async () => {
    const row = [...residentRows({ count: 1, gridCode: grid, buildings: ['1号楼'], seed: 77 })][0]!;
    const fullWidth = (s: string) =>
      s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    row[1] = ` ${fullWidth(row[1]!)} `;
    row[0] = `  ${row[0]}  `;
    const file = env.file('full-width.xlsx');
    await writeResidentXlsx(file, [row]);
    const outcome = await runImport(env, file);
    expect(outcome).toMatchObject({ status: 'succeeded', created: 1 });
  });

  it('writes the good rows and reports the rest with skip-invalid', async () => {
    const mixed = [...residentRows({ count: 6, gridCode: grid, buildings: ['2号楼'], seed: 303 })];
    mixed[2]![1] = '110105194912310021';
    const file = env.file('mixed.xlsx');
    await writeResidentXlsx(file, mixed);
    const before = await env.countRows('persons');
    const outcome = await runImport(env, file, { skipInvalid: true });
    expect(outcome).toMatchObject({ status: 'succeeded', created: 5, invalid: 1 });
    expect(outcome.problems.get(4)).toBe('公民身份号码：校验位错误');
    expect(await env.countRows('persons')).toBe(before + 5);
  });

  it('reads CSV in UTF-8 and in GB18030', async () => {
    for (const [encoding, seed] of [
      ['utf8', 401],
      ['gb18030', 402],
    ] as const) {
      const csvRows = [...residentRows({ count: 4, gridCode: grid, buildings: ['1号楼'], seed })];
      const file = env.file(`residents-${encoding}.csv`);
      writeResidentCsv(file, csvRows, encoding);
      const outcome = await runImport(env, file);
      expect(outcome).toMatchObject({ status: 'succeeded', created: 4 });
      const names = await env.database.db
        .selectFrom('persons')
        .select('name')
        .where('name', '=', csvRows[0]![0]!)
        .execute();
      expect(names).toHaveLength(1);
    }
  });
});

/**
 * The paths large files take (rows prepared on a worker thread, persons' plain indexes rebuilt
 * at the end on SQLite, households evicted from memory and read back), forced on small files:
 * the outcome must be the same as on the ordinary path.
 */
