/** Messages of satisfaction surveys (群众满意度测评), merged into `messages`. */
export const surveyMessages = {
  'survey.not_found': { zh: '满意度测评不存在', en: 'No such survey' },
  'survey.sample_not_found': { zh: '样本不存在', en: 'No such sample row' },
  'survey.date_format': { zh: '日期格式应为 YYYY-MM-DD 且为有效日期', en: 'must be a real date, YYYY-MM-DD' },
  'survey.title_required': {
    zh: '请填写测评名称（至少 2 个字）',
    en: 'give the survey a title (2 characters at least)',
  },
  'survey.question_text': {
    zh: '请填写题目（至少 2 个字）',
    en: 'write the question (2 characters at least)',
  },
  'survey.scale_range': { zh: '评分应为 1 到 5', en: 'a rating is 1 to 5' },
  'survey.city_code': {
    zh: '城市代码应为 4 位数字（如 2301）',
    en: 'a city code is 4 digits (such as 2301)',
  },
  'survey.options_needed': {
    zh: '单选题和多选题至少要有 2 个选项',
    en: 'a choice question needs 2 options at least',
  },
  'survey.options_not_allowed': {
    zh: '评分题和填空题不设选项',
    en: 'rating and text questions take no options',
  },
  'survey.satisfaction_question': {
    zh: '满意度题须是问卷中的一道评分题（1–5 分）',
    en: 'the satisfaction question must be one of the rating (1–5) questions',
  },
  'survey.period_required': {
    zh: '从已办结工单抽样须填写办结时段',
    en: 'a sample of closed orders needs the period they were closed in',
  },
  'survey.period_order': { zh: '结束日期不能早于开始日期', en: 'must not be before the start of the period' },
  'survey.not_draft': {
    zh: '样本已抽取，问卷不能再修改',
    en: 'The sample has been drawn; the questionnaire can no longer change',
  },
  'survey.region_other_district': {
    zh: '测评不能改到另一个区县',
    en: 'a survey cannot move to another district',
  },
  'survey.not_open': { zh: '测评不在进行中', en: 'The survey is not open' },
  'survey.nobody_to_draw': {
    zh: '该区域内没有可抽取的对象（成年在册居民或时段内办结的工单，且近期未被联系过）',
    en: 'There is nobody to draw in this region (adult residents, or orders closed in the period, not contacted lately)',
  },
  'survey.sample_too_small': {
    zh: '样本量不能少于有人口的网格数（{strata} 个），每个网格至少抽 1 人',
    en: 'must be at least the number of grids with people ({strata}): every grid gets one at least',
  },
  'survey.sample_too_large': {
    zh: '样本量不能多于可抽取的对象数（{population}）',
    en: 'must not exceed the number of people who can be drawn ({population})',
  },
  'survey.sample_not_waiting': {
    zh: '这条样本已有结果或尚未启用',
    en: 'This sample row already has an outcome or is a reserve not yet in use',
  },
  'survey.answers_required': { zh: '已回答的访问须录入答案', en: 'an answered interview needs its answers' },
  'survey.answers_not_allowed': {
    zh: '拒访或联系不上时不录入答案',
    en: 'a refusal or an unreachable resident has no answers',
  },
  'survey.unknown_question': { zh: '问卷中没有这道题', en: 'no such question in this survey' },
  'survey.duplicate_answer': { zh: '同一道题只能回答一次', en: 'each question is answered once' },
  'survey.answer_shape': {
    zh: '答案与题型不符（单选选 1 项，多选至少 1 项，评分填 1–5，填空填文字）',
    en: 'does not fit the question (one choice, one or more choices, a rating 1–5, or text)',
  },
  'survey.option_range': { zh: '没有这个选项', en: 'no such option' },
  'survey.required_missing': {
    zh: '第 {number} 题是必答题，尚未回答',
    en: 'question {number} must be answered',
  },
  'survey.not_in_sample': {
    zh: '您不在这次测评的样本中，或已经作答',
    en: 'You are not in this survey’s sample, or you have already answered',
  },
} as const;
