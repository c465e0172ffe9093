/**
 * What each audit action is called, in both languages: the audit log's 操作 column. A record typed
 * by the action codes, so an action without a label does not compile; work-order steps
 * (`workorder.<step>`) take their names from the steps' own labels (`STEP_LABELS`).
 */
import { STEP_LABELS, type WorkOrderStep } from './work-orders.js';

interface Label {
  zh: string;
  en: string;
}

export const AUDIT_ACTION_LABELS = {
  'auth.denied': { zh: '越权访问被拒绝', en: 'Access denied' },
  'auth.locked': { zh: '账户锁定', en: 'Account locked' },
  'auth.login': { zh: '登录', en: 'Log in' },
  'auth.login_failed': { zh: '登录失败', en: 'Failed login' },
  'auth.logout': { zh: '退出登录', en: 'Log out' },
  'auth.password_check_failed': {
    zh: '修改密码时当前密码错误',
    en: 'Wrong current password when changing it',
  },
  'calendar.day_deleted': { zh: '删除节假日调整', en: 'Calendar day removed' },
  'calendar.day_set': { zh: '设置节假日调整', en: 'Calendar day set' },
  'care.assigned': { zh: '指派结对关爱党员', en: 'Caring member assigned' },
  'care.unassigned': { zh: '取消结对关爱', en: 'Caring member removed' },
  'catalogue.district_category_set': {
    zh: '设置本区诉求类别启停',
    en: 'Category switched on/off for a district',
  },
  'calendar.district_day_set': { zh: '设置本区节假日调整', en: 'District calendar day set' },
  'calendar.district_day_deleted': { zh: '删除本区节假日调整', en: 'District calendar day removed' },
  'catalogue.category_created': { zh: '新增诉求类别', en: 'Service category created' },
  'catalogue.category_updated': { zh: '修改诉求类别', en: 'Service category changed' },
  'commendation.created': { zh: '新增表彰', en: 'Commendation given' },
  'commitment.created': { zh: '新增承诺', en: 'Commitment made' },
  'commitment.progressed': { zh: '更新承诺进度', en: 'Commitment progress' },
  'commitment.rated': { zh: '评价承诺', en: 'Commitment rated' },
  'deed.recorded': { zh: '记录党员实事', en: 'Deed recorded' },
  'demo.built': { zh: '生成演示数据', en: 'Demo data built' },
  'enterprise.created': { zh: '登记企业', en: 'Enterprise registered' },
  'hotline.created': { zh: '新增热线', en: 'Hotline created' },
  'hotline.updated': { zh: '修改热线', en: 'Hotline changed' },
  'member.account_linked': { zh: '关联党员账户', en: 'Member account linked' },
  'member.created': { zh: '添加党员', en: 'Member added' },
  'member.imported': { zh: '导入党员', en: 'Member imported' },
  'open311.key_created': { zh: '签发 Open311 密钥', en: 'Open311 key issued' },
  'open311.key_revoked': { zh: '吊销 Open311 密钥', en: 'Open311 key revoked' },
  'organization.created': { zh: '新建组织', en: 'Organization created' },
  'organization.leader_changed': { zh: '设置负责人', en: 'Leader set' },
  'organization.moved': { zh: '迁移组织', en: 'Organization moved' },
  'loan.settings_changed': { zh: '修改创业担保贷款设置', en: 'Loan settings changed' },
  'loan.guidance_recorded': { zh: '记录创业贷款政策辅导', en: 'Loan guidance recorded' },
  'loan.applied': { zh: '受理创业担保贷款申请', en: 'Loan application taken in' },
  'loan.document_ticked': { zh: '勾选贷款申请材料', en: 'Loan document ticked' },
  'loan.accept': { zh: '社区接收贷款申请', en: 'Loan application accepted by the community' },
  'loan.community_approve': { zh: '社区审核通过', en: 'Community review passed' },
  'loan.community_reject': { zh: '社区审核不通过', en: 'Community review refused' },
  'loan.centre_approve': { zh: '担保中心审核通过', en: 'Guarantee centre approved' },
  'loan.centre_reject': { zh: '担保中心审核不通过', en: 'Guarantee centre refused' },
  'loan.bank_reject': { zh: '银行审批不通过', en: 'Bank refused' },
  'loan.disburse': { zh: '银行放款', en: 'Loan disbursed' },
  'loan.withdraw': { zh: '撤回贷款申请', en: 'Loan application withdrawn' },
  'loan.step_overdue': { zh: '贷款办理环节超期', en: 'Loan step overdue' },
  'loan.repaid': { zh: '登记还款', en: 'Repayment recorded' },
  'loan.closed': { zh: '贷款结清', en: 'Loan repaid in full' },
  'loan.repaying': { zh: '贷款进入还款期', en: 'Loan in repayment' },
  'loan.paused': { zh: '困难暂停计逾期', en: 'Arrears clock paused for hardship' },
  'loan.resumed': { zh: '恢复计逾期', en: 'Arrears clock resumed' },
  'loan.bucket_moved': { zh: '贷款逾期档次变化', en: 'Loan arrears bucket changed' },
  'volunteer.created': { zh: '登记志愿者', en: 'Volunteer registered' },
  'volunteer.updated': { zh: '修改志愿者信息', en: 'Volunteer changed' },
  'volunteer.record_entry': { zh: '记录志愿者培训或表彰', en: 'Volunteer training or honour recorded' },
  'volunteer.activity_created': { zh: '发布志愿活动', en: 'Volunteer activity created' },
  'volunteer.signed_up': { zh: '志愿活动报名', en: 'Volunteer signed up' },
  'volunteer.signup_decided': { zh: '审核志愿活动报名', en: 'Sign-up approved or rejected' },
  'volunteer.signup_cancelled': { zh: '取消志愿活动报名', en: 'Sign-up cancelled' },
  'volunteer.attendance': { zh: '志愿活动签到签退', en: 'Volunteer checked in or out' },
  'volunteer.walk_in': { zh: '现场加入志愿活动', en: 'Walk-in volunteer' },
  'volunteer.hours_confirmed': { zh: '确认志愿服务时长', en: 'Volunteer hours confirmed' },
  'volunteer.hours_entered': { zh: '补录志愿服务时长', en: 'Volunteer hours entered afterwards' },
  'volunteer.certificate_issued': { zh: '开具志愿服务证明', en: 'Service certificate issued' },
  'job.created': { zh: '发布岗位', en: 'Job posted' },
  'job.updated': { zh: '修改岗位', en: 'Job changed' },
  'job.contact_linked': { zh: '绑定企业联系人', en: 'Enterprise contact bound' },
  'job.seeker_registered': { zh: '求职登记', en: 'Job seeker registered' },
  'job.seeker_updated': { zh: '修改求职登记', en: 'Job seeker changed' },
  'job.recommended': { zh: '推荐求职者', en: 'Seeker recommended for a job' },
  'job.outcome_recorded': { zh: '记录面试或录用结果', en: 'Interview or outcome recorded' },
  'person.anonymized': { zh: '匿名化居民', en: 'Resident anonymized' },
  'person.corrected': { zh: '更正居民信息', en: 'Resident corrected' },
  'person.exported': { zh: '导出居民名单（脱敏）', en: 'Residents exported (masked)' },
  'person.exported_revealed': { zh: '明文导出居民名单', en: 'List exported in clear' },
  'person.health_recorded': { zh: '保存健康档案', en: 'Health record saved' },
  'person.imported': { zh: '导入居民信息', en: 'Residents imported' },
  'person.looked_up': { zh: '按完整证件号或手机号查找居民', en: 'Resident looked up by full ID or phone' },
  'person.revealed': { zh: '查看居民明文信息', en: 'Protected value shown' },
  'person.status_changed': {
    zh: '变更居民状态（迁出、死亡）',
    en: 'Resident status changed (moved out, died)',
  },
  'person.subject_export': { zh: '导出个人数据', en: 'Personal data exported' },
  'portal.code_requested': { zh: '居民申请验证码', en: 'Resident requested a sign-in code' },
  'portal.login': { zh: '居民登录', en: 'Resident signed in' },
  'portal.login_failed': { zh: '居民登录失败', en: 'Resident sign-in failed' },
  'portal.logout': { zh: '居民退出登录', en: 'Resident signed out' },
  'portal.photo_added': { zh: '居民补充照片', en: 'Resident added a photo' },
  'portal.subject_export': { zh: '居民导出本人数据', en: 'Resident exported their own data' },
  'portal.elder_mode': { zh: '居民切换长辈模式', en: 'Resident switched elder mode' },
  'region.boundaries_generated': { zh: '生成示意边界', en: 'Boundaries generated' },
  'region.boundaries_imported': { zh: '导入区域边界', en: 'Boundaries imported' },
  'region.created': { zh: '新建区域', en: 'Region created' },
  'region.deleted': { zh: '删除区域', en: 'Region deleted' },
  'region.imported': { zh: '导入区划', en: 'Divisions imported' },
  'region.renamed': { zh: '重命名区域', en: 'Region renamed' },
  'registration.confirmed': { zh: '确认社区报到', en: 'Community registration confirmed' },
  'registration.rejected': { zh: '退回社区报到', en: 'Community registration rejected' },
  'registration.submitted': { zh: '社区报到', en: 'Community registration submitted' },
  'timebank.account_opened': { zh: '开立时间银行账户', en: 'Time-bank account opened' },
  'timebank.transferred': { zh: '时间银行转账', en: 'Time-bank transfer' },
  'timebank.reversed': { zh: '时间银行冲正', en: 'Time-bank transfer reversed' },
  'timebank.donated': { zh: '爱心传递', en: 'Minutes donated' },
  'timebank.limits_changed': { zh: '修改时间银行上下限', en: 'Time-bank limits changed' },
  'timebank.post_created': { zh: '发布互助信息', en: 'Offer or request posted' },
  'timebank.post_accepted': { zh: '接单（分钟托管）', en: 'Post accepted (minutes held)' },
  'timebank.post_confirmed': { zh: '确认完成（分钟付给帮助者）', en: 'Help confirmed (minutes released)' },
  'timebank.post_cancelled': { zh: '取消互助（分钟退回）', en: 'Post cancelled (minutes refunded)' },
  'timebank.item_saved': { zh: '保存爱心超市商品', en: 'Love-supermarket item saved' },
  'timebank.ordered': { zh: '爱心超市下单', en: 'Love-supermarket order' },
  'timebank.redeemed': { zh: '爱心超市核销', en: 'Redemption code checked off' },
  'timebank.order_refunded': { zh: '兑换码过期退回', en: 'Expired code refunded' },
  'transfer.completed': { zh: '转接完成', en: 'Transfer completed' },
  'transfer.expired': { zh: '介绍信过期', en: 'Transfer letter expired' },
  'transfer.letter_issued': { zh: '开具介绍信', en: 'Transfer letter issued' },
  'transfer.rejected': { zh: '退回转接', en: 'Transfer rejected' },
  'transfer.requested': { zh: '发起组织关系转接', en: 'Transfer requested' },
  'transfer.sender_approved': { zh: '转出方同意转接', en: 'Transfer approved by sender' },
  'user.created': { zh: '新建用户', en: 'User created' },
  'user.password_changed': { zh: '修改密码', en: 'Password changed' },
  'user.password_reset': { zh: '重置密码', en: 'Password reset' },
  'user.role_assigned': { zh: '分配角色', en: 'Role assigned' },
  'user.role_removed': { zh: '移除角色', en: 'Role removed' },
  'user.sessions_ended': { zh: '结束会话', en: 'Sessions ended' },
  'user.updated': { zh: '修改用户', en: 'User updated' },
  'warm_group.household_removed': { zh: '温馨小组移除住户', en: 'Household removed from warm group' },
  'visit.campaign_created': { zh: '新建走访活动', en: 'Visit campaign created' },
  'visit.campaign_closed': { zh: '结束走访活动', en: 'Visit campaign closed' },
  'visit.assigned': { zh: '分配走访住户', en: 'Households assigned to a visitor' },
  'visit.target_set': { zh: '调整走访目标', en: 'Visit target changed' },
  'visit.recorded': { zh: '记录走访', en: 'Visit recorded' },
  'visit.need_ordered': { zh: '走访需求转工单', en: 'Need found on a visit turned into an order' },
  'visit.change_confirmed': { zh: '确认走访发现的信息变更', en: 'Register change from a visit confirmed' },
  'visit.change_rejected': { zh: '驳回走访发现的信息变更', en: 'Register change from a visit rejected' },
  'warm_group.households_added': { zh: '温馨小组添加住户', en: 'Households added to warm group' },
  'workorder.attachment_added': { zh: '工单添加附件', en: 'Attachment added to an order' },
  'workorder.public_description': { zh: '设置工单公开描述', en: 'Public description of an order set' },
} as const satisfies Record<string, Label>;

/** Every action the audit log may record; `AuditEntry.action` takes nothing else. */
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS | `workorder.${WorkOrderStep}`;

const STEP_PREFIX = 'workorder.';
const isStep = (step: string): step is WorkOrderStep => Object.hasOwn(STEP_LABELS, step);

/** The action's name in `language`; an unknown code (from an older version) is shown as it is. */
export function auditActionLabel(code: string, language: 'zh' | 'en'): string {
  const own = (AUDIT_ACTION_LABELS as Record<string, Label>)[code];
  if (own) return own[language];
  if (code.startsWith(STEP_PREFIX)) {
    const step = code.slice(STEP_PREFIX.length);
    if (isStep(step)) return `${language === 'zh' ? '工单' : 'Order: '}${STEP_LABELS[step][language]}`;
  }
  return code;
}
