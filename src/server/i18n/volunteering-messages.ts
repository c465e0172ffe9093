/** Messages of the volunteering module (merged into `messages`). */
export const volunteeringMessages = {
  'volunteer.team_not_found': { zh: '志愿服务队不存在', en: 'No such volunteer team' },
  'volunteer.not_found': { zh: '志愿者不存在', en: 'No such volunteer' },
  'volunteer.person_not_found': { zh: '居民不存在', en: 'No such resident' },
  'volunteer.person_other_district': {
    zh: '只能登记本区居民为志愿者',
    en: 'Only residents of the team’s district can join it',
  },
  'volunteer.already_in_team': {
    zh: '该居民已是本队志愿者',
    en: 'This resident already volunteers in the team',
  },
  'volunteer.duplicate_skill': { zh: '技能不能重复', en: 'skills must not repeat' },
  'volunteer.inactive': { zh: '该志愿者已停用', en: 'This volunteer is inactive' },
  'volunteer.activity_not_found': { zh: '志愿活动不存在', en: 'No such volunteer activity' },
  'volunteer.shift_not_found': { zh: '该活动没有这个岗位班次', en: 'The activity has no such shift' },
  'volunteer.signup_not_found': { zh: '报名记录不存在', en: 'No such sign-up' },
  'volunteer.certificate_not_found': {
    zh: '没有这个编号的志愿服务证明',
    en: 'No certificate has this serial number',
  },
  'volunteer.shift_ends_before_start': { zh: '结束时间应晚于开始时间', en: 'must be after the start' },
  'volunteer.shift_too_long': { zh: '一个班次最长 24 小时', en: 'a shift lasts 24 hours at most' },
  'volunteer.shift_in_past': { zh: '开始时间不能早于现在', en: 'cannot start in the past' },
  'volunteer.activity_closed': { zh: '该活动已结束或已取消', en: 'The activity is over or cancelled' },
  'volunteer.shift_started': { zh: '该班次已开始，不能再报名或取消', en: 'The shift has started' },
  'volunteer.shift_not_started': {
    zh: '班次开始后才能补录时长',
    en: 'Hours can be entered only once the shift has started',
  },
  'volunteer.already_signed_up': { zh: '已报名该班次', en: 'Already signed up for this shift' },
  'volunteer.collision': {
    zh: '与已报名的“{title}”时间冲突',
    en: 'Collides with “{title}”, already signed up for',
  },
  'volunteer.not_qualified': {
    zh: '该岗位需要以下技能或资质：{skills}',
    en: 'This role needs: {skills}',
  },
  'volunteer.cancel_cutoff': {
    zh: '开始前 {hours} 小时内不能取消报名，请联系负责人',
    en: 'Sign-ups cannot be cancelled within {hours} hours of the start; ask the leader',
  },
  'volunteer.not_cancellable': { zh: '该报名已取消或已结束', en: 'This sign-up is no longer open' },
  'volunteer.not_pending': { zh: '该报名不在待审核状态', en: 'This sign-up is not awaiting approval' },
  'volunteer.not_confirmed': { zh: '该报名尚未确认，不能签到', en: 'This sign-up is not confirmed' },
  'volunteer.already_checked_in': { zh: '已签到，不能重复签到', en: 'Already checked in' },
  'volunteer.not_checked_in': { zh: '尚未签到', en: 'Not checked in yet' },
  'volunteer.already_checked_out': { zh: '已签退', en: 'Already checked out' },
  'volunteer.checked_in_not_no_show': {
    zh: '已签到的志愿者不能记为缺席',
    en: 'A volunteer who checked in is no no-show',
  },
  'volunteer.code_format': { zh: '签到码为 6 位数字', en: 'the code is 6 digits' },
  'volunteer.code_invalid': {
    zh: '签到码无效或已过期，请扫描负责人手机上的最新签到码',
    en: 'The code is wrong or expired; use the one on the leader’s phone now',
  },
  'volunteer.no_signup_here': {
    zh: '您没有报名该活动当前的班次',
    en: 'You have no confirmed sign-up for a current shift of this activity',
  },
  'volunteer.no_volunteer_record': {
    zh: '您还不是志愿者，请联系志愿服务队登记',
    en: 'You are not registered as a volunteer; ask a volunteer team',
  },
  'volunteer.no_minutes': {
    zh: '该报名没有签到签退记录，请填写服务时长',
    en: 'No check-in and check-out: enter the minutes',
  },
  'volunteer.no_show_has_no_hours': { zh: '缺席的报名不能确认时长', en: 'A no-show has no hours to confirm' },
  'volunteer.already_confirmed': { zh: '该服务时长已确认', en: 'These hours are already confirmed' },
  'volunteer.period_order': { zh: '结束日期不能早于开始日期', en: 'must not be before the start date' },
  'volunteer.no_service': {
    zh: '该期间内没有已确认的志愿服务',
    en: 'No confirmed service in this period',
  },
  'volunteer.serial_format': { zh: '证明编号格式不正确', en: 'not a certificate serial number' },
  'volunteer.work_order_not_found': { zh: '工单不存在', en: 'No such work order' },
} as const;
