import { ACTION_LABELS, STATUS_LABELS } from '../../shared/work-orders.js';

/** Messages of work orders, the catalogue, deeds and notifications (merged into `messages`). */
export const workOrderMessages = {
  'workorder.not_found': { zh: '工单不存在', en: 'No such work order' },
  'notification.not_found': { zh: '消息不存在', en: 'No such message' },
  'workorder.unknown_category': { zh: '没有这个服务类别', en: 'No such service category' },
  'workorder.category_not_leaf': {
    zh: '“{name}”是大类，请选择其下的具体类别',
    en: '“{name}” is a group; choose one of its categories',
  },
  'workorder.unknown_attribute': { zh: '该类别没有这个附加字段', en: 'This category has no such attribute' },
  'workorder.single_value': { zh: '只能选择一项', en: 'only one value may be chosen' },
  'workorder.unknown_person': { zh: '居民不存在', en: 'No such resident' },
  'workorder.unknown_household': { zh: '住户不存在', en: 'No such household' },
  'workorder.place_mismatch': {
    zh: '所选住户或居民不在该区域内',
    en: 'The household or resident is not inside this region',
  },
  'workorder.unknown_region': { zh: '区域不存在', en: 'No such region' },
  'workorder.unknown_hotline': { zh: '热线不存在或已停用', en: 'No such hotline, or it is disabled' },
  'workorder.phone': {
    zh: '应为手机号或带区号的固定电话',
    en: 'must be a mobile or a landline number with area code',
  },
  'workorder.illegal_transition': {
    zh: '工单当前为“{status}”，不能执行“{action}”',
    en: 'The order is “{status}”; “{action}” is not possible now',
  },
  'workorder.conflict': {
    zh: '工单刚被他人处理过，请刷新后再试',
    en: 'Someone else just acted on this order; reload and try again',
  },
  'workorder.not_your_side': {
    zh: '只有{side}可以执行此操作',
    en: 'Only {side} may do this',
  },
  'workorder.note_required': { zh: '请填写说明', en: 'A note is required' },
  'workorder.dispatch_target_required': {
    zh: '请选择派往的单位、人员或党员（只选一项）',
    en: 'Choose one unit, person or member to dispatch to',
  },
  'workorder.dispatch_not_down': {
    zh: '只能派给本单位下级、且覆盖诉求地点的单位',
    en: 'An order goes to a unit below the holder that covers the place',
  },
  'workorder.unknown_assignee': {
    zh: '该人员不能办理此地点的工单',
    en: 'This person cannot handle orders at this place',
  },
  'workorder.member_without_account': {
    zh: '该党员尚未开通账户，无法直接派单',
    en: 'This member has no account yet; orders cannot be given to them',
  },
  'workorder.extension_pending': {
    zh: '已有待审批的延期申请',
    en: 'An extension request is already pending',
  },
  'workorder.no_extension_pending': { zh: '没有待审批的延期申请', en: 'No extension request is pending' },
  'workorder.already_supervised': { zh: '该工单已在督办中', en: 'The order is already supervised' },
  'workorder.attachment_not_found': { zh: '附件不存在', en: 'No such attachment' },
  'workorder.attachment_type': {
    zh: '只接受 JPEG、PNG、WebP 图片或 PDF 文件',
    en: 'Only JPEG, PNG or WebP images and PDF files are accepted',
  },
  'workorder.attachment_too_large': {
    zh: '文件不能超过 {megabytes} MB',
    en: 'Files may be at most {megabytes} MB',
  },
  'workorder.too_many_attachments': { zh: '最多 {maximum} 个附件', en: 'At most {maximum} attachments' },
  'calendar.unknown_day': { zh: '日历中没有这一天的例外', en: 'That day has no exception in the calendar' },
  'category.exists': { zh: '类别代码已存在', en: 'That category code exists already' },
  'category.unknown_parent': { zh: '上级类别不存在', en: 'No such parent category' },
  'hotline.exists': { zh: '该热线号码已存在', en: 'That hotline number exists already' },
  'catalogue.installation_wide': {
    zh: '服务目录和工作日历为全区共用，只能由区级管理员（{district}）修改',
    en: 'The service catalogue and the working-day calendar are shared by the whole installation; only the administrators of district {district} may change them',
  },
  'catalogue.district_wide': {
    zh: '区 {district} 自己的工作日历和服务类别只能由覆盖全区的管理员修改',
    en: 'The calendar exceptions and categories of district {district} may be changed only by administrators of the whole district',
  },
  'deed.unknown_member': { zh: '党员不存在', en: 'No such member' },
  'deed.not_a_member': { zh: '当前账户没有关联党员', en: 'This account is not linked to a member' },
} as const;

/** How parameter values of these messages read (statuses, actions, sides). */
export const workOrderValueLabels: Record<string, { zh: string; en: string }> = {
  ...STATUS_LABELS,
  ...ACTION_LABELS,
  holder: { zh: '承办方', en: 'the holder' },
  dispatcher: { zh: '派单方', en: 'the dispatcher' },
  overseer: { zh: '监督方', en: 'an overseer' },
};
