/** Messages of 大项目 and 区厂共建: projects, co-building units, venues and bookings, task forces. */
export const cobuildingMessages = {
  'cobuilding.project_not_found': { zh: '项目不存在', en: 'No such project' },
  'cobuilding.unit_not_found': { zh: '共建单位不存在', en: 'No such co-building unit' },
  'cobuilding.venue_not_found': { zh: '场所不存在', en: 'No such venue' },
  'cobuilding.booking_not_found': { zh: '预约不存在', en: 'No such booking' },
  'cobuilding.task_force_not_found': { zh: '临时党组织（攻坚队）不存在', en: 'No such task force' },
  'cobuilding.enterprise_not_found': { zh: '该企业不在项目中', en: 'The enterprise is not in this project' },
  'cobuilding.unknown_region': {
    zh: '区域不存在或不在您的范围内',
    en: 'no such region in your scope',
  },
  'cobuilding.unknown_enterprise': {
    zh: '企业不存在或不在您的范围内',
    en: 'no such enterprise in your scope',
  },
  'cobuilding.unknown_organization': {
    zh: '党组织不存在、已撤销或不在您的范围内',
    en: 'no such active organization in your scope',
  },
  'cobuilding.unknown_member': {
    zh: '党员不存在或不在您的范围内',
    en: 'no such member in your scope',
  },
  'cobuilding.unknown_activity': {
    zh: '志愿服务活动不存在或不在您的范围内',
    en: 'no such volunteering activity in your scope',
  },
  'cobuilding.enterprise_not_in_project': {
    zh: '该企业不属于此项目，请先把企业加入项目',
    en: 'this enterprise is not in the project: add it to the project first',
  },
  'cobuilding.already_linked': { zh: '已经关联过了', en: 'Already linked' },
  'cobuilding.already_covered': {
    zh: '该企业已有党组织覆盖，无需跟进',
    en: 'An organization covers this enterprise already: nothing to follow up',
  },
  'cobuilding.already_followed_up': {
    zh: '该企业已派发过跟进工单',
    en: 'A follow-up order was sent for this enterprise already',
  },
  'cobuilding.duplicate': { zh: '列表中有重复项', en: 'the list names the same item twice' },
  'cobuilding.date_format': {
    zh: '日期格式应为 YYYY-MM-DD 且为有效日期',
    en: 'must be a real date, YYYY-MM-DD',
  },
  'cobuilding.time_format': {
    zh: '时间格式应为 HH:MM（如 08:30）',
    en: 'must be a time, HH:MM (such as 08:30)',
  },
  'cobuilding.instant_format': {
    zh: '时间格式应为带时区的 ISO 时间（如 2026-12-06T09:00:00+08:00）',
    en: 'must be an ISO time with its offset (such as 2026-12-06T09:00:00+08:00)',
  },
  'cobuilding.name_required': { zh: '请填写名称（至少 2 个字）', en: 'give a name (2 characters at least)' },
  'cobuilding.purpose_required': {
    zh: '请填写用途（至少 2 个字）',
    en: 'give the purpose (2 characters at least)',
  },
  'cobuilding.text_required': {
    zh: '请填写内容（至少 2 个字）',
    en: 'give the text (2 characters at least)',
  },
  'cobuilding.count': { zh: '人数须为非负整数', en: 'must be a whole number, 0 or more' },
  'cobuilding.capacity': { zh: '容纳人数须为正整数', en: 'must be a whole number of people, more than 0' },
  'cobuilding.area': {
    zh: '请选择八个共建领域之一',
    en: 'choose one of the eight co-building areas',
  },
  'cobuilding.closes_before_opens': {
    zh: '关闭时间须晚于开放时间',
    en: 'must be later than the opening time',
  },
  'cobuilding.ends_before_starts': { zh: '结束时间须晚于开始时间', en: 'must be later than the start' },
  'cobuilding.end_before_start': { zh: '结束日期不能早于开始日期', en: 'must not be before the start date' },
  'cobuilding.booking_in_past': { zh: '不能预约已经过去的时间', en: 'cannot book a time that has passed' },
  'cobuilding.over_capacity': {
    zh: '人数超过场所容纳人数（{capacity} 人）',
    en: 'more people than the venue holds ({capacity})',
  },
  'cobuilding.outside_hours': {
    zh: '须在场所开放时间内（北京时间 {opens}–{closes}，同一天）',
    en: 'must lie within the venue’s opening hours (Beijing time {opens}–{closes}, one day)',
  },
  'cobuilding.venue_taken': {
    zh: '该时段已被预约（{from}–{to}），请换一个时间',
    en: 'The venue is booked then ({from}–{to}): choose another time',
  },
  'cobuilding.booking_cancelled': { zh: '该预约已取消', en: 'This booking was cancelled already' },
  'cobuilding.outside_period': {
    zh: '须在临时党组织存续期内（{from} 至 {to}）',
    en: 'must lie within the task force’s period ({from} to {to})',
  },
  'cobuilding.before_start': {
    zh: '不能早于临时党组织成立日期（{from}）',
    en: 'must not be before the task force started ({from})',
  },
  'cobuilding.already_seconded': {
    zh: '该党员在这段时间已抽调到此临时党组织',
    en: 'This member is seconded to the task force for that time already',
  },
  'cobuilding.figure_label': { zh: '请填写数据名称', en: 'give the figure’s label' },
  'cobuilding.figure_value': { zh: '数据须为数字', en: 'must be a number' },
} as const;
