/** Messages of the job service (merged into `messages`). */
export const jobsMessages = {
  'job.not_found': { zh: '岗位不存在', en: 'No such job' },
  'job.enterprise_not_found': { zh: '企业不存在', en: 'No such enterprise' },
  'job.unknown_region': { zh: '工作地点不在可管辖的区域内', en: 'no such place in your area' },
  'job.unknown_contact': {
    zh: '该账号不是本区域的企业联系人',
    en: 'not an enterprise-contact account of your area',
  },
  'job.seeker_not_found': { zh: '求职者不存在', en: 'No such job seeker' },
  'job.person_not_found': { zh: '居民不存在', en: 'No such resident' },
  'job.already_registered': {
    zh: '该居民已做过求职登记',
    en: 'This resident is already registered as a seeker',
  },
  'job.unknown_case_worker': { zh: '就业服务专员账号不存在', en: 'no such case worker in the district' },
  'job.recommendation_not_found': { zh: '推荐记录不存在', en: 'No such recommendation' },
  'job.already_recommended': {
    zh: '已向该岗位推荐过此求职者',
    en: 'This seeker was already recommended for the job',
  },
  'job.not_open': { zh: '岗位已招满、已关闭或已过期', en: 'The job is filled, closed or expired' },
  'job.seeker_not_active': { zh: '求职者已就业或已退出登记', en: 'The seeker is placed or withdrawn' },
  'job.seeker_placed': { zh: '已就业的求职者不能更改登记状态', en: 'A placed seeker’s status cannot change' },
  'job.illegal_outcome': {
    zh: '当前状态（{status}）下不能记录“{outcome}”',
    en: '“{outcome}” cannot be recorded in the current status ({status})',
  },
  'job.conflict': {
    zh: '该推荐刚被他人处理，请刷新后重试',
    en: 'Someone else just changed this; reload and retry',
  },
  'job.salary_range': { zh: '最高薪资不能低于最低薪资', en: 'must not be below the minimum salary' },
  'job.coordinates_paired': { zh: '经纬度须同时填写', en: 'latitude and longitude go together' },
  'job.duplicate_skill': { zh: '技能不能重复', en: 'skills must not repeat' },
  'job.duplicate_wanted': { zh: '意向岗位不能重复', en: 'wanted jobs must not repeat' },
  'job.interview_time_required': { zh: '请填写面试时间', en: 'the interview time is required' },
  'job.valid_until_past': { zh: '有效期不能早于今天', en: 'cannot end before today' },
  'job.openings_below_filled': { zh: '招聘人数不能少于已录用人数', en: 'cannot be fewer than those hired' },
  'job.no_openings_left': { zh: '岗位已招满，请先增加招聘人数', en: 'No openings left; add openings first' },
  'job.fair_not_found': { zh: '招聘会不存在', en: 'No such job fair' },
  'job.fair_ends_before_start': { zh: '结束时间须晚于开始时间', en: 'must be after the start' },
  'job.fair_unknown_region': { zh: '举办区域不在可管辖的区域内', en: 'no such region in your area' },
  'job.fair_not_open': { zh: '招聘会已结束或已取消，不能再报名', en: 'The fair is over or cancelled' },
  'job.fair_full': { zh: '招聘会求职者名额已满', en: 'The fair has no seeker places left' },
  'job.fair_capacity_below': {
    zh: '名额不能少于已报名人数',
    en: 'cannot be fewer than the seekers registered',
  },
  'job.fair_already_registered': { zh: '该求职者已报名此招聘会', en: 'The seeker is already registered' },
  'job.fair_other_district': {
    zh: '企业或求职者不在招聘会所在区县',
    en: 'not in the district of the fair',
  },
  'job.fair_job_not_open': {
    zh: '只能带本企业正在招聘的岗位',
    en: 'only open jobs of this enterprise',
  },
  'job.job_not_at_fair': { zh: '该岗位未参加此招聘会', en: 'the job was not brought to this fair' },
  'job.duplicate_job': { zh: '岗位不能重复', en: 'jobs must not repeat' },
  'job.not_a_seeker': { zh: '您还没有求职登记', en: 'You are not registered as a job seeker' },
} as const;

/** Job recommendations' statuses and outcomes, as they appear in messages (job.illegal_outcome). */
export const jobsValueLabels: Record<string, { zh: string; en: string }> = {
  recommended: { zh: '已推荐', en: 'recommended' },
  interviewing: { zh: '面试中', en: 'interviewing' },
  interview: { zh: '面试', en: 'interview' },
  hired: { zh: '录用', en: 'hired' },
  declined: { zh: '未录用', en: 'declined' },
  no_show: { zh: '未到场', en: 'no-show' },
  refused: { zh: '求职者拒绝', en: 'refused by the seeker' },
};
