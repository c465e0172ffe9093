/** Messages of 三会一课 and the other meetings of an organization (issue 14), merged into `messages`. */
export const meetingMessages = {
  'meeting.not_found': { zh: '会议记录不存在', en: 'No such meeting' },
  'meeting.task_not_found': { zh: '会议任务不存在', en: 'No such meeting task' },
  'meeting.date_format': {
    zh: '日期格式应为 YYYY-MM-DD 且为有效日期',
    en: 'must be a real date, YYYY-MM-DD',
  },
  'meeting.quarter_format': { zh: '季度格式应为 YYYY-Qn，如 2026-Q3', en: 'must be a quarter, e.g. 2026-Q3' },
  'meeting.topic_required': {
    zh: '请填写会议主题（至少 2 个字）',
    en: 'state the topic (2 characters at least)',
  },
  'meeting.duration': {
    zh: '会议时长须为 10 至 720 之间的整数（分钟）',
    en: 'must be a whole number of minutes from 10 to 720',
  },
  'meeting.decision_required': {
    zh: '请填写决议内容（至少 2 个字）',
    en: 'state the decision (2 characters at least)',
  },
  'meeting.unknown_organization': {
    zh: '组织不存在或不在您的范围内',
    en: 'No such organization in your area',
  },
  'meeting.organization_kind': {
    zh: '暖心小组、志愿服务队不召开三会一课',
    en: 'warm groups and volunteer teams hold no party meetings',
  },
  'meeting.not_a_member': {
    zh: '该党员不属于本组织',
    en: 'is not a member of this organization',
  },
  'meeting.duplicate_member': { zh: '同一党员出现了两次', en: 'lists the same member twice' },
  'meeting.absence_reason_required': {
    zh: '缺席须填写原因（至少 2 个字）',
    en: 'an absent member needs the reason (2 characters at least)',
  },
  'meeting.held_in_future': { zh: '召开日期不能晚于今天', en: 'must not be later than today' },
  'meeting.held_required': {
    zh: '报送前须填写实际召开日期',
    en: 'the date it was held is needed to submit',
  },
  'meeting.duration_required': { zh: '报送前须填写会议时长', en: 'the duration is needed to submit' },
  'meeting.presenter_required': {
    zh: '报送前须填写主持人',
    en: 'the presenter is needed to submit',
  },
  'meeting.recorder_required': { zh: '报送前须填写记录人', en: 'the recorder is needed to submit' },
  'meeting.minutes_required': {
    zh: '报送前须填写会议记录（至少 10 个字）',
    en: 'the minutes are needed to submit (10 characters at least)',
  },
  'meeting.attendance_incomplete': {
    zh: '报送前须为每名应到党员标记出席或缺席',
    en: 'mark every expected member present or absent before submitting',
  },
  'meeting.due_before_meeting': {
    zh: '完成期限不能早于会议召开日期',
    en: 'must not be before the meeting was held',
  },
  'meeting.not_editable': {
    zh: '只有草稿或被退回的会议记录可以修改或报送',
    en: 'Only a draft or a returned meeting can be changed or submitted',
  },
  'meeting.not_submitted': {
    zh: '只有已报送的会议记录可以审核',
    en: 'Only a submitted meeting can be reviewed',
  },
  'meeting.review_level_above': {
    zh: '会议记录须由上级组织审核',
    en: 'A meeting is reviewed by the level above its organization',
  },
  'meeting.review_own': {
    zh: '不能审核本人报送或本人担任书记的组织的会议记录',
    en: 'You cannot review a meeting you submitted or of an organization you lead',
  },
  'meeting.task_done_already': { zh: '该任务已完成', en: 'This task is done already' },
  'meeting.rules_district_wide': {
    zh: '只有全区范围的审核人可以修改三会一课规则',
    en: 'Only a reviewer over the whole district can change its meeting rules',
  },
  'meeting.rule_duplicate': { zh: '同一会议类型出现了两次', en: 'lists the same meeting type twice' },
} as const;
