import ExcelJS from 'exceljs';
import {
  MEMBER_CATEGORY_NAMES,
  MEMBER_HEADERS,
  MEMBER_STATUS_NAMES,
  REQUIRED_MEMBER_HEADERS,
} from '../../../shared/member-template.js';
import { markedHeading } from '../../../shared/template-headings.js';

/** The member import template, with the ID and phone columns as text and a sheet of notes. */
export async function writeMemberTemplate(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('党员信息');
  sheet.columns = MEMBER_HEADERS.map((header) => ({
    header: markedHeading(header, REQUIRED_MEMBER_HEADERS.includes(header)),
    key: header,
    width: header === '公民身份号码' ? 22 : header === '所属组织' ? 24 : 12,
    style: header === '公民身份号码' || header === '手机号码' ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '列', key: 'column', width: 12 },
    { header: '说明', key: 'note', width: 80 },
  ];
  notes.addRows([
    { column: '姓名', note: '必填' },
    { column: '公民身份号码', note: '必填；已在居民登记中的按此号码关联，否则登记为区外党员' },
    { column: '所属组织', note: '必填；您管辖范围内组织的名称' },
    { column: '人员类别', note: Object.keys(MEMBER_CATEGORY_NAMES).join('、') },
    { column: '党员状态', note: Object.keys(MEMBER_STATUS_NAMES).join('、') },
    { column: '入党日期', note: '如 2001-07-01' },
  ]);
  await workbook.xlsx.writeFile(file);
}
