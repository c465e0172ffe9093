import { OPEN_STATUSES, type WorkOrderAction, type WorkOrderStatus } from '../../../../shared/work-orders.js';
import type { Permission } from '../../../auth/permissions.js';

/**
 * Which side of an order acts: the unit holding it (or the person it was given to), the unit that
 * gave it to them, or anyone overseeing the place. Each side is checked against the caller's
 * scope for the rule's permission (see `work-orders.service.ts`, `sideAllows`).
 */
export type ActingSide = 'holder' | 'dispatcher' | 'overseer';

export interface TransitionRule {
  from: readonly WorkOrderStatus[];
  /** The next status; undefined when the action leaves the status as it is (overlays, requests). */
  to?: WorkOrderStatus;
  permission: Permission;
  side: ActingSide;
  /** Whether a note must say why. */
  noteRequired: boolean;
}

/** DESIGN §4, as a table: every legal (action, status) pair; everything else is refused. */
export const TRANSITIONS: Record<WorkOrderAction, TransitionRule> = {
  accept: {
    from: ['received'],
    to: 'pending_dispatch',
    permission: 'workorder.intake',
    side: 'holder',
    noteRequired: false,
  },
  answer: {
    from: ['received', 'pending_dispatch'],
    to: 'closed',
    permission: 'workorder.intake',
    side: 'holder',
    noteRequired: true,
  },
  // To a unit down the tree or to a person; the unit an order was dispatched to may pass it on
  // further down before or after signing (转派).
  dispatch: {
    from: ['received', 'pending_dispatch', 'dispatched', 'in_progress'],
    to: 'dispatched',
    permission: 'workorder.dispatch',
    side: 'holder',
    noteRequired: false,
  },
  withdraw: {
    from: ['dispatched'],
    to: 'pending_dispatch',
    permission: 'workorder.dispatch',
    side: 'dispatcher',
    noteRequired: false,
  },
  sign: {
    from: ['dispatched'],
    to: 'in_progress',
    permission: 'workorder.handle',
    side: 'holder',
    noteRequired: false,
  },
  return: {
    from: ['dispatched', 'in_progress'],
    to: 'return_requested',
    permission: 'workorder.handle',
    side: 'holder',
    noteRequired: true,
  },
  approve_return: {
    from: ['return_requested'],
    to: 'pending_dispatch',
    permission: 'workorder.dispatch',
    side: 'dispatcher',
    noteRequired: false,
  },
  // Back to the status the return was asked from.
  reject_return: {
    from: ['return_requested'],
    permission: 'workorder.dispatch',
    side: 'dispatcher',
    noteRequired: true,
  },
  extend: { from: ['in_progress'], permission: 'workorder.handle', side: 'holder', noteRequired: true },
  approve_extension: {
    from: ['in_progress'],
    permission: 'workorder.dispatch',
    side: 'dispatcher',
    noteRequired: false,
  },
  reject_extension: {
    from: ['in_progress'],
    permission: 'workorder.dispatch',
    side: 'dispatcher',
    noteRequired: true,
  },
  resolve: {
    from: ['in_progress'],
    to: 'pending_review',
    permission: 'workorder.handle',
    side: 'holder',
    noteRequired: true,
  },
  // Approved: closed; not approved: back to in_progress (decided by the body's `approve`).
  review: {
    from: ['pending_review'],
    permission: 'workorder.supervise',
    side: 'dispatcher',
    noteRequired: false,
  },
  // Satisfied: archived; unsatisfied: in_progress again (重办).
  callback: { from: ['closed'], permission: 'workorder.callback', side: 'overseer', noteRequired: false },
  urge: { from: OPEN_STATUSES, permission: 'workorder.supervise', side: 'overseer', noteRequired: false },
  supervise: {
    from: OPEN_STATUSES,
    permission: 'workorder.supervise',
    side: 'overseer',
    noteRequired: false,
  },
  comment: {
    from: [
      'received',
      'pending_dispatch',
      'dispatched',
      'in_progress',
      'return_requested',
      'pending_review',
      'closed',
    ],
    permission: 'workorder.read',
    side: 'overseer',
    noteRequired: true,
  },
};

/** The actions a status allows, for the UI's buttons (the caller's rights are checked separately). */
export const actionsFrom = (status: WorkOrderStatus): WorkOrderAction[] =>
  (Object.keys(TRANSITIONS) as WorkOrderAction[]).filter((action) =>
    TRANSITIONS[action].from.includes(status),
  );
