/** Messages of the time bank (爱心银行; merged into `messages`). */
export const timebankMessages = {
  'timebank.minutes_positive': { zh: '分钟数应为正整数', en: 'must be a positive whole number of minutes' },
  'timebank.minutes_too_many': { zh: '单笔最多 1000000 分钟', en: 'must be at most 1,000,000 minutes' },
  'timebank.bound_integer': {
    zh: '应为整数分钟，且在允许范围内',
    en: 'must be a whole number of minutes within range',
  },
  'timebank.starter_too_big': {
    zh: '入行赠送最多 6000 分钟',
    en: 'the starter grant is at most 6,000 minutes',
  },
  'timebank.ceiling_below_floor': { zh: '上限必须大于下限', en: 'must be above the floor' },
  'timebank.same_account': { zh: '转出和转入不能是同一个账户', en: 'must differ from the paying account' },
  'timebank.account_not_found': { zh: '时间银行账户不存在', en: 'No such time-bank account' },
  'timebank.unknown_account': { zh: '账户不存在', en: 'no such account' },
  'timebank.system_account': {
    zh: '托管和发行账户不能直接转账',
    en: 'escrow and issuance accounts cannot be used here',
  },
  'timebank.unknown_owner': { zh: '账户所有者不存在', en: 'no such owner' },
  'timebank.insufficient': {
    zh: '“{name}”余额不足：转出后将低于下限 {bound} 分钟',
    en: '{name} has too few minutes: the balance would fall below its floor of {bound}',
  },
  'timebank.ceiling': {
    zh: '“{name}”余额将超过上限 {bound} 分钟',
    en: 'The balance of {name} would exceed its ceiling of {bound}',
  },
  'timebank.transfer_not_found': { zh: '转账记录不存在', en: 'No such transfer' },
  'timebank.already_reversed': { zh: '该笔转账已冲正', en: 'This transfer has already been reversed' },
  'timebank.not_reversible': { zh: '冲正记录不能再冲正', en: 'A reversal cannot itself be reversed' },
  'timebank.district_wide': {
    zh: '只有管辖整个区的管理员可以修改时间银行的上下限',
    en: 'Only an administrator over the whole district may change the time bank’s limits',
  },
  'timebank.post_not_found': { zh: '互助信息不存在', en: 'No such offer or request' },
  'timebank.post_not_open': {
    zh: '该互助信息已不能接单（{status}）',
    en: 'This post can no longer be taken ({status})',
  },
  'timebank.post_not_accepted': {
    zh: '该互助信息不在进行中（{status}）',
    en: 'This post is not in progress ({status})',
  },
  'timebank.post_expired': { zh: '该互助信息已过期', en: 'This post has expired' },
  'timebank.own_post': { zh: '不能接自己发布的互助信息', en: 'cannot be the poster’s own account' },
  'timebank.fund_not_eligible': {
    zh: '只有帮助独居老人或低保户时才能由社区爱心基金支付',
    en: 'the community fund pays only for help to residents tagged 独居老人 or 低保户',
  },
  'timebank.expiry_past': { zh: '有效期必须晚于现在', en: 'must be in the future' },
  'timebank.unknown_region': { zh: '区域不存在', en: 'no such region' },
  'timebank.stock_integer': {
    zh: '库存应为 0 到 100000 的整数',
    en: 'must be a whole number from 0 to 100,000',
  },
  'timebank.quantity': { zh: '数量应为 1 到 20 的整数', en: 'must be a whole number from 1 to 20' },
  'timebank.item_not_found': { zh: '爱心超市商品不存在', en: 'No such item' },
  'timebank.out_of_stock': { zh: '库存不足', en: 'Not enough in stock' },
  'timebank.code_format': { zh: '兑换码为 6 位数字', en: 'the code is 6 digits' },
  'timebank.code_not_found': { zh: '兑换码不存在', en: 'No such redemption code' },
  'timebank.code_used': { zh: '兑换码已使用', en: 'This code has already been used' },
  'timebank.code_expired': {
    zh: '兑换码已过期，分钟已退回',
    en: 'This code has expired; the minutes were refunded',
  },
} as const;
