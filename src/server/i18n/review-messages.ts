/** Messages of the annual review (述职评议) and members' evaluation (民主评议党员), merged into `messages`. */
export const reviewMessages = {
  'review.round_not_found': { zh: '评议轮次不存在', en: 'No such review round' },
  'review.unit_not_found': { zh: '被评议单位不存在', en: 'No such reviewed unit' },
  'review.month_format': { zh: '月份格式应为 YYYY-MM', en: 'must be a month, YYYY-MM' },
  'review.period_order': { zh: '结束月份不能早于开始月份', en: 'must not be before the first month' },
  'review.period_year': {
    zh: '考核期须在评议年度之内',
    en: 'the period must lie within the round’s year',
  },
  'review.weight': { zh: '权重须为 0–100 的整数', en: 'a weight is a whole number, 0–100' },
  'review.weights_zero': { zh: '权重之和不能为 0', en: 'the weights must not all be 0' },
  'review.year': { zh: '年度应为 2000–2100 的整数', en: 'a year is a whole number, 2000–2100' },
  'review.item_id': {
    zh: '评分项编号为 1–20 位小写字母、数字或下划线',
    en: 'an item id is 1–20 lower-case letters, digits or underscores',
  },
  'review.item_duplicate': { zh: '评分项编号重复', en: 'item ids must differ' },
  'review.item_title': { zh: '请填写评分项名称（至少 2 个字）', en: 'name the item (2 characters at least)' },
  'review.item_max': { zh: '满分须为 1–100 的整数', en: 'a maximum is a whole number, 1–100' },
  'review.rubric_required': { zh: '至少需要一个评分项', en: 'the rubric needs an item' },
  'review.name_required': { zh: '请填写名称（至少 2 个字）', en: 'give a name (2 characters at least)' },
  'review.unknown_region': { zh: '区域不存在或不在您的范围内', en: 'No such region in your area' },
  'review.region_no_units': {
    zh: '该区域没有可评议的下级单位（街道、社区或网格）',
    en: 'this region has no units below it to review (streets, communities or grids)',
  },
  'review.unknown_user': { zh: '用户不存在或不在本区', en: 'No such user in this district' },
  'review.evaluator_duplicate': { zh: '该用户已是本轮评议人', en: 'This user already evaluates this round' },
  'review.round_not_open': { zh: '该评议轮次已结束，不能再修改', en: 'This round is closed' },
  'review.round_not_closed': { zh: '评议轮次须先结束才能发布', en: 'Close the round before publishing it' },
  'review.report_short': { zh: '述职报告至少 10 个字', en: 'a report has 10 characters at least' },
  'review.score_range': {
    zh: '得分须为 0 到该项满分之间的整数',
    en: 'a score is a whole number from 0 to the item’s maximum',
  },
  'review.unknown_item': { zh: '没有这个评分项', en: 'no such item in the rubric' },
  'review.items_missing': { zh: '须为每个评分项打分', en: 'score every item of the rubric' },
  'review.not_party_organization': {
    zh: '只有党组织评议党员',
    en: 'only party organizations evaluate members',
  },
  'review.not_member_of_organization': {
    zh: '该党员不属于这个组织',
    en: 'this member does not belong to the organization',
  },
  'review.excellent_cap': {
    zh: '优秀党员不能超过本组织党员人数的三分之一（{cap} 名）',
    en: 'at most a third of the organization’s members may be excellent ({cap})',
  },
} as const;
