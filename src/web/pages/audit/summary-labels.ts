import type { Language } from '../../i18n/language';

/** What the keys of an audit summary mean, for the ones written often; others are shown as they are. */
const KEY_LABELS: Record<string, { zh: string; en: string }> = {
  name: { zh: '名称', en: 'name' },
  number: { zh: '编号', en: 'number' },
  from: { zh: '原状态', en: 'from' },
  to: { zh: '新状态', en: 'to' },
  before: { zh: '修改前', en: 'before' },
  after: { zh: '修改后', en: 'after' },
  changed: { zh: '修改项', en: 'changed' },
  role: { zh: '角色', en: 'role' },
  username: { zh: '用户名', en: 'username' },
  displayName: { zh: '姓名', en: 'display name' },
  regionCode: { zh: '区域代码', en: 'region' },
  regionName: { zh: '区域', en: 'region' },
  count: { zh: '数量', en: 'count' },
  rows: { zh: '行数', en: 'rows' },
  skipped: { zh: '跳过', en: 'skipped' },
  sessionsEnded: { zh: '结束会话数', en: 'sessions ended' },
  failedCount: { zh: '失败次数', en: 'failures' },
  knownUser: { zh: '账户存在', en: 'known account' },
  permission: { zh: '权限', en: 'permission' },
  kind: { zh: '类型', en: 'kind' },
  title: { zh: '标题', en: 'title' },
  year: { zh: '年度', en: 'year' },
  status: { zh: '状态', en: 'status' },
  note: { zh: '备注', en: 'note' },
  category: { zh: '类别', en: 'category' },
  resolveDays: { zh: '办结时限（工作日）', en: 'days to resolve' },
  signHours: { zh: '签收时限（工作小时）', en: 'hours to sign' },
  filter: { zh: '筛选条件', en: 'filter' },
  via: { zh: '途径', en: 'via' },
  size: { zh: '大小', en: 'size' },
  mediaType: { zh: '文件类型', en: 'file type' },
  keyPrefix: { zh: '密钥前缀', en: 'key prefix' },
  phone: { zh: '电话', en: 'phone' },
  masked: { zh: '脱敏', en: 'masked' },
  parentCode: { zh: '上级代码', en: 'parent' },
  memberId: { zh: '党员', en: 'member' },
  organizationId: { zh: '组织', en: 'organization' },
  rating: { zh: '评价', en: 'rating' },
  progress: { zh: '进度', en: 'progress' },
};

const valueText = (value: unknown, language: Language): string => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return language === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (Array.isArray(value))
    return value.map((item) => valueText(item, language)).join(language === 'zh' ? '、' : ', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/** A summary as "名称：值；…" (or "name: value; …"), in the order it was written. */
export function readableSummary(summary: Record<string, unknown>, language: Language): string {
  const [colon, separator] = language === 'zh' ? ['：', '；'] : [': ', '; '];
  return Object.entries(summary)
    .map(([key, value]) => `${KEY_LABELS[key]?.[language] ?? key}${colon}${valueText(value, language)}`)
    .join(separator);
}
