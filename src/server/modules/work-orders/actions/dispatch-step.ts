import { formatBeijing } from '../../../../shared/beijing-time.js';
import type { Principal } from '../../../auth/principal.js';
import type { Executor } from '../../../db/database.js';
import type { WorkOrder } from '../../../db/tables.js';
import { fieldError } from '../../../http/errors.js';
import type { ServiceContext } from '../../../services.js';
import type { CatalogueSnapshot } from '../../catalogue/index.js';
import { deedsRepository } from '../../deeds/index.js';
import { regionsRepository } from '../../regions/index.js';
import { callerLookups } from '../work-order-people.repository.js';
import { tellHandlers } from './notices.js';
import type { Changes, Outcome } from './outcome.js';
import type { ActionInput } from './work-order-actions.service.js';

/** Down the tree to a unit that covers the place, or to a person who may handle orders there. */
export async function dispatchStep(
  ctx: ServiceContext,
  trx: Executor,
  catalogue: CatalogueSnapshot,
  principal: Principal,
  order: WorkOrder,
  input: ActionInput,
  signDueAt: string,
): Promise<Outcome> {
  const targets = [input.targetRegionCode, input.assigneeUserId, input.assigneeMemberId].filter(Boolean);
  if (targets.length !== 1) throw fieldError('targetRegionCode', 'workorder.dispatch_target_required');
  const base: Changes = {
    dispatcher_region_code: order.handler_region_code,
    sign_due_at: signDueAt,
    signed_at: null,
  };
  if (input.targetRegionCode) {
    const target = input.targetRegionCode;
    const downward =
      target !== order.handler_region_code &&
      target.startsWith(order.handler_region_code) &&
      order.region_code.startsWith(target);
    if (!downward || !(await regionsRepository.findUnscoped(trx, target)))
      throw fieldError('targetRegionCode', 'workorder.dispatch_not_down');
    return {
      changes: { ...base, handler_region_code: target, assignee_user_id: null, assignee_member_id: null },
      to: 'dispatched',
      data: { targetRegionCode: target },
      bumpsVersion: true,
      after: (t, o) =>
        tellHandlers(
          ctx,
          t,
          catalogue,
          { ...o, handler_region_code: target, assignee_user_id: null },
          'order_dispatched',
          { signDue: formatBeijing(signDueAt) },
        ),
    };
  }
  let userId: string;
  let memberId: string | null = null;
  if (input.assigneeMemberId) {
    const dispatchScope = principal.scopeFor('workorder.dispatch');
    const member = await deedsRepository.memberInScope(trx, dispatchScope, input.assigneeMemberId);
    if (!member) throw fieldError('assigneeMemberId', 'deed.unknown_member');
    if (!member.user_id) throw fieldError('assigneeMemberId', 'workorder.member_without_account');
    userId = member.user_id;
    memberId = member.id;
  } else {
    userId = input.assigneeUserId!;
    const regions = await callerLookups.handlerRegionsOf(trx, userId);
    // The person works inside the holder's unit and their work covers the place.
    const fits = regions.some(
      (region) => region.startsWith(order.handler_region_code) && order.region_code.startsWith(region),
    );
    if (!fits) throw fieldError('assigneeUserId', 'workorder.unknown_assignee');
  }
  return {
    changes: { ...base, assignee_user_id: userId, assignee_member_id: memberId },
    to: 'dispatched',
    data: { assigneeUserId: userId, ...(memberId ? { assigneeMemberId: memberId } : {}) },
    bumpsVersion: true,
    after: (t, o) =>
      tellHandlers(ctx, t, catalogue, { ...o, assignee_user_id: userId }, 'order_dispatched', {
        signDue: formatBeijing(signDueAt),
      }),
  };
}
