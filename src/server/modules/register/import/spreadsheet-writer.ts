import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { ERROR_COLUMN, RELATIONS, RESIDENT_HEADERS } from '../../../../shared/register-template.js';
import { readSpreadsheet, type SpreadsheetFormat } from './row-source.js';

/** Columns holding long digit strings must be text, or Excel turns an ID number into 1.1E+17. */
const TEXT_COLUMNS = new Set(['公民身份号码', '手机号码', '所属网格', '楼栋', '单元', '房号']);

/** The import template: the headers in order, text-formatted where needed, and a sheet of notes. */
export async function writeResidentTemplate(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('居民信息');
  sheet.columns = RESIDENT_HEADERS.map((header) => ({
    header,
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

/**
 * The error report: the original rows, in order, with a column 错误原因 naming every problem of
 * every bad row (empty for good rows). Streams both ways, so a large file stays out of memory.
 */
export async function writeErrorReport(options: {
  input: string;
  format: SpreadsheetFormat;
  output: string;
  problems: ReadonlyMap<number, string>;
  fileProblem?: string | undefined;
}): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: fs.createWriteStream(options.output),
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('错误报告');
  let header = true;
  let width = 0;
  for await (const row of readSpreadsheet(options.input, options.format)) {
    if (header) width = row.cells.length;
    // Rows may end early (empty trailing cells); pad so 错误原因 stays in one column.
    const cells =
      row.cells.length < width ? [...row.cells, ...Array(width - row.cells.length).fill('')] : row.cells;
    const reason = header ? ERROR_COLUMN : (options.problems.get(row.rowNumber) ?? '');
    const written = sheet.addRow([...cells, reason]);
    if (header) written.font = { bold: true };
    else if (reason) written.getCell(cells.length + 1).font = { color: { argb: 'FFC00000' } };
    written.commit();
    if (header && options.fileProblem) sheet.addRow([options.fileProblem]).commit();
    header = false;
  }
  await sheet.commit();
  await workbook.commit();
}
