import { districtOf, levelOf, parentOf, REGION_LEVELS, regionAt } from '../../shared/region-code.js';
import type { Satisfaction, WorkOrderStatus } from '../../shared/work-orders.js';
import type { ServiceCategory } from '../db/tables.js';
import { pick } from '../fixtures/resident-rows.js';
import type { WorkingCalendar } from '../modules/catalogue/index.js';
import { RESOLUTIONS } from './demo-work-order-texts.js';
import type { SatisfactionProfile } from './demo-work-orders.js';

/**
 * One generated order's way through the work-order states after intake (accept or answer,
 * dispatch, sign, return, extension, urge, resolve, review, callback, reopen), kept in a `State`
 * that becomes the order's final row.
 */

export const HOUR = 3_600_000;

/** An order's state while its history is generated. */
export interface State {
  status: WorkOrderStatus;
  handler: string;
  dispatcher: string | null;
  dueAt: number;
  signDueAt: number | null;
  signedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  closedOnTime: number | null;
  callbackDueAt: number | null;
  archivedAt: number | null;
  overdue: boolean;
  escalatedTo: string | null;
  urges: number;
  supervised: boolean;
  reopens: number;
  satisfaction: Satisfaction | null;
  resolution: string;
  returnFrom: WorkOrderStatus | null;
  updatedAt: number;
  version: number;
}

/** Where an overdue order escalates: the unit above its holder (a district stays the district). */
export const escalationOf = (code: string) => parentOf(code) ?? districtOf(code);
/** The unit one level below the holder on the way to the place: street, community, at most grid. */
const below = (handler: string, place: string) => {
  const next = REGION_LEVELS.indexOf(levelOf(handler) ?? 'community') + 1;
  return regionAt(place, REGION_LEVELS[Math.min(next, REGION_LEVELS.indexOf('grid'))]!);
};

/** Records one step: false when it would lie in the future (or past the step the order is held at). */
export type RecordEvent = (
  action: string,
  to: WorkOrderStatus,
  at: number,
  actor: string,
  note?: string,
  data?: Record<string, unknown>,
) => boolean;

export interface LifecycleOptions {
  random: () => number;
  calendar: WorkingCalendar;
  satisfaction: SatisfactionProfile;
}

/** The steps after intake, each at a plausible time; `event` refuses steps that lie in the future. */
export function lifecycle(
  options: LifecycleOptions,
  s: State,
  event: RecordEvent,
  category: ServiceCategory,
  place: string,
  t0: number,
  urgent: boolean,
  stopAt?: WorkOrderStatus,
): void {
  // An order held at a step for today's desk takes the ordinary path to it.
  const held = stopAt !== undefined;
  const forceReturn = stopAt === 'return_requested';
  const { random, calendar, satisfaction } = options;
  const minutes = (from: number, to: number) => (from + random() * (to - from)) * 60_000;
  let t = t0;
  const close = (at: number) => {
    s.closedAt = at;
    s.closedOnTime = at <= s.dueAt ? 1 : 0;
    s.callbackDueAt = calendar.callbackDeadline(new Date(at)).getTime();
  };
  const callback = (): boolean => {
    const at = (s.closedAt ?? t) + minutes(60, 20 * 60);
    const roll = random();
    const value: Satisfaction =
      s.reopens > 0 || roll < satisfaction.satisfied
        ? 'satisfied'
        : roll < satisfaction.satisfied + satisfaction.basicallySatisfied
          ? 'basically_satisfied'
          : 'unsatisfied';
    if (value !== 'unsatisfied') {
      if (!event('callback', 'archived', at, '回访员', '', { satisfaction: value })) return false;
      s.satisfaction = value;
      s.archivedAt = at;
      return true;
    }
    const due = calendar.resolveDeadline(new Date(at), urgent ? 0 : category.resolve_days).getTime();
    if (
      !event('callback', 'in_progress', at, '回访员', '居民对处理结果不满意，要求重新办理', {
        satisfaction: value,
        dueAt: new Date(due).toISOString(),
      })
    )
      return false;
    s.satisfaction = 'unsatisfied';
    s.reopens += 1;
    s.closedAt = null;
    s.closedOnTime = null;
    s.resolvedAt = null;
    s.callbackDueAt = null;
    s.dueAt = due;
    s.overdue = false;
    t = at;
    return true;
  };

  // Answered on the spot: most policy questions, a few others.
  const onSpot = category.code === 'policy.general' ? 0.5 : category.proxy ? 0.04 : 0.03;
  if (random() < onSpot && !held) {
    t += minutes(3, 25);
    s.resolution = '已当场答复';
    if (!event('answer', 'closed', t, '受理员', s.resolution)) return;
    close(t);
    callback();
    return;
  }
  t += minutes(2, 40);
  if (!event('accept', 'pending_dispatch', t, '受理员')) return;
  const dispatch = (): boolean => {
    t += minutes(5, urgent ? 20 : 120);
    const target = below(s.handler, place);
    const signDue = calendar.addWorkingHours(new Date(t), category.sign_hours).getTime();
    if (!event('dispatch', 'dispatched', t, '派单员', '', { targetRegionCode: target })) return false;
    s.dispatcher = s.handler;
    s.handler = target;
    s.signDueAt = signDue;
    s.signedAt = null;
    t +=
      random() < 0.93
        ? minutes(5, category.sign_hours * 50)
        : minutes(category.sign_hours * 60, category.sign_hours * 180);
    if (!event('sign', 'in_progress', t, '网格员')) return false;
    s.signedAt = t;
    return true;
  };
  if (!dispatch()) return;

  // A return request now and then: approved (dispatched again) or rejected.
  if ((!held && random() < 0.03) || forceReturn) {
    t += minutes(30, 240);
    if (!event('return', 'return_requested', t, '网格员', '不属于本网格职责范围')) return;
    s.returnFrom = 'in_progress';
    t += minutes(30, 300);
    if (random() < 0.5) {
      if (!event('reject_return', 'in_progress', t, '派单员', '属于本网格职责，请继续办理')) return;
      s.returnFrom = null;
    } else {
      if (!event('approve_return', 'pending_dispatch', t, '派单员')) return;
      s.returnFrom = null;
      s.handler = s.dispatcher ?? s.handler;
      s.dispatcher = null;
      s.signDueAt = null;
      s.signedAt = null;
      if (!dispatch()) return;
    }
  }

  for (;;) {
    // Mostly on time: resolved within the deadline; some late (marked overdue, urged, supervised).
    const late = random() < 0.05;
    if (!late && category.resolve_days >= 3 && random() < 0.04) {
      t += minutes(60, 600);
      if (!event('extend', 'in_progress', t, '网格员', '需协调产权单位，申请延期', { days: 5 })) return;
      t += minutes(30, 300);
      const from = s.dueAt;
      s.dueAt = calendar.resolveDeadline(new Date(s.dueAt - 1), 5).getTime();
      if (
        !event('approve_extension', 'in_progress', t, '派单员', '', {
          days: 5,
          from: new Date(from).toISOString(),
          to: new Date(s.dueAt).toISOString(),
        })
      )
        return;
      if (s.dueAt > t) s.overdue = false;
    }
    const window = Math.max(HOUR, s.dueAt - t);
    const resolveAt = late ? s.dueAt + minutes(60, 5 * 24 * 60) : t + window * (0.15 + random() * 0.8);
    if (late && random() < 0.6) {
      const urgeAt = s.dueAt + minutes(30, Math.max(31, (resolveAt - s.dueAt) / 60_000));
      if (urgeAt < resolveAt && event('urge', s.status, urgeAt, '督办员', '请尽快办理')) s.urges += 1;
      if (
        random() < 0.3 &&
        urgeAt + HOUR < resolveAt &&
        event('supervise', s.status, urgeAt + HOUR, '督办员')
      )
        s.supervised = true;
    }
    t = resolveAt;
    const resolution = pick(random, RESOLUTIONS);
    if (!event('resolve', 'pending_review', t, '网格员', resolution)) return;
    s.resolution = resolution;
    s.resolvedAt = t;
    t += minutes(20, 16 * 60);
    if (random() < 0.02) {
      if (!event('review', 'in_progress', t, '审核员', '处理情况不清楚，请补充', { approve: false })) return;
      s.resolvedAt = null;
      continue;
    }
    if (!event('review', 'closed', t, '审核员', '', { approve: true })) return;
    close(t);
    if (!callback()) return;
    if (s.status === 'archived') return;
  }
}
