import { authMessages } from './auth-messages.js';
import { backupMessages } from './backup-messages.js';
import { cockpitMessages } from './cockpit-messages.js';
import { open311Messages } from './open311-messages.js';
import { portalMessages } from './portal-messages.js';
import { programmeMessages, programmeValueLabels } from './programme-messages.js';
import { timebankMessages } from './timebank-messages.js';
import { uploadMessages } from './upload-messages.js';
import { visitMessages } from './visit-messages.js';
import { volunteeringMessages } from './volunteering-messages.js';
import { workOrderMessages, workOrderValueLabels } from './work-order-messages.js';

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
  'request.conflict': {
    zh: '同一条记录刚被另一个请求写入，请刷新后重试',
    en: 'Another request has just written the same record; reload and try again',
  },
  'idempotency.key_reused': {
    zh: '这个幂等键已用于另一个请求，请为新的请求生成新的键',
    en: 'This idempotency key was used for another request; make a new key for a new request',
  },
  'idempotency.key_format': {
    zh: '幂等键应为 UUID（如 3f2b…-…）',
    en: 'an idempotency key is a UUID (such as 3f2b…-…)',
  },
  'field.nul_character': {
    zh: '含有不允许的空字符（NUL）',
    en: 'contains a NUL character, which is not allowed',
  },
  'field.username_format': {
    zh: '用户名为 3–32 位小写字母、数字、点、下划线或连字符，以字母开头',
    en: 'a username is 3–32 lower-case letters, digits, dots, underscores or hyphens, starting with a letter',
  },
  'field.region_code': { zh: '区域代码应为 6–17 位数字', en: 'a region code is 6 to 17 digits' },
  'request.bad_url': {
    zh: '请求地址无法解析（含有无效的编码）',
    en: 'The request path cannot be read (it holds an invalid encoding)',
  },
  'request.path_too_long': { zh: '请求地址中的参数过长', en: 'A parameter in the request path is too long' },
  'route.not_found': { zh: '没有这个接口', en: 'No such endpoint' },
  'database.busy': {
    zh: '数据库正忙（可能正在导入大批数据），请稍后重试',
    en: 'The database is busy (a large import may be running); try again shortly',
  },
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
  'password.too_common': {
    zh: '密码过于常见，容易被猜中，请换一个',
    en: 'This password is too common and easily guessed; choose another',
  },
  'password.contains_username': {
    zh: '密码不能包含用户名',
    en: 'The password must not contain the username',
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
  'region.in_use': {
    zh: '“{name}”下还有住户、居民或其他登记记录，不能删除；请先迁出或删除这些记录',
    en: '"{name}" still holds households, residents or other records; move or remove them first',
  },
  'region.own_scope': {
    zh: '不能修改或删除自己负责的区域本身，请由上级处理',
    en: 'You cannot rename or delete the region you are assigned to; ask the level above',
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
  'audit.reason_meaningless': {
    zh: '请填写有意义的理由（至少两个汉字、字母或数字）',
    en: 'Give a real reason (at least two letters, characters or digits)',
  },
  'person.lookup_limited': {
    zh: '按完整证件号或手机号查询每小时最多 {limit} 次，已达上限，请稍后再试',
    en: 'Look-ups by a whole ID number or phone are limited to {limit} an hour; please try again later',
  },
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
  'organization.not_found': { zh: '组织不存在', en: 'No such organization' },
  'organization.invalid_parent': {
    zh: '{kind}不能设在{parentKind}之下',
    en: 'A {kind} cannot sit under a {parentKind}',
  },
  'organization.invalid_anchor': {
    zh: '{kind}不能依托于{anchorKind}',
    en: 'A {kind} cannot be anchored to a {anchorKind}',
  },
  'organization.anchor_required': {
    zh: '请指定依托的区域或企业（二选一）',
    en: 'Give exactly one anchor: a region or an enterprise',
  },
  'organization.duplicate_name': {
    zh: '同一上级组织下已有名为“{name}”的组织',
    en: 'A sibling organization named "{name}" already exists',
  },
  'organization.leader_not_member': {
    zh: '负责人必须是本组织的党员',
    en: 'The leader must be a member of this organization',
  },
  'organization.cycle': {
    zh: '不能把组织移到它自己的下级之下',
    en: 'An organization cannot move under its own subtree',
  },
  'organization.not_warm_group': {
    zh: '只有党群温馨小组才能联系住户',
    en: 'Only warm groups look after households',
  },
  'enterprise.not_found': { zh: '企业不存在', en: 'No such enterprise' },
  'enterprise.duplicate_credit_code': {
    zh: '统一社会信用代码 {code} 已登记',
    en: 'The credit code {code} is already registered',
  },
  'credit_code.length': {
    zh: '统一社会信用代码应为 18 位',
    en: 'a unified social credit code has 18 characters',
  },
  'credit_code.characters': {
    zh: '统一社会信用代码含有不允许的字符（不含 I、O、S、V、Z）',
    en: 'the code has characters it may not contain (no I, O, S, V, Z)',
  },
  'credit_code.division': {
    zh: '统一社会信用代码第 3–8 位应为行政区划代码',
    en: 'characters 3 to 8 must be a division code',
  },
  'credit_code.check_char': { zh: '统一社会信用代码校验位错误', en: 'the check character is wrong' },
  'member.not_found': { zh: '党员不存在', en: 'No such member' },
  'member.already_member': {
    zh: '此人已是党员（{organization}）',
    en: 'This person is already a member ({organization})',
  },
  'member.user_taken': { zh: '该账户已关联其他党员', en: 'This account is already linked to another member' },
  'member.person_elsewhere': {
    zh: '无法以此身份证号在本辖区登记党员，请联系区委组织部办理',
    en: 'A member cannot be registered here with this ID number; please contact the district organization department',
  },
  'household.in_other_warm_group': {
    zh: '住户已在其他温馨小组（{name}）',
    en: 'The household is already in another warm group ({name})',
  },
  'demo.not_empty': {
    zh: '数据库中已有真实数据，不能写入演示数据',
    en: 'The database holds real data; demo data will not be written into it',
  },
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
  'user.not_manageable': {
    zh: '该账户拥有您管辖范围以外的角色，只能由上级管理员管理',
    en: 'This account holds a role outside your scope; only an administrator above it may manage it',
  },
  'user.role_not_grantable': {
    zh: '不能授予比自己权限更大的角色：{role}',
    en: 'You cannot grant a role with more power than you hold: {role}',
  },
  'registration.no_member': {
    zh: '此账户未关联党员档案',
    en: 'This account is not linked to a party member',
  },
  'registration.not_found': { zh: '社区报到记录不存在', en: 'No such community registration' },
  'registration.unknown_community': { zh: '社区不存在：{code}', en: 'No such community: {code}' },
  'registration.not_a_community': {
    zh: '只能到社区或村报到，“{name}”不是社区或村',
    en: 'Members register at a community or village; "{name}" is neither',
  },
  'registration.duplicate_service_area': {
    zh: '服务领域不能重复选择',
    en: 'Each service area may be chosen only once',
  },
  'registration.already_registered': {
    zh: '已有待确认或已确认的社区报到，不能重复报到',
    en: 'There is already a pending or confirmed community registration',
  },
  'registration.not_in_service': {
    zh: '只有在职党员到居住社区报到',
    en: 'Only in-service members register at the community where they live',
  },
  'registration.already_decided': {
    zh: '该报到已处理，不能再次确认或退回',
    en: 'This registration has already been decided',
  },
  'transfer.member_not_found': { zh: '党员不存在', en: 'No such member' },
  'transfer.not_found': { zh: '组织关系转接记录不存在', en: 'No such transfer' },
  'transfer.unknown_organization': { zh: '接收党组织不存在', en: 'No such receiving organization' },
  'transfer.same_organization': {
    zh: '接收党组织就是党员现在所在的党组织',
    en: 'The receiving organization is the member’s current organization',
  },
  'transfer.organization_not_eligible': {
    zh: '“{name}”不能接收党员组织关系，请选择党支部或党委',
    en: '"{name}" cannot hold members’ relationships; choose a branch or committee',
  },
  'transfer.dues_in_future': {
    zh: '党费交纳月份不能晚于本月（{month}）',
    en: 'Dues cannot be paid beyond the current month ({month})',
  },
  'transfer.already_open': {
    zh: '该党员已有正在办理的组织关系转接',
    en: 'The member already has a transfer in progress',
  },
  'transfer.invalid_transition': {
    zh: '转接当前状态为 {status}，不能执行 {action}',
    en: 'A transfer in status {status} cannot take the action {action}',
  },
  'transfer.sending_side_only': {
    zh: '此操作只能由转出方党组织办理',
    en: 'Only the sending organization can do this',
  },
  'transfer.receiving_side_only': {
    zh: '此操作只能由接收方党组织办理',
    en: 'Only the receiving organization can do this',
  },
  'transfer.letter_expired': {
    zh: '介绍信已过有效期，本次转接已失效，请重新办理',
    en: 'The letter has expired and the transfer has lapsed; start a new one',
  },
  'transfer.member_moved': {
    zh: '党员已不在转出党组织，本次转接无法完成',
    en: 'The member is no longer in the sending organization; the transfer cannot complete',
  },
  'commitment.member_not_found': { zh: '党员不存在', en: 'No such member' },
  'commitment.not_found': { zh: '承诺不存在', en: 'No such commitment' },
  'commitment.year_out_of_range': {
    zh: '承诺年度应在 {min} 至 {max} 之间',
    en: 'The year must be between {min} and {max}',
  },
  'commitment.duplicate': {
    zh: '该党员本年度已有相同内容的承诺',
    en: 'The member already made this commitment for the year',
  },
  'commitment.cannot_rate_own': { zh: '不能评价自己的承诺', en: 'You cannot rate your own commitment' },
  'commendation.subject_not_found': {
    zh: '表彰对象不存在',
    en: 'No such member or organization to commend',
  },
  'commendation.year_in_future': {
    zh: '表彰年度不能晚于今年（{max}）',
    en: 'The year cannot be after the current one ({max})',
  },
  'commendation.duplicate': {
    zh: '该对象在此年度已获“{title}”表彰',
    en: 'This subject already holds "{title}" for the year',
  },
  ...authMessages,
  ...workOrderMessages,
  ...portalMessages,
  ...open311Messages,
  ...cockpitMessages,
  ...uploadMessages,
  ...backupMessages,
  ...visitMessages,
  ...timebankMessages,
  ...volunteeringMessages,
  ...programmeMessages,
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageCode = keyof typeof messages;
export type Language = 'zh' | 'en';

/** Enumerated values that appear in messages (region and organization kinds), in both languages. */
const VALUE_LABELS: Record<string, { zh: string; en: string }> = {
  ...workOrderValueLabels,
  ...programmeValueLabels,
  district: { zh: '区县', en: 'district' },
  street: { zh: '街道', en: 'street' },
  town: { zh: '镇', en: 'town' },
  community: { zh: '社区', en: 'community' },
  village: { zh: '村', en: 'village' },
  grid: { zh: '网格', en: 'grid' },
  building: { zh: '楼栋', en: 'building' },
  committee: { zh: '党委', en: 'committee' },
  general_branch: { zh: '党总支', en: 'general branch' },
  branch: { zh: '党支部', en: 'branch' },
  corridor_branch: { zh: '楼道党支部', en: 'corridor branch' },
  group: { zh: '党小组', en: 'party group' },
  warm_group: { zh: '党群温馨小组', en: 'warm group' },
  volunteer_team: { zh: '志愿服务队', en: 'volunteer team' },
  enterprise: { zh: '企业', en: 'enterprise' },
  none: { zh: '（无上级）', en: '(no parent)' },
};

export function translate(
  code: MessageCode,
  language: Language,
  params: Record<string, unknown> = {},
): string {
  const template = messages[code][language];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined || value === null) return `{${key}}`;
    const label = typeof value === 'string' ? VALUE_LABELS[value] : undefined;
    return label ? label[language] : String(value);
  });
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
