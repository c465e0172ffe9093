/** The demo population's proportions: where residents were born, household sizes, floors, the register's tags. */

/** Birth-place prefixes of ID numbers: mostly Harbin, then the rest of the province, then elsewhere. */
export const HARBIN = [
  '230102',
  '230103',
  '230104',
  '230108',
  '230109',
  '230110',
  '230111',
  '230112',
  '230113',
];
export const PROVINCE = [
  '230183',
  '230184',
  '230202',
  '230602',
  '231002',
  '230803',
  '231202',
  '230302',
  '231102',
];
export const ELSEWHERE = ['220102', '210102', '370102', '130102', '410102', '150102'];
export const ETHNICITIES = ['满族', '朝鲜族', '回族', '蒙古族'];

/** Household sizes in about the proportions of a northern Chinese city (mean ≈ 2.6). */
export const SIZES: [size: number, share: number][] = [
  [1, 0.18],
  [2, 0.3],
  [3, 0.3],
  [4, 0.14],
  [5, 0.06],
  [6, 0.02],
];

export const FLOORS_LOW = 6;
export const FLOORS_HIGH = 11;

/** Tag codes of migration 0002 (t01 独居老人 … t10 重点关爱). */
export const TAG = {
  aloneElderly: 't01',
  emptyNest: 't02',
  lowIncome: 't03',
  extremePoverty: 't04',
  disabled: 't05',
  landLost: 't06',
  unemployed: 't07',
  veteran: 't08',
  leftBehindChild: 't09',
  specialCare: 't10',
} as const;
export const TAG_NAMES: Record<string, string> = {
  t01: '独居老人',
  t02: '空巢老人',
  t03: '低保户',
  t04: '特困',
  t05: '残疾人',
  t06: '失地农民',
  t07: '下岗失业',
  t08: '退役军人',
  t09: '留守儿童',
  t10: '重点关爱',
};
