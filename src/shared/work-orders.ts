/**
 * The work-order vocabulary shared by server and web: states (DESIGN §4), actions, channels,
 * satisfaction values and category attribute definitions (Open311 service definitions).
 */
export const WORK_ORDER_STATUSES = [
  'received',
  'pending_dispatch',
  'dispatched',
  'in_progress',
  'return_requested',
  'pending_review',
  'closed',
  'archived',
] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** States in which the order is still someone's to finish: the deadline runs. */
export const OPEN_STATUSES: readonly WorkOrderStatus[] = [
  'received',
  'pending_dispatch',
  'dispatched',
  'in_progress',
  'return_requested',
  'pending_review',
];

export const WORK_ORDER_ACTIONS = [
  'accept',
  'answer',
  'dispatch',
  'withdraw',
  'sign',
  'return',
  'approve_return',
  'reject_return',
  'extend',
  'approve_extension',
  'reject_extension',
  'resolve',
  'review',
  'callback',
  'urge',
  'supervise',
  'comment',
] as const;
export type WorkOrderAction = (typeof WORK_ORDER_ACTIONS)[number];

export const CHANNELS = ['hotline', 'walk_in', 'visit', 'portal', 'open311'] as const;
export type Channel = (typeof CHANNELS)[number];

export const SATISFACTION = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

export const HANDLER_KINDS = ['community', 'street', 'district'] as const;
export type HandlerKind = (typeof HANDLER_KINDS)[number];

/** Open311 attribute datatypes. */
export const ATTRIBUTE_TYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface CategoryAttribute {
  code: string;
  datatype: AttributeType;
  required: boolean;
  description: string;
  order: number;
  /** For value lists: key and display name. */
  values?: { key: string; name: string }[];
}

export const STATUS_LABELS: Record<WorkOrderStatus, { zh: string; en: string }> = {
  received: { zh: '已受理', en: 'Received' },
  pending_dispatch: { zh: '待派单', en: 'To dispatch' },
  dispatched: { zh: '待签收', en: 'To sign' },
  in_progress: { zh: '办理中', en: 'In progress' },
  return_requested: { zh: '退单审核', en: 'Return requested' },
  pending_review: { zh: '待审核', en: 'To review' },
  closed: { zh: '已办结', en: 'Closed' },
  archived: { zh: '已归档', en: 'Archived' },
};

export const ACTION_LABELS: Record<WorkOrderAction, { zh: string; en: string }> = {
  // Not 受理: the order is already 已受理 (received); this confirms it and sends it on to be dispatched.
  accept: { zh: '确认受理', en: 'Confirm intake' },
  answer: { zh: '当场答复', en: 'Answer on the spot' },
  dispatch: { zh: '派单', en: 'Dispatch' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  sign: { zh: '签收', en: 'Sign' },
  return: { zh: '退单', en: 'Return' },
  approve_return: { zh: '同意退单', en: 'Approve return' },
  reject_return: { zh: '驳回退单', en: 'Reject return' },
  extend: { zh: '申请延期', en: 'Request extension' },
  approve_extension: { zh: '同意延期', en: 'Approve extension' },
  reject_extension: { zh: '驳回延期', en: 'Reject extension' },
  resolve: { zh: '办结', en: 'Resolve' },
  review: { zh: '审核', en: 'Review' },
  callback: { zh: '回访', en: 'Callback' },
  urge: { zh: '催办', en: 'Urge' },
  supervise: { zh: '督办', en: 'Supervise' },
  comment: { zh: '备注', en: 'Comment' },
};

export const CHANNEL_LABELS: Record<Channel, { zh: string; en: string }> = {
  hotline: { zh: '热线', en: 'Hotline' },
  walk_in: { zh: '代办站', en: 'Proxy station' },
  visit: { zh: '走访', en: 'Visit' },
  portal: { zh: '居民端', en: 'Portal' },
  open311: { zh: 'Open311', en: 'Open311' },
};

/** Steps the server takes on its own, not offered to anyone: intake, and the SLA sweeper's escalation. */
export const SYSTEM_STEPS = ['receive', 'overdue'] as const;
/** Every step an order's timeline (and the audit log, as `workorder.<step>`) may show. */
export type WorkOrderStep = WorkOrderAction | (typeof SYSTEM_STEPS)[number];

export const STEP_LABELS: Record<WorkOrderStep, { zh: string; en: string }> = {
  ...ACTION_LABELS,
  receive: { zh: '受理', en: 'Received' },
  overdue: { zh: '超期督办', en: 'Overdue, escalated' },
};

export const SATISFACTION_LABELS: Record<Satisfaction, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
};

/**
 * How a list is ordered: lists of work to do by time left (the soonest deadline first); the list
 * of all orders, finished ones included, newest first — by deadline, years of archived orders
 * would come before today's.
 */
export const listOrderOf = (view: string): 'deadline' | 'newest' => (view === 'all' ? 'newest' : 'deadline');
