import {
  ERROR_COLUMN,
  RELATIONS,
  RESIDENT_HEADERS,
  type Relation,
  type ResidentHeader,
} from '../../../../shared/register-template.js';
import { restoreFormulaText } from '../../../../shared/spreadsheet-cell.js';
import { columnOfHeading } from '../../../../shared/template-headings.js';
import { toHalfWidth, validateIdNumber, validateMobilePhone } from '../../../../shared/validators/index.js';
import type { Region } from '../../../db/tables.js';

/** One problem of one row, named by column, in the words the error report uses. */
export interface RowProblem {
  column: ResidentHeader | '';
  message: string;
}

/** A row that passed every check of its own (cross-row checks come later). */
export interface CheckedResident {
  rowNumber: number;
  name: string;
  idNumber: string;
  gender: 'male' | 'female';
  birthDate: string;
  phone: string | null;
  ethnicity: string;
  gridCode: string;
  /** The building, or the grid itself for households without a building. */
  placeCode: string;
  unit: string;
  floor: number | null;
  room: string;
  address: string;
  relation: Relation;
  tagCodes: string[];
  registeredAddress: string;
  note: string;
}

export interface RowLookups {
  /** A grid in the importer's scope, or undefined (not found and out of scope look the same). */
  gridInScope(code: string): Region | undefined;
  /** A building of the grid by its code or its name. */
  building(gridCode: string, codeOrName: string): Region | undefined;
  tagCode(name: string): string | undefined;
}

const ID_PROBLEMS: Record<string, string> = {
  length: '应为 18 位',
  characters: '含有无效字符',
  region: '前 6 位不是有效的行政区划',
  birth_date: '出生日期不是真实日期',
  check_digit: '校验位错误',
};

const NEEDS_NORMALIZING = /[\s\uff01-\uff5e]/;

/**
 * Full-width digits and letters become half-width, spaces are trimmed and runs of them folded, and
 * the apostrophe an export puts before formula-like text (spreadsheet-cell.ts) is taken off again.
 */
export const normalizeCell = (value: string): string => {
  const text = value.charCodeAt(0) === APOSTROPHE ? restoreFormulaText(value) : value;
  // The common cell has neither spaces (\s covers U+3000) nor full-width forms: nothing to do.
  return NEEDS_NORMALIZING.test(text) ? toHalfWidth(text).replace(/\s+/g, ' ').trim() : text;
};
const APOSTROPHE = 39;

function within(problems: RowProblem[], column: ResidentHeader, value: string, max: number): string {
  if (value.length > max) problems.push({ column, message: `不能超过 ${max} 个字符` });
  return value;
}

/** Checks one data row on its own. `cells` maps each template header to its normalized text. */
export function checkResidentRow(
  rowNumber: number,
  cells: Readonly<Record<ResidentHeader, string>>,
  lookups: RowLookups,
): { ok: true; row: CheckedResident } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const required = (column: ResidentHeader): string => {
    const value = cells[column];
    if (!value) problems.push({ column, message: '必填' });
    return value;
  };

  const name = within(problems, '姓名', required('姓名'), 50);

  let gender: 'male' | 'female' = 'male';
  let birthDate = '';
  let idNumber = '';
  const rawId = required('公民身份号码');
  if (rawId) {
    const checked = validateIdNumber(rawId);
    if (checked.ok) {
      idNumber = checked.value;
      gender = checked.gender;
      birthDate = checked.birthDate;
    } else {
      problems.push({ column: '公民身份号码', message: ID_PROBLEMS[checked.reason] ?? '无效' });
    }
  }

  const genderCell = cells.性别;
  if (genderCell) {
    const stated = genderCell === '男' ? 'male' : genderCell === '女' ? 'female' : null;
    if (!stated) problems.push({ column: '性别', message: '应为“男”或“女”' });
    else if (idNumber && stated !== gender) problems.push({ column: '性别', message: '与公民身份号码不符' });
  }

  let phone: string | null = null;
  if (cells.手机号码) {
    const checked = validateMobilePhone(cells.手机号码);
    if (checked.ok) phone = checked.value;
    else problems.push({ column: '手机号码', message: '不是有效的手机号码' });
  }

  const gridCodeCell = required('所属网格');
  const grid = gridCodeCell ? lookups.gridInScope(gridCodeCell) : undefined;
  if (gridCodeCell && !grid) problems.push({ column: '所属网格', message: '网格不存在或不在您的管辖范围内' });

  let placeCode = grid?.code ?? '';
  const buildingCell = cells.楼栋;
  if (buildingCell && grid) {
    const building = lookups.building(grid.code, buildingCell);
    if (building) placeCode = building.code;
    else problems.push({ column: '楼栋', message: '该网格下没有这个楼栋' });
  }
  const unit = within(problems, '单元', cells.单元, 10);
  let floor: number | null = null;
  if (cells.楼层) {
    if (/^-?\d{1,3}$/.test(cells.楼层) && Number(cells.楼层) >= -5 && Number(cells.楼层) <= 200)
      floor = Number(cells.楼层);
    else problems.push({ column: '楼层', message: '应为 -5 到 200 之间的整数' });
  }
  const room = within(problems, '房号', cells.房号, 20);
  if (buildingCell && !room) problems.push({ column: '房号', message: '填写楼栋时必填' });
  const registeredAddress = within(problems, '户籍地址', cells.户籍地址, 200);
  if (!buildingCell && !registeredAddress) {
    problems.push({ column: '户籍地址', message: '没有楼栋时必填（用于确定住户）' });
  }

  const relationCell = required('与户主关系');
  const relation = RELATIONS.find((r) => r === relationCell);
  if (relationCell && !relation)
    problems.push({ column: '与户主关系', message: `应为：${RELATIONS.join('、')}` });

  const tagCodes: string[] = [];
  for (const tagName of cells.人员标签
    .split(/[，,、]/)
    .map((t) => t.trim())
    .filter(Boolean)) {
    const code = lookups.tagCode(tagName);
    if (code) {
      if (!tagCodes.includes(code)) tagCodes.push(code);
    } else problems.push({ column: '人员标签', message: `未知标签“${tagName}”` });
  }

  const ethnicity = within(problems, '民族', cells.民族, 20);
  const note = within(problems, '备注', cells.备注, 500);

  if (problems.length > 0 || !relation || !grid) return { ok: false, problems };
  return {
    ok: true,
    row: {
      rowNumber,
      name,
      idNumber,
      gender,
      birthDate,
      phone,
      ethnicity,
      gridCode: grid.code,
      placeCode,
      unit,
      floor,
      room,
      address: buildingCell ? '' : registeredAddress,
      relation,
      tagCodes,
      registeredAddress,
      note,
    },
  };
}

/** '公民身份号码：校验位错误；性别：与公民身份号码不符' */
export const describeProblems = (problems: readonly RowProblem[]): string =>
  problems.map((p) => (p.column ? `${p.column}：${p.message}` : p.message)).join('；');

/** Maps a header row to column positions; reports missing template headers and unknown extras. */
export function mapHeaders(header: readonly string[]): {
  positions: Map<ResidentHeader, number>;
  missing: ResidentHeader[];
  unknown: string[];
} {
  const positions = new Map<ResidentHeader, number>();
  const unknown: string[] = [];
  header.forEach((raw, index) => {
    const name = columnOfHeading(normalizeCell(raw));
    if (!name) return;
    const known = RESIDENT_HEADERS.find((h) => h === name);
    if (known && !positions.has(known)) positions.set(known, index);
    else if (name !== ERROR_COLUMN) unknown.push(name);
  });
  const missing = RESIDENT_HEADERS.filter((h) => !positions.has(h));
  return { positions, missing, unknown };
}
