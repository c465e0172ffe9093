/**
 * The resident import template: these headers, in this order (shared by the server, the CLI
 * template command and the web page that explains the format).
 */
export const RESIDENT_HEADERS = [
  '姓名',
  '公民身份号码',
  '性别',
  '手机号码',
  '民族',
  '所属网格',
  '楼栋',
  '单元',
  '楼层',
  '房号',
  '与户主关系',
  '人员标签',
  '户籍地址',
  '备注',
] as const;
export type ResidentHeader = (typeof RESIDENT_HEADERS)[number];

export const REQUIRED_RESIDENT_HEADERS: readonly ResidentHeader[] = [
  '姓名',
  '公民身份号码',
  '所属网格',
  '与户主关系',
];

/** The standard relations to the head of household. */
export const RELATIONS = ['户主', '配偶', '子', '女', '父母', '孙子女', '兄弟姐妹', '其他'] as const;
export type Relation = (typeof RELATIONS)[number];

export const ERROR_COLUMN = '错误原因';
