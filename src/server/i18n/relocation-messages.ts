/** Messages of relocation (易地搬迁): cases, their steps, resettlement communities, disputes. */
export const relocationMessages = {
  'relocation.not_found': { zh: '搬迁案件不存在', en: 'No such relocation case' },
  'relocation.resettlement_not_found': { zh: '安置社区不存在', en: 'No such resettlement community' },
  'relocation.date_format': {
    zh: '日期格式应为 YYYY-MM-DD 且为有效日期',
    en: 'must be a real date, YYYY-MM-DD',
  },
  'relocation.date_in_future': { zh: '日期不能晚于今天', en: 'must not be later than today' },
  'relocation.date_before_previous': {
    zh: '日期不能早于上一步（{previous}）',
    en: 'must not be before the previous step ({previous})',
  },
  'relocation.area': {
    zh: '面积须为非负整数，单位 0.01 平方米（12.34 平方米填 1234）',
    en: 'must be a whole number of hundredths of a square metre, 0 or more (12.34 m² is 1234)',
  },
  'relocation.no_area': {
    zh: '土地面积和房屋面积不能都为 0',
    en: 'land area and house area cannot both be 0',
  },
  'relocation.amount_fen': {
    zh: '补偿金额须为正整数（分）',
    en: 'must be a whole number of fen, more than 0',
  },
  'relocation.unit_required': { zh: '请填写安置房号（如 3-2-501）', en: 'give the flat (such as 3-2-501)' },
  'relocation.name_required': {
    zh: '请填写安置小区名称（至少 2 个字）',
    en: 'give the estate’s name (2 characters at least)',
  },
  'relocation.capacity': {
    zh: '房源套数须为 1–1,000,000 的整数',
    en: 'must be a whole number of flats, 1 to 1,000,000',
  },
  'relocation.capacity_below_occupied': {
    zh: '房源套数不能少于已安置的 {occupied} 套',
    en: 'cannot be fewer than the {occupied} flats already given',
  },
  'relocation.unknown_subject': {
    zh: '搬迁对象不存在或不在您的范围内',
    en: 'No such household or enterprise in your area',
  },
  'relocation.subject_open': {
    zh: '该户或企业已有未结束的搬迁案件',
    en: 'This household or enterprise already has a relocation case under way',
  },
  'relocation.not_community': {
    zh: '安置社区须为区域树中的社区',
    en: 'a resettlement community must be a community of the region tree',
  },
  'relocation.unknown_region': {
    zh: '区域不存在或不在您的范围内',
    en: 'No such region in your area',
  },
  'relocation.resettlement_exists': {
    zh: '该社区已登记为安置社区',
    en: 'This community is already a resettlement community',
  },
  'relocation.unknown_resettlement': {
    zh: '安置社区不存在或不在本区',
    en: 'No such resettlement community in this district',
  },
  'relocation.resettlement_full': {
    zh: '该安置社区房源已满（{capacity} 套）',
    en: 'This resettlement community is full ({capacity} flats)',
  },
  'relocation.unit_taken': {
    zh: '该房号已安置其他搬迁户',
    en: 'This flat has been given to another case',
  },
  'relocation.illegal_transition': {
    zh: '案件当前状态为“{status}”，不能“{action}”',
    en: 'The case is {status}; it cannot be {action} now',
  },
  'relocation.dispute_required': {
    zh: '请写明争议内容（至少 4 个字）',
    en: 'describe the dispute (4 characters at least)',
  },
  'relocation.dispute_closed_case': {
    zh: '已撤销的案件不能再登记争议',
    en: 'A withdrawn case takes no disputes',
  },
} as const;

/** Status and action names where a message names one (`{status}` as `relocation.<status>`, `{action}` as `relocation.<action>`). */
export const relocationValueLabels: Record<string, { zh: string; en: string }> = {
  'relocation.surveyed': { zh: '已调查', en: 'surveyed' },
  'relocation.agreed': { zh: '已签协议', en: 'agreed' },
  'relocation.paid': { zh: '已补偿', en: 'paid' },
  'relocation.moved': { zh: '已搬迁', en: 'moved' },
  'relocation.resettled': { zh: '已安置', en: 'resettled' },
  'relocation.withdrawn': { zh: '已撤销', en: 'withdrawn' },
  'relocation.agree': { zh: '签订协议', en: 'agreed' },
  'relocation.pay': { zh: '发放补偿', en: 'paid' },
  'relocation.move': { zh: '搬迁腾房', en: 'moved' },
  'relocation.resettle': { zh: '回迁安置', en: 'resettled' },
  'relocation.withdraw': { zh: '撤销', en: 'withdrawn' },
};
