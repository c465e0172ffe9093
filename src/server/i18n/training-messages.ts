/** Messages of vocational and start-up training (merged into `messages` with the programmes'). */
export const trainingMessages = {
  'training.course_not_found': { zh: '培训课程不存在', en: 'No such training course' },
  'training.session_not_found': { zh: '培训课次不存在', en: 'No such training session' },
  'training.enrollment_not_found': { zh: '报名记录不存在', en: 'No such enrollment' },
  'training.person_not_found': { zh: '居民不存在', en: 'No such resident' },
  'training.no_person': {
    zh: '您的账号尚未关联居民档案，请联系社区',
    en: 'Your account is not linked to a resident record yet; ask your community',
  },
  'training.unknown_region': { zh: '开课地点不在可管辖的区域内', en: 'no such place in your area' },
  'training.title_required': {
    zh: '请填写课程名称（最多 100 字）',
    en: 'a title of at most 100 characters is required',
  },
  'training.place_required': {
    zh: '请填写上课地点（最多 200 字）',
    en: 'a place of at most 200 characters is required',
  },
  'training.duplicate_skill': { zh: '技能不能重复', en: 'skills must not repeat' },
  'training.duplicate_group': { zh: '培训对象不能重复', en: 'target groups must not repeat' },
  'training.capacity_range': { zh: '名额须为 1–500 的整数', en: 'must be a whole number from 1 to 500' },
  'training.pct_range': { zh: '比例须为 0–100 的整数', en: 'must be a whole percentage from 0 to 100' },
  'training.warning_above_completion': {
    zh: '预警线不能高于结业出勤率',
    en: 'must not be above the attendance needed to complete',
  },
  'training.date_format': { zh: '日期格式应为 YYYY-MM-DD', en: 'a date is YYYY-MM-DD' },
  'training.weekdays_required': {
    zh: '请选择上课的星期（不重复）',
    en: 'choose the weekdays of the sessions (no repeats)',
  },
  'training.time_format': { zh: '时间格式应为 HH:MM', en: 'a time is HH:MM' },
  'training.end_before_start': { zh: '下课时间须晚于上课时间', en: 'must be after the start time' },
  'training.count_range': { zh: '课次数须为 1–100 的整数', en: 'must be a whole number from 1 to 100' },
  'training.too_many_sessions': {
    zh: '一门课程最多 200 个课次',
    en: 'A course has at most 200 sessions',
  },
  'training.code_format': { zh: '签到码为 6 位数字', en: 'a check-in code is six digits' },
  'training.note_too_long': { zh: '备注最多 200 字', en: 'a note has at most 200 characters' },
  'training.course_closed': { zh: '课程已结业或已取消', en: 'The course is completed or cancelled' },
  'training.already_enrolled': { zh: '该居民已报名此课程', en: 'This resident is already enrolled' },
  'training.not_cancellable': { zh: '该报名已不能取消', en: 'This enrollment can no longer be cancelled' },
  'training.not_placed': {
    zh: '候补中的学员不能记考勤',
    en: 'A trainee on the waiting list has no attendance',
  },
  'training.not_enrolled_then': {
    zh: '该学员在本课次之后才报名，本课次不计考勤',
    en: 'The trainee enrolled after this session; it does not count for them',
  },
  'training.other_course': { zh: '该学员不在本课程', en: 'not a trainee of this course' },
  'training.code_invalid': { zh: '签到码不正确或已过期', en: 'the code is wrong or has expired' },
  'training.no_session_now': {
    zh: '现在没有您可以签到的课次',
    en: 'No session of yours is running now',
  },
  'training.already_checked_in': { zh: '本课次已签到', en: 'Already checked in for this session' },
  'training.no_assessment': { zh: '该课程没有考核', en: 'This course has no assessment' },
  'training.no_sessions': { zh: '课程还没有课次，不能结业', en: 'The course has no sessions yet' },
  'training.not_completed': { zh: '该学员未结业', en: 'The trainee has not completed the course' },
  'training.certificate_not_found': { zh: '未找到该编号的结业证书', en: 'No certificate with this number' },
} as const;

/** Values that appear in training messages. */
export const trainingValueLabels: Record<string, { zh: string; en: string }> = {
  present: { zh: '出勤', en: 'present' },
  late: { zh: '迟到', en: 'late' },
  excused: { zh: '请假', en: 'excused' },
  absent: { zh: '缺勤', en: 'absent' },
};
