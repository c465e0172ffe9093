/** The member import template: these headers, in this order. */
export const MEMBER_HEADERS = [
  '姓名',
  '公民身份号码',
  '手机号码',
  '所属组织',
  '人员类别',
  '党员状态',
  '入党日期',
  '岗位',
] as const;
export type MemberHeader = (typeof MEMBER_HEADERS)[number];
/** Every column but the phone and the post must be filled (marked * in the template). */
export const REQUIRED_MEMBER_HEADERS: readonly MemberHeader[] = MEMBER_HEADERS.filter(
  (header) => header !== '手机号码' && header !== '岗位',
);

export const MEMBER_CATEGORY_NAMES = { 正式党员: 'formal', 预备党员: 'probationary' } as const;
export const MEMBER_STATUS_NAMES = {
  在职: 'in_service',
  离退休: 'retired',
  流动: 'mobile',
  失联: 'lost_contact',
} as const;
