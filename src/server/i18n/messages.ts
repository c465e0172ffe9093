/**
 * Every user-facing message of the server, by stable code, in Chinese and English.
 * Codes never change once published: clients and tests match on them, people read the text.
 * `{name}` placeholders are filled from the error's params.
 */
export const messages = {
  'request.validation': { zh: '请求内容有误，请检查标出的字段', en: 'The request has invalid fields' },
  'request.malformed_json': { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  'request.too_large': { zh: '请求体过大', en: 'The request body is too large' },
  'request.unsupported_media_type': {
    zh: '不支持的内容类型：{type}',
    en: 'Unsupported content type: {type}',
  },
  'field.required': { zh: '必填', en: 'is required' },
  'field.invalid_type': { zh: '类型应为 {expected}', en: 'must be of type {expected}' },
  'field.too_short': { zh: '至少 {minimum} 个字符', en: 'must have at least {minimum} characters' },
  'field.too_long': { zh: '最多 {maximum} 个字符', en: 'must have at most {maximum} characters' },
  'field.too_small': { zh: '不能小于 {minimum}', en: 'must be at least {minimum}' },
  'field.too_big': { zh: '不能大于 {maximum}', en: 'must be at most {maximum}' },
  'field.too_few_items': { zh: '至少 {minimum} 项', en: 'must have at least {minimum} items' },
  'field.too_many_items': { zh: '最多 {maximum} 项', en: 'must have at most {maximum} items' },
  'field.invalid_format': { zh: '格式不正确', en: 'has an invalid format' },
  'field.invalid_value': { zh: '取值应为以下之一：{values}', en: 'must be one of: {values}' },
  'field.unrecognized_keys': { zh: '不认识的字段：{keys}', en: 'unknown fields: {keys}' },
  'field.invalid': { zh: '取值无效', en: 'is invalid' },
  'field.username_format': {
    zh: '用户名为 3–32 位小写字母、数字、点、下划线或连字符，以字母开头',
    en: 'a username is 3–32 lower-case letters, digits, dots, underscores or hyphens, starting with a letter',
  },
  'field.region_code': { zh: '区域代码应为 6–17 位数字', en: 'a region code is 6 to 17 digits' },
  'route.not_found': { zh: '没有这个接口', en: 'No such endpoint' },
  'internal.error': {
    zh: '服务器内部错误，请把请求编号告诉管理员',
    en: 'Internal server error; give the request id to an administrator',
  },
  'auth.invalid_credentials': { zh: '用户名或密码错误', en: 'Wrong username or password' },
  'auth.locked': {
    zh: '登录失败次数过多，账户已锁定，请 {minutes} 分钟后再试',
    en: 'Too many failed logins; the account is locked, try again in {minutes} minutes',
  },
  'auth.rate_limited': { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; please slow down' },
  'auth.required': { zh: '请先登录', en: 'Please log in' },
  'auth.session_expired': {
    zh: '长时间未操作，登录已过期，请重新登录',
    en: 'Your session expired after inactivity; please log in again',
  },
  'auth.forbidden': { zh: '没有执行此操作的权限', en: 'You do not have permission to do this' },
  'auth.cross_site': { zh: '拒绝跨站请求', en: 'Cross-site request refused' },
  'auth.wrong_password': { zh: '当前密码不正确', en: 'The current password is wrong' },
  'auth.disabled': { zh: '账户已停用', en: 'The account is disabled' },
  'password.too_short': {
    zh: '密码至少需要 10 个字符',
    en: 'The password must have at least 10 characters',
  },
  'password.too_long': { zh: '密码不能超过 256 个字符', en: 'The password must not exceed 256 characters' },
  'password.too_few_classes': {
    zh: '密码需包含小写字母、大写字母、数字、符号中的至少三类',
    en: 'The password must use three of: lower case, upper case, digits, symbols',
  },
  'password.same_as_old': {
    zh: '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
  'region.not_found': { zh: '区域不存在：{code}', en: 'No such region: {code}' },
  'region.invalid_child_kind': {
    zh: '不能在{parentKind}下创建{kind}',
    en: 'A {kind} cannot be created under a {parentKind}',
  },
  'region.duplicate_name': {
    zh: '同一上级下已有名为“{name}”的区域',
    en: 'A sibling region named "{name}" already exists',
  },
  'region.not_empty': {
    zh: '“{name}”下还有下级区域或账户，不能删除',
    en: '"{name}" still has child regions or accounts and cannot be deleted',
  },
  'region.sequence_exhausted': {
    zh: '该区域下的编号已用完',
    en: 'No codes are left under this region',
  },
  'region.unknown_county': {
    zh: '区划数据中没有县级代码 {code}',
    en: 'The division data has no county code {code}',
  },
  'person.not_found': { zh: '人员不存在', en: 'No such person' },
  'person.anonymized': { zh: '该人员信息已匿名化', en: 'This person has been anonymized' },
  'person.no_value': { zh: '未登记该项信息', en: 'Nothing is recorded for this field' },
  'household.not_found': { zh: '住户不存在', en: 'No such household' },
  'import.not_found': { zh: '导入任务不存在', en: 'No such import' },
  'import.unsupported_file': {
    zh: '只能导入 .xlsx 或 .csv 文件',
    en: 'Only .xlsx and .csv files can be imported',
  },
  'import.file_missing': { zh: '请选择要导入的文件', en: 'Choose a file to import' },
  'import.no_report': { zh: '该导入没有错误报告', en: 'This import has no error report' },
  'field.id_number': { zh: '不是有效的公民身份号码', en: 'is not a valid resident ID number' },
  'field.phone': { zh: '不是有效的手机号码', en: 'is not a valid mobile number' },
  'field.unknown_tag': { zh: '未知标签', en: 'unknown tag' },
  'user.not_found': { zh: '用户不存在', en: 'No such user' },
  'user.duplicate_username': { zh: '用户名“{username}”已被使用', en: 'The username "{username}" is taken' },
  'user.unknown_role': { zh: '未知角色：{role}', en: 'Unknown role: {role}' },
  'user.duplicate_role': {
    zh: '该用户在此区域已有此角色',
    en: 'The user already has this role in this region',
  },
  'user.role_not_found': { zh: '角色分配不存在', en: 'No such role assignment' },
  'user.cannot_remove_own_admin': {
    zh: '不能移除自己的管理员角色，请由其他管理员操作',
    en: 'You cannot remove your own administrator role; ask another administrator',
  },
  'user.cannot_disable_self': { zh: '不能停用自己的账户', en: 'You cannot disable your own account' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageCode = keyof typeof messages;
export type Language = 'zh' | 'en';

export function translate(
  code: MessageCode,
  language: Language,
  params: Record<string, unknown> = {},
): string {
  const template = messages[code][language];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

/** Chinese first: English only when the client asks for it ahead of Chinese. */
export function languageFromHeader(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag.startsWith('zh') || entry.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'zh';
}
