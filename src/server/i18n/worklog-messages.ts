/** Messages of 工作日志 and 联系点 (issue 14), merged into `messages` through programme-messages.ts. */
export const worklogMessages = {
  'worklog.not_found': { zh: '工作日志不存在', en: 'No such work log' },
  'worklog.date_format': { zh: '日期格式应为 YYYY-MM-DD', en: 'must be a date YYYY-MM-DD' },
  'worklog.month_format': { zh: '月份格式应为 YYYY-MM', en: 'must be a month YYYY-MM' },
  'worklog.content_required': {
    zh: '请填写工作内容（至少 10 个字）',
    en: 'describe the work (10 characters at least)',
  },
  'worklog.logged_in_future': { zh: '日志日期不能晚于今天', en: 'must not be after today' },
  'worklog.logged_too_old': { zh: '日志日期不能早于一年前', en: 'must not be more than a year ago' },
  'worklog.unknown_link': {
    zh: '关联的记录不存在或不在您的管辖范围内',
    en: 'names no record within your scope',
  },
  'worklog.unknown_organization': { zh: '组织不存在或已撤销', en: 'No such active organization' },
  'worklog.organization_kind': {
    zh: '暖心小组和志愿服务队不单独记工作日志',
    en: 'Warm groups and volunteer teams keep no work log of their own',
  },
  'worklog.author_only': {
    zh: '只有日志的填写人可以修改或作废',
    en: 'Only its author can change a work log',
  },
  'worklog.voided': { zh: '该工作日志已作废', en: 'This work log is void' },
  'worklog.edit_closed': {
    zh: '工作日志只能在填写后 {days} 天内修改或作废',
    en: 'A work log can be changed only within {days} days of writing it',
  },
  'contactpoint.not_found': { zh: '联系点不存在', en: 'No such contact point' },
  'contactpoint.findings_required': {
    zh: '请填写了解到的情况（至少 5 个字）',
    en: 'say what was found (5 characters at least)',
  },
  'contactpoint.outcome_required': {
    zh: '请填写商定或解决的事项（至少 5 个字）',
    en: 'say what was agreed or solved (5 characters at least)',
  },
  'contactpoint.days': {
    zh: '天数应为 7 到 730 之间的整数',
    en: 'must be a whole number of days from 7 to 730',
  },
  'contactpoint.unknown_organization': { zh: '组织不存在或已撤销', en: 'No such active organization' },
  'contactpoint.organization_kind': {
    zh: '联系点应为基层党组织，不能是暖心小组或志愿服务队',
    en: 'must be a party organization, not a warm group or volunteer team',
  },
  'contactpoint.unknown_leader': {
    zh: '该领导账号不存在、已停用或不属于本区',
    en: 'names no active account of the organization’s district',
  },
  'contactpoint.start_too_late': { zh: '开始日期不能晚于一年后', en: 'must be within a year from today' },
  'contactpoint.already_assigned': {
    zh: '该领导已联系此组织，请先结束原联系点',
    en: 'This leader already has this organization as a contact point',
  },
  'contactpoint.ended': { zh: '该联系点已结束', en: 'This contact point has ended' },
  'contactpoint.end_before_start': { zh: '结束日期不能早于开始日期', en: 'must not be before the start' },
  'contactpoint.contact_in_future': { zh: '联系日期不能晚于今天', en: 'must not be after today' },
  'contactpoint.contact_before_start': {
    zh: '联系日期不能早于联系点开始日期',
    en: 'must not be before the contact point started',
  },
} as const;
