/** Messages of dues (党费) and the fund ledger (党建经费), merged into `messages`. */
export const fundsMessages = {
  'dues.month_format': { zh: '月份格式应为 YYYY-MM', en: 'must be a month as YYYY-MM' },
  'dues.income_range': {
    zh: '月收入须为 0 至 1,000,000 元之间的整数（分）',
    en: 'must be a whole number of fen between 0 and ¥1,000,000',
  },
  'dues.months_required': { zh: '请至少选择一个月份', en: 'choose at least one month' },
  'dues.months_too_many': { zh: '一次最多缴纳 12 个月', en: 'at most 12 months at a time' },
  'dues.months_repeated': { zh: '月份 {month} 重复', en: 'month {month} is listed twice' },
  'dues.proxy_forbidden': {
    zh: '党费须由党员本人缴纳，不得由他人代缴',
    en: 'dues are paid by the member in person; nobody may pay on another member’s behalf',
  },
  'dues.month_in_future': { zh: '{month} 尚未到来，不能缴纳', en: '{month} has not begun yet' },
  'dues.month_too_old': {
    zh: '{month} 已超过六个月，不能补缴（最早可补缴 {earliest}）',
    en: '{month} is more than six months back and can no longer be paid (earliest: {earliest})',
  },
  'dues.before_joining': { zh: '{month} 早于入党时间', en: '{month} is before the member joined' },
  'dues.already_paid': { zh: '{month} 的党费已缴纳', en: 'the dues of {month} are already paid' },
  'dues.no_base': {
    zh: '尚未核定该党员的党费基数，请先核定',
    en: 'this member’s dues base has not been set; set it first',
  },
  'dues.member_not_found': { zh: '党员不存在或不在您的范围内', en: 'No such member in your area' },
  'dues.not_a_member': { zh: '您的账号未关联党员身份', en: 'Your account is not linked to a party member' },
  'dues.paid_on_future': { zh: '缴纳日期不能晚于今天', en: 'the payment date cannot be after today' },
  'dues.effective_future': {
    zh: '生效月份不能晚于下个月',
    en: 'the base cannot take effect later than next month',
  },
  'fund.date_format': { zh: '日期格式应为 YYYY-MM-DD', en: 'must be a date as YYYY-MM-DD' },
  'fund.date_in_future': { zh: '日期不能晚于今天', en: 'cannot be after today' },
  'fund.amount_positive': { zh: '金额须为正整数（分）', en: 'must be a whole positive number of fen' },
  'fund.amount_nonnegative': { zh: '金额须为非负整数（分）', en: 'must be a whole number of fen, 0 or more' },
  'fund.amount_too_large': { zh: '金额过大（上限 1 亿元）', en: 'too large (at most ¥100,000,000)' },
  'fund.summary_required': {
    zh: '请填写摘要（至少两个字）',
    en: 'write a summary (two characters at least)',
  },
  'fund.reason_required': { zh: '请填写理由（至少两个字）', en: 'give a reason (two characters at least)' },
  'fund.attachment_count': { zh: '附件张数须为 0–99', en: 'must be 0–99 attachments' },
  'fund.lines_min': {
    zh: '凭证至少需要一借一贷两行',
    en: 'a voucher needs at least a debit and a credit line',
  },
  'fund.lines_max': { zh: '凭证最多 50 行', en: 'a voucher has at most 50 lines' },
  'fund.line_one_side': {
    zh: '每行须且只能填写借方或贷方金额之一',
    en: 'each line carries an amount on exactly one side, debit or credit',
  },
  'fund.unbalanced': {
    zh: '借贷不平衡：借方合计 {debits} 元，贷方合计 {credits} 元',
    en: 'debits ({debits}) and credits ({credits}) do not balance',
  },
  'fund.account_code': { zh: '科目编码须为 4–6 位数字', en: 'an account code is 4–6 digits' },
  'fund.account_name': {
    zh: '请填写科目名称（至少两个字）',
    en: 'name the account (two characters at least)',
  },
  'fund.account_exists': { zh: '科目编码 {code} 已存在', en: 'account code {code} already exists' },
  'fund.account_not_found': { zh: '科目不属于本组织账簿', en: 'no such account in this ledger' },
  'fund.spending_kind_required': {
    zh: '支出凭证须选择支出类别',
    en: 'a spending voucher needs its kind of spending',
  },
  'fund.spending_kind_only_spending': {
    zh: '只有支出凭证可以填写支出类别',
    en: 'only a spending voucher has a kind of spending',
  },
  'fund.beneficiaries_sum': {
    zh: '发放名单合计 {sum} 元，与凭证金额 {total} 元不符',
    en: 'the people paid add up to ¥{sum}, not the voucher’s ¥{total}',
  },
  'fund.beneficiary_not_found': {
    zh: '发放名单中的党员不存在或不在您的范围内',
    en: 'a member of the list is not in your area',
  },
  'fund.beneficiary_repeated': { zh: '发放名单中有重复的党员', en: 'a member is listed twice' },
  'fund.organization_not_found': {
    zh: '组织不存在或不在您的范围内',
    en: 'No such organization in your area',
  },
  'fund.voucher_not_found': { zh: '凭证不存在', en: 'No such voucher' },
  'fund.ledger_not_open': { zh: '该组织尚未开设账簿', en: 'This organization has no ledger yet' },
  'fund.ledger_already_open': { zh: '该组织已开设账簿', en: 'This organization’s ledger is already open' },
  'fund.period_closed': {
    zh: '{period} 已结账，不能再记账',
    en: '{period} is closed; nothing more can be posted into it',
  },
  'fund.period_already_closed': { zh: '{period} 已结账', en: '{period} is already closed' },
  'fund.period_future': { zh: '{period} 尚未结束，不能结账', en: '{period} has not ended yet' },
  'fund.period_has_pending': {
    zh: '{period} 还有 {count} 张待审批凭证，处理后才能结账',
    en: '{period} still has {count} vouchers awaiting approval',
  },
  'fund.own_voucher': {
    zh: '不能审批自己填制的凭证，须由他人审批',
    en: 'you cannot approve a voucher you made; someone else must',
  },
  'fund.not_pending': { zh: '该凭证不在待审批状态', en: 'This voucher is not awaiting approval' },
  'fund.transfer_same_organization': {
    zh: '转出和转入组织不能相同',
    en: 'the paying and the receiving organization must differ',
  },
  'fund.threshold_range': {
    zh: '审批金额须在 0 至 1 亿元之间（分）',
    en: 'must lie between 0 and ¥100,000,000',
  },
  'fund.district_wide': {
    zh: '只有全区的管理员可以修改本区设置',
    en: 'Only an administrator of the whole district may change its settings',
  },
  'fund.year_range': { zh: '年份须在 2000–2100 之间', en: 'must be a year from 2000 to 2100' },
  'fund.range_order': { zh: '起始月份不能晚于截止月份', en: 'the first month cannot come after the last' },
} as const;
