/** Messages of bulletins and study (手机党校, issue 14), merged into `messages`. */
export const bulletinMessages = {
  'bulletin.post_not_found': { zh: '信息不存在', en: 'No such post' },
  'bulletin.course_not_found': { zh: '学习课程不存在', en: 'No such study course' },
  'bulletin.item_not_found': { zh: '课程中没有这篇资料', en: 'The course has no such item' },
  'bulletin.not_a_member': { zh: '您的账号未关联党员', en: 'Your account is linked to no member' },
  'bulletin.title_required': {
    zh: '请填写标题（至少 2 个字）',
    en: 'state the title (2 characters at least)',
  },
  'bulletin.body_required': { zh: '请填写正文（至少 2 个字）', en: 'write the text (2 characters at least)' },
  'bulletin.targets_required': {
    zh: '请至少选择一个发送对象（组织或区域）',
    en: 'choose at least one organization or region to send to',
  },
  'bulletin.unknown_region': { zh: '区域不存在或不在您的范围内', en: 'No such region in your area' },
  'bulletin.unknown_organization': {
    zh: '组织不存在或不在您的范围内',
    en: 'No such organization in your area',
  },
  'bulletin.target_outside_region': {
    zh: '发送对象须在所属区域之内',
    en: 'must lie inside the region the post is filed under',
  },
  'bulletin.duplicate_target': { zh: '发送对象重复', en: 'named twice' },
  'bulletin.not_draft': { zh: '只有草稿可以修改或发布', en: 'Only a draft can be changed or published' },
  'bulletin.not_published': { zh: '只有已发布的可以撤回', en: 'Only what is published can be withdrawn' },
  'bulletin.min_seconds': {
    zh: '最短阅读时间须为 10 至 7200 之间的整数（秒）',
    en: 'must be a whole number of seconds from 10 to 7200',
  },
  'bulletin.items_required': { zh: '请至少选择一篇学习资料', en: 'choose at least one study text' },
  'bulletin.questions_required': { zh: '请至少出一道测验题', en: 'write at least one quiz question' },
  'bulletin.question_required': {
    zh: '请填写题目（至少 2 个字）',
    en: 'state the question (2 characters at least)',
  },
  'bulletin.option_required': { zh: '选项不能为空', en: 'an option cannot be empty' },
  'bulletin.options_count': { zh: '每题须有 2 至 8 个选项', en: 'a question takes 2 to 8 options' },
  'bulletin.correct_required': { zh: '请标出正确答案', en: 'mark the right answer' },
  'bulletin.correct_out_of_range': { zh: '正确答案须是题目的选项', en: 'must name one of the options' },
  'bulletin.correct_duplicate': { zh: '正确答案重复', en: 'an option is named twice' },
  'bulletin.single_one_correct': {
    zh: '单选题只能有一个正确答案',
    en: 'a single choice has exactly one right answer',
  },
  'bulletin.pass_mark': { zh: '及格分须为 1 至 100 之间的整数', en: 'must be a whole number from 1 to 100' },
  'bulletin.max_attempts': {
    zh: '答题次数须为 1 至 10 之间的整数',
    en: 'must be a whole number from 1 to 10',
  },
  'bulletin.not_study_post': {
    zh: '须为已发布的学习资料',
    en: 'must be a published study text in your area',
  },
  'bulletin.duplicate_item': { zh: '学习资料重复', en: 'the text is named twice' },
  'bulletin.item_not_opened': { zh: '请先打开这篇资料阅读', en: 'Open the text and read it first' },
  'bulletin.too_soon': {
    zh: '阅读时间不足，请再阅读 {seconds} 秒',
    en: 'Not read long enough: {seconds} more seconds',
  },
  'bulletin.reading_incomplete': {
    zh: '请先读完课程的全部资料再答题',
    en: 'Read every text of the course before the quiz',
  },
  'bulletin.attempts_exhausted': {
    zh: '答题次数已用完（最多 {max} 次）',
    en: 'No attempts left ({max} at most)',
  },
  'bulletin.answers_count': { zh: '请回答全部 {count} 道题', en: 'answer all {count} questions' },
  'bulletin.answer_invalid': {
    zh: '答案无效：请选择题目的选项（单选题只选一个）',
    en: 'choose among the options (one for a single choice)',
  },
} as const;
