/**
 * The text of every message the platform sends, by template code. Residents get Chinese (the
 * messages go to phones); params are filled by name.
 */
export const TEMPLATES = {
  otp: '【连心】您的登录验证码为 {code}，5 分钟内有效。如非本人操作请忽略。',
  order_accepted: '【连心】您反映的问题已受理，工单号 {number}，我们将于 {due} 前办理完毕。',
  order_resolved: '【连心】您的工单 {number} 已办理：{resolution}',
  order_closed: '【连心】您的工单 {number} 已办结，稍后将回访听取您的评价。',
  order_answered: '【连心】您的工单 {number} 已当场答复：{resolution}。稍后将回访听取您的评价。',
  order_dispatched: '工单 {number}（{category}）已派给您，请于 {signDue} 前签收。',
  order_arrived: '新工单 {number}（{category}）经{channel}提交，已进入本单位待办，请于 {due} 前办结。',
  order_overdue: '工单 {number}（{category}）已超过办理时限 {due}，已报上级督办。',
  order_urged: '工单 {number}（{category}）被催办：{note}',
  order_reopened: '工单 {number}（{category}）回访不满意，请重新办理。',
  loan_step_overdue: '创业担保贷款申请 {number} 的“{step}”环节已超过办理时限 {due}，已报您督办。',
  loan_arrears_visit:
    '创业担保贷款 {number} 已逾期 {days} 天（{bucket}），已生成走访工单 {order}，请上门了解借款人情况。',
  dues_arrears:
    '{organization}有 {count} 名党员已连续六个月以上未交纳党费：{names}。请及时谈话提醒，并按党章规定处理。',
  training_attendance_low:
    '学员 {name} 参加“{course}”的出勤率已降至 {pct}%（预警线 {threshold}%），请及时了解情况。',
  survey_invitation:
    '【连心】您被抽中参加“{title}”群众满意度测评。请用本手机号登录居民服务，在“测评”中作答，约 3 分钟。',
  job_alert:
    '【连心】有新岗位适合您：{enterprise}招聘“{title}”（{place}）。详情请咨询社区就业服务专员。不想再收到岗位短信，可告知专员或在居民服务“求职”中关闭。',
} as const;

export type TemplateCode = keyof typeof TEMPLATES;

export const renderTemplate = (template: TemplateCode, params: Record<string, string>): string =>
  TEMPLATES[template].replace(/\{(\w+)\}/g, (_, key: string) => params[key] ?? '');
