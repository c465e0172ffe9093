import fs from 'node:fs';
import ExcelJS from 'exceljs';
import {
  ERROR_COLUMN,
  RELATIONS,
  REQUIRED_RESIDENT_HEADERS,
  RESIDENT_HEADERS,
} from '../../../../shared/register-template.js';
import { neutralizeFormula } from '../../../../shared/spreadsheet-cell.js';
import { markedHeading } from '../../../../shared/template-headings.js';
import { translate } from '../../../i18n/messages.js';
import { normalizeCell } from './row-checker.js';
import { readSpreadsheet, type SpreadsheetFormat } from './row-source.js';
import { type SpreadsheetLimits, SpreadsheetRefused } from './spreadsheet-limits.js';

/** The first column of an error report: where the row is in the uploaded file. */
export const ROW_NUMBER_COLUMN = '行号';

/** Columns holding long digit strings must be text, or Excel turns an ID number into 1.1E+17. */
const TEXT_COLUMNS = new Set(['公民身份号码', '手机号码', '所属网格', '楼栋', '单元', '房号']);

/** The import template: the headers in order, text-formatted where needed, and a sheet of notes. */
export async function writeResidentTemplate(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('居民信息');
  sheet.columns = RESIDENT_HEADERS.map((header) => ({
    header: markedHeading(header, REQUIRED_RESIDENT_HEADERS.includes(header)),
    key: header,
    width: header === '公民身份号码' ? 22 : header.endsWith('地址') || header === '备注' ? 30 : 12,
    style: TEXT_COLUMNS.has(header) ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '列', key: 'column', width: 14 },
    { header: '说明', key: 'note', width: 80 },
  ];
  notes.addRows([
    { column: '姓名', note: '必填' },
    { column: '公民身份号码', note: '必填，18 位，校验位与出生日期必须正确；性别、出生日期由此推出' },
    { column: '性别', note: '可空；填写时应为“男”或“女”并与身份证号一致' },
    { column: '手机号码', note: '可空；11 位大陆手机号' },
    { column: '所属网格', note: '必填，网格代码（14 位），须在您的管辖范围内' },
    { column: '楼栋', note: '楼栋代码或该网格下的楼栋名称；没有楼栋（如农村）时留空并填写户籍地址' },
    { column: '单元 / 楼层 / 房号', note: '填写楼栋时房号必填；楼栋+单元+房号确定一户' },
    { column: '与户主关系', note: `必填：${RELATIONS.join('、')}；每户只能有一名户主` },
    { column: '人员标签', note: '可空；多个标签用“，”或“,”分隔，须为系统中已有的标签' },
  ]);
  await workbook.xlsx.writeFile(file);
}

/** Bad rows an error report lists; the rest are counted in a last line. */
export const REPORT_MAX_ROWS = 1_000;

/** Columns whose values identify a person: shown in a report only where that row's fault is in them. */
const IDENTIFYING_COLUMNS = ['公民身份号码', '手机号码'];

/** All but the last four characters hidden: enough to find the row, not to learn the number. */
const masked = (value: string) =>
  value.length <= 4 ? '*'.repeat(value.length) : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;

/**
 * The error report: the header, then each bad row (the first REPORT_MAX_ROWS of them, in file
 * order) with its row number first and a column 错误原因 naming every problem; a last line counts
 * the bad rows not listed. Good rows are left out, and a bad row's ID number and phone are masked
 * unless its fault is in them: the report is kept after the upload is deleted, so it carries
 * what fixing the rows needs and no more.
 */
export async function writeErrorReport(options: {
  input: string;
  format: SpreadsheetFormat;
  output: string;
  problems: ReadonlyMap<number, string>;
  fileProblem?: string | undefined;
  limits?: SpreadsheetLimits;
}): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: fs.createWriteStream(options.output, { mode: 0o600 }),
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('错误报告');
  let header: string[] | undefined;
  let identifying: { index: number; column: string }[] = [];
  let listed = 0;
  try {
    for await (const row of readSpreadsheet(options.input, options.format, () => {}, options.limits)) {
      if (!header) {
        header = row.cells;
        identifying = header
          .map((cell, index) => ({ index, column: normalizeCell(cell) }))
          .filter((c) => IDENTIFYING_COLUMNS.includes(c.column));
        const written = sheet.addRow([ROW_NUMBER_COLUMN, ...header, ERROR_COLUMN]);
        written.font = { bold: true };
        written.commit();
        if (options.fileProblem) sheet.addRow(['', options.fileProblem]).commit();
        continue;
      }
      const reason = options.problems.get(row.rowNumber);
      if (!reason) continue;
      if (listed >= REPORT_MAX_ROWS) break;
      listed += 1;
      // Rows may end early (empty trailing cells); pad so 错误原因 stays in one column.
      const cells = Array.from(
        { length: Math.max(header.length, row.cells.length) },
        (_, i) => row.cells[i] ?? '',
      );
      for (const { index, column } of identifying)
        if (cells[index] && !reason.includes(`${column}：`)) cells[index] = masked(cells[index]);
      // The uploader's own cells, shown to whoever opens the report: never run as formulas.
      const written = sheet.addRow([
        row.rowNumber,
        ...cells.slice(0, header.length).map(neutralizeFormula),
        reason,
      ]);
      written.getCell(header.length + 2).font = { color: { argb: 'FFC00000' } };
      written.commit();
    }
  } catch (error) {
    // A file refused by a limit says so in fileProblem; the report holds what was read before.
    if (!(error instanceof SpreadsheetRefused)) throw error;
    if (!header && options.fileProblem) sheet.addRow(['', options.fileProblem]).commit();
  }
  const unlisted = options.problems.size - listed;
  if (unlisted > 0)
    sheet.addRow(['', translate('import.more_problems', 'zh', { count: unlisted, listed })]).commit();
  await sheet.commit();
  await workbook.commit();
}
