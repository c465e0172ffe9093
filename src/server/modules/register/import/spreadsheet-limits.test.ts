import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RESIDENT_HEADERS } from '../../../../shared/register-template.js';
import {
  headerRow,
  hugeColumnWorkbook,
  manyRowsWorkbook,
  sharedStringsBomb,
  workbook,
} from './hostile-spreadsheets.js';
import {
  CSV_SAMPLE_BYTES,
  detectCsvEncoding,
  readSpreadsheet,
  type SpreadsheetFormat,
} from './row-source.js';
import {
  DEFAULT_LIMITS,
  limitsForRows,
  type SpreadsheetLimits,
  SpreadsheetRefused,
} from './spreadsheet-limits.js';
import { scanXlsx } from './xlsx-rows.js';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-limits-test-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

let counter = 0;
const write = (content: Buffer | string, extension: SpreadsheetFormat) => {
  counter += 1;
  const file = path.join(folder, `${counter}.${extension}`);
  fs.writeFileSync(file, content);
  return file;
};

/** Reads every row; answers the refusal (code and params), or the rows read. */
async function read(file: string, format: SpreadsheetFormat, limits: SpreadsheetLimits = DEFAULT_LIMITS) {
  const rows: string[][] = [];
  try {
    for await (const row of readSpreadsheet(file, format, () => {}, limits)) rows.push(row.cells);
  } catch (error) {
    if (error instanceof SpreadsheetRefused)
      return { refused: error.code, params: error.params, rows: rows.length };
    throw error;
  }
  return { refused: undefined, rows: rows.length, cells: rows };
}

describe('the spreadsheet readers keep their limits', () => {
  it('refuses a cell reference far past the last column (the 1.7 KB file that killed the server)', async () => {
    const content = hugeColumnWorkbook();
    expect(content.length).toBeLessThan(4096);
    const outcome = await read(write(content, 'xlsx'), 'xlsx');
    expect(outcome).toMatchObject({
      refused: 'import.too_many_columns',
      params: { cell: 'ZZZZZZZ2', max: 256 },
    });
  });

  it('refuses references that are not references, and row numbers past Excel’s last row', async () => {
    const noLetters = await read(
      write(workbook(`${headerRow()}<row r="2"><c r="12"><v>1</v></c></row>`), 'xlsx'),
      'xlsx',
    );
    expect(noLetters.refused).toBe('import.bad_cell_reference');
    const farRow = await read(write(workbook(`${headerRow()}<row r="99999999999"/>`), 'xlsx'), 'xlsx');
    expect(farRow.refused).toBe('import.bad_cell_reference');
    // Cells without references go in order, still bounded.
    const unreferenced = `<row r="2">${'<c><v>1</v></c>'.repeat(300)}</row>`;
    const wide = await read(write(workbook(`${headerRow()}${unreferenced}`), 'xlsx'), 'xlsx');
    expect(wide.refused).toBe('import.too_many_columns');
  });

  it('refuses a cell longer than Excel allows, inline or shared', async () => {
    const long = 'x'.repeat(40_000);
    const inline = await read(
      write(
        workbook(`${headerRow()}<row r="2"><c r="A2" t="inlineStr"><is><t>${long}</t></is></c></row>`),
        'xlsx',
      ),
      'xlsx',
    );
    expect(inline).toMatchObject({ refused: 'import.cell_too_long', params: { row: 2, max: 32_767 } });
    const shared = await read(
      write(workbook(headerRow(), { sharedStrings: Buffer.from(`<si><t>${long}</t></si>`) }), 'xlsx'),
      'xlsx',
    );
    expect(shared.refused).toBe('import.cell_too_long');
  });

  it('refuses a shared-strings bomb by its headers, and by counting when the headers lie', async () => {
    // 4,000,000 strings: 68 MB unpacked from about 70 KB.
    const bomb = sharedStringsBomb(4_000_000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect((await read(write(bomb, 'xlsx'), 'xlsx')).refused).toBe('import.too_large_unpacked');
    const liar = sharedStringsBomb(4_000_000, { lie: true });
    const outcome = await read(write(liar, 'xlsx'), 'xlsx');
    expect(['import.too_large_unpacked', 'import.unreadable']).toContain(outcome.refused);
    // Within the unpacked bounds, the count of strings is bounded on its own.
    const many = workbook(headerRow(), { sharedStrings: Buffer.from('<si><t>ab</t></si>'.repeat(2_000)) });
    const counted = await read(write(many, 'xlsx'), 'xlsx', { ...DEFAULT_LIMITS, maxSharedStrings: 1_000 });
    expect(counted).toMatchObject({ refused: 'import.too_many_strings', params: { max: 1_000 } });
  });

  it('refuses more rows than the bound as soon as it is passed', async () => {
    const file = write(manyRowsWorkbook(3_000), 'xlsx');
    const outcome = await read(file, 'xlsx', limitsForRows(1_000));
    expect(outcome).toMatchObject({ refused: 'import.too_many_rows', params: { max: 1_000 } });
    // Refused on the row past the bound, before it or any later row was handed on.
    expect(outcome.rows).toBeLessThanOrEqual(1_001);
    expect((await read(file, 'xlsx', limitsForRows(3_000))).rows).toBe(3_001);
  });

  it('counts rows and shared strings without parsing, as the parser would, across chunk boundaries', async () => {
    const file = path.join(folder, 'real.xlsx');
    const { residentRows, writeResidentXlsx } = await import('../../../fixtures/resident-rows.js');
    await writeResidentXlsx(
      file,
      residentRows({ count: 30_000, gridCode: '230108001002001', buildings: [], seed: 2 }),
    );
    expect(await scanXlsx(file, DEFAULT_LIMITS)).toEqual({ rows: 30_001 });
    expect((await read(file, 'xlsx')).rows).toBe(30_001);
    await expect(scanXlsx(file, limitsForRows(29_999))).rejects.toMatchObject({
      code: 'import.too_many_rows',
    });
    const strings = write(
      workbook(headerRow(), { sharedStrings: Buffer.from('<si><t>ab</t></si>'.repeat(2_000)) }),
      'xlsx',
    );
    await expect(scanXlsx(strings, { ...DEFAULT_LIMITS, maxSharedStrings: 1_999 })).rejects.toMatchObject({
      code: 'import.too_many_strings',
    });
    expect(await scanXlsx(strings, { ...DEFAULT_LIMITS, maxSharedStrings: 2_000 })).toEqual({ rows: 1 });
  });

  it('refuses a 2,000,000-row file of a few hundred kilobytes under the default bounds', async () => {
    const content = manyRowsWorkbook(2_000_000);
    expect(content.length).toBeLessThan(400 * 1024);
    const file = write(content, 'xlsx');
    const outcome = await read(file, 'xlsx', limitsForRows(1_000_000));
    expect(['import.too_large_unpacked', 'import.too_many_rows']).toContain(outcome.refused);
    // Packed at most 200 to 1 (so its headers pass), the rows bound refuses it while counting.
    const evenly = await scanXlsx(file, { ...limitsForRows(1_000_000), maxRatio: 1_000_000 }).catch((e) => e);
    expect(evenly).toMatchObject({ code: 'import.too_many_rows', params: { max: 1_000_000 } });
  });

  it('refuses what is not a workbook, and broken XML, as unreadable', async () => {
    expect((await read(write(Buffer.from('PK\x03\x04 not really'), 'xlsx'), 'xlsx')).refused).toBe(
      'import.unreadable',
    );
    expect((await read(write(workbook(`${headerRow()}<row r="2"><c r="A2">`), 'xlsx'), 'xlsx')).refused).toBe(
      'import.unreadable',
    );
  });

  it('bounds a CSV too: rows, columns, cells, and a file without line ends', async () => {
    const header = RESIDENT_HEADERS.join(',');
    const rows = Array.from({ length: 30 }, (_, i) => `张${i},1`).join('\n');
    expect(await read(write(`${header}\n${rows}\n`, 'csv'), 'csv', limitsForRows(20))).toMatchObject({
      refused: 'import.too_many_rows',
      params: { max: 20 },
    });
    const wide = await read(write(`${header}\n${'a,'.repeat(300)}a\n`, 'csv'), 'csv');
    expect(wide.refused).toBe('import.too_many_columns');
    const long = await read(write(`${header}\n"${'x'.repeat(40_000)}"\n`, 'csv'), 'csv');
    expect(long.refused).toBe('import.cell_too_long');
    const endless = await read(write(`${header}\n${'y'.repeat(2 * 1024 * 1024)}`, 'csv'), 'csv');
    expect(endless.refused).toBe('import.cell_too_long');
  });
});

describe('CSV encoding detection', () => {
  /** A UTF-8 CSV whose sample (the first CSV_SAMPLE_BYTES) ends inside a three-byte character. */
  function utf8CsvCutInsideACharacter(bom: boolean): Buffer {
    for (let pad = 0; pad < 3; pad++) {
      // ASCII padding in the first row shifts where the sample ends, until it ends inside 居/民/楼.
      const lines = [`${bom ? '\uFEFF' : ''}${RESIDENT_HEADERS.join(',')}`, `居民,${'1'.repeat(pad)},楼`];
      while (lines.length * 20 < CSV_SAMPLE_BYTES + 2_000) lines.push('居民居民居民居民,楼楼');
      const content = Buffer.from(`${lines.join('\n')}\n`);
      // The sample ends after two bytes of a three-byte character (so does the cut 4 bytes
      // earlier that the detection once made: neither ends on a whole character).
      const at = (i: number) => content[CSV_SAMPLE_BYTES + i]!;
      if ((at(0) & 0xc0) === 0x80 && (at(-1) & 0xc0) === 0x80 && at(-2) >= 0xe0) return content;
    }
    throw new Error('no padding puts the sample boundary inside a character');
  }

  it.each([false, true])(
    'reads a UTF-8 file whose sample ends inside a character as UTF-8 (BOM: %s)',
    async (bom) => {
      const content = utf8CsvCutInsideACharacter(bom);
      const file = write(content, 'csv');
      expect(detectCsvEncoding(file)).toBe('utf8');
      const outcome = await read(file, 'csv');
      expect(outcome.refused).toBeUndefined();
      expect(outcome.cells![0]).toEqual([...RESIDENT_HEADERS]);
      expect(outcome.cells!.at(-1)).toEqual(['居民居民居民居民', '楼楼']);
    },
  );

  it('still reads a GB18030 file as GB18030', async () => {
    const iconv = (await import('iconv-lite')).default;
    const file = write(iconv.encode(`${RESIDENT_HEADERS.join(',')}\n张三,1\n`.repeat(1), 'gb18030'), 'csv');
    expect(detectCsvEncoding(file)).toBe('gb18030');
    expect((await read(file, 'csv')).cells![0]![0]).toBe('姓名');
  });
});
