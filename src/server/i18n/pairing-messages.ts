/** Messages of assistance pairings (帮扶结对) and collectives (村集体经济组织), merged into `messages`. */
export const pairingMessages = {
  'pairing.not_found': { zh: '帮扶结对不存在', en: 'No such pairing' },
  'pairing.date_format': {
    zh: '日期格式应为 YYYY-MM-DD 且为有效日期',
    en: 'must be a real date, YYYY-MM-DD',
  },
  'pairing.date_in_future': { zh: '日期不能晚于今天', en: 'must not be later than today' },
  'pairing.before_start': { zh: '日期不能早于结对开始日期', en: 'must not be before the pairing began' },
  'pairing.goals_required': {
    zh: '请填写帮扶目标（至少 2 个字）',
    en: 'state the goals (2 characters at least)',
  },
  'pairing.description_required': {
    zh: '请填写说明（至少 2 个字）',
    en: 'give a description (2 characters at least)',
  },
  'pairing.amount_fen': { zh: '金额须为非负整数（分）', en: 'must be a whole number of fen, 0 or more' },
  'pairing.money_amount': { zh: '资金帮扶须填写金额', en: 'money given needs its amount' },
  'pairing.unknown_helper': { zh: '帮扶人不存在或不在您的范围内', en: 'No such helper in your area' },
  'pairing.unknown_target': { zh: '帮扶对象不存在或不在您的范围内', en: 'No such target in your area' },
  'pairing.target_not_community': {
    zh: '结对的区域须为社区或村',
    en: 'a region paired must be a community or a village',
  },
  'pairing.household_not_in_difficulty': {
    zh: '该户没有困难标签（低保户、特困），不能结对帮扶',
    en: 'this household carries no difficulty tag (低保户, 特困)',
  },
  'pairing.duplicate': {
    zh: '该帮扶人与该对象已有进行中的结对',
    en: 'This helper is already paired with this target',
  },
  'pairing.ended': { zh: '该结对已结束，不能再记录', en: 'This pairing has ended' },
  'collective.not_found': { zh: '集体经济组织不存在', en: 'No such collective' },
  'collective.run_not_found': { zh: '分红方案不存在', en: 'No such dividend run' },
  'collective.retention_range': {
    zh: '提留比例须为 0–10000 的整数（基点，10% = 1000）',
    en: 'must be a whole number of basis points, 0–10000 (10% = 1000)',
  },
  'collective.year_range': { zh: '年度须为 2000–2100 的整数', en: 'must be a year from 2000 to 2100' },
  'collective.name_required': { zh: '请填写名称（至少 2 个字）', en: 'give a name (2 characters at least)' },
  'collective.shares_range': {
    zh: '股数须为 1–10000 的整数',
    en: 'must be a whole number of shares, 1–10000',
  },
  'collective.amount_positive': {
    zh: '金额须为正整数（分），单笔不超过 10 亿元',
    en: 'must be a whole positive number of fen, at most ¥1,000,000,000',
  },
  'collective.source_required': { zh: '请填写收入来源', en: 'name where the income came from' },
  'collective.date_format': {
    zh: '日期格式应为 YYYY-MM-DD 且为有效日期',
    en: 'must be a real date, YYYY-MM-DD',
  },
  'collective.date_in_year': { zh: '到账日期须在所填年度内', en: 'must fall within the year given' },
  'collective.region_kind': {
    zh: '集体经济组织须设在社区或村',
    en: 'a collective belongs to a community or a village',
  },
  'collective.region_taken': {
    zh: '该村（社区）已有集体经济组织',
    en: 'This village already has a collective',
  },
  'collective.not_villager': {
    zh: '股东须为本村（社区）在册居民',
    en: 'a shareholder must be a resident of the collective’s village on the register',
  },
  'collective.unknown_person': { zh: '居民不存在或不在您的范围内', en: 'No such resident in your area' },
  'collective.year_closed': {
    zh: '{year} 年度的分红已审批，不能再变更',
    en: 'The dividend for {year} is approved; it cannot change any more',
  },
  'collective.run_exists': {
    zh: '{year} 年度已有分红方案',
    en: 'There is a dividend run for {year} already',
  },
  'collective.no_income': { zh: '{year} 年度没有收入记录', en: 'No income is recorded for {year}' },
  'collective.no_shareholders': { zh: '还没有股东', en: 'The collective has no shareholders yet' },
  'collective.same_approver': {
    zh: '分红方案须由起草人以外的另一人审批',
    en: 'A dividend run must be approved by someone other than the person who drafted it',
  },
  'collective.run_frozen': { zh: '该分红方案已审批冻结', en: 'This dividend run is approved and frozen' },
} as const;
