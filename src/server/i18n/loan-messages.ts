/** Messages of the start-up loan guarantee workflow (创业担保贷款), merged into `messages`. */
export const loanMessages = {
  'loan.not_found': { zh: '贷款申请不存在', en: 'No such loan application' },
  'loan.unknown_person': { zh: '居民不存在或不在您的范围内', en: 'No such resident in your area' },
  'loan.person_inactive': { zh: '该居民不在册，不能申请', en: 'This resident is not on the register' },
  'loan.open_application': {
    zh: '该居民已有一笔在办或未结清的贷款',
    en: 'This resident already has a loan in progress or not yet repaid',
  },
  'loan.amount_positive': { zh: '金额须为正整数（分）', en: 'must be a whole positive number of fen' },
  'loan.amount_over_limit': {
    zh: '金额不能超过本区上限 {max} 元',
    en: 'must not exceed the district’s limit of ¥{max}',
  },
  'loan.max_amount_range': {
    zh: '上限须在 1,000 元至 3,000,000 元之间',
    en: 'must lie between ¥1,000 and ¥3,000,000',
  },
  'loan.term_range': { zh: '期限须为 1–120 个月的整数', en: 'must be a whole number of months, 1–120' },
  'loan.term_over_limit': {
    zh: '期限不能超过本区上限 {max} 个月',
    en: 'must not exceed the district’s limit of {max} months',
  },
  'loan.rate_range': {
    zh: '年利率须在 0–24% 之间（以基点计）',
    en: 'must lie between 0 and 2400 basis points',
  },
  'loan.share_range': {
    zh: '贴息比例须在 0–100% 之间（以基点计）',
    en: 'must lie between 0 and 10000 basis points',
  },
  'loan.step_days': { zh: '办理时限须为 1–90 天', en: 'must be 1–90 days' },
  'loan.purpose_required': {
    zh: '请填写贷款用途（至少两个字）',
    en: 'say what the loan is for (two characters at least)',
  },
  'loan.business_required': {
    zh: '请填写经营项目（至少两个字）',
    en: 'name the business (two characters at least)',
  },
  'loan.bank_required': { zh: '请填写经办银行', en: 'name the lending bank' },
  'loan.contract_required': { zh: '请填写借款合同编号', en: 'give the loan contract number' },
  'loan.date_format': { zh: '日期格式应为 YYYY-MM-DD 且为有效日期', en: 'must be a real date, YYYY-MM-DD' },
  'loan.date_in_future': { zh: '日期不能晚于今天', en: 'must not be later than today' },
  'loan.illegal_transition': {
    zh: '申请当前为“{status}”，不能执行此操作',
    en: 'The application is “{status}”; this action is not possible now',
  },
  'loan.documents_missing': {
    zh: '材料清单尚未齐全：{items}',
    en: 'Documents still to tick: {items}',
  },
  'loan.unknown_document': { zh: '材料清单中没有此项', en: 'No such item on the checklist' },
  'loan.not_repaying': { zh: '该贷款未在还款中', en: 'This loan is not being repaid' },
  'loan.overpayment': {
    zh: '还款金额超过未还本息 {outstanding} 元',
    en: 'exceeds what is outstanding, ¥{outstanding}',
  },
  'loan.already_paused': { zh: '已处于困难暂停中', en: 'The clock is paused already' },
  'loan.not_paused': { zh: '当前未暂停', en: 'The clock is not paused' },
  'loan.district_wide': {
    zh: '只有全区范围的管理员才能修改本区贷款设置',
    en: 'Only an administrator over the whole district may change its loan settings',
  },
  'loan.before_approval': { zh: '放款日期不能早于申请日期', en: 'must not be before the application' },
} as const;

/** A loan's statuses where a message names one (`{status}` given as `loan.<status>`). */
export const loanValueLabels: Record<string, { zh: string; en: string }> = {
  'loan.submitted': { zh: '已提交', en: 'submitted' },
  'loan.community_review': { zh: '社区审核', en: 'community review' },
  'loan.centre_review': { zh: '担保中心审核', en: 'guarantee centre review' },
  'loan.bank_approval': { zh: '银行审批', en: 'bank approval' },
  'loan.disbursed': { zh: '已放款', en: 'disbursed' },
  'loan.repaying': { zh: '还款中', en: 'in repayment' },
  'loan.closed': { zh: '已结清', en: 'repaid' },
  'loan.rejected': { zh: '未通过', en: 'rejected' },
  'loan.withdrawn': { zh: '已撤回', en: 'withdrawn' },
};
