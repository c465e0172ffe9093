import { NEED_CATEGORY } from '../../../shared/api/visits.js';
import type { Principal } from '../../auth/principal.js';
import { conflict, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { WorkOrderIntake } from '../work-orders/index.js';
import { visitCounters } from './visit-counts.repository.js';
import { visitsRepository } from './visits.repository.js';

/**
 * A need found on a visit becomes a work order in one step (channel `visit`), linked both ways
 * (the need names the order; `GET /api/visits?order=` finds an order's visit), in one transaction with
 * the intake. When the order closes, the household's return visit is due (see targets.repository).
 */
export class NeedsService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly intake: WorkOrderIntake,
  ) {}

  async toOrder(
    principal: Principal,
    needId: string,
    input: { categoryCode?: string | undefined; urgent?: boolean | undefined },
  ): Promise<{ needId: string; workOrderId: string; number: string }> {
    return this.intake.within({ kind: 'staff', principal }, async (trx, take) => {
      const need = await visitsRepository.needInScope(trx, principal.scope, needId);
      if (!need) throw notFound('visit.need_not_found');
      if (need.work_order_id) throw conflict('visit.need_already_ordered');
      const order = await take({
        categoryCode: input.categoryCode ?? NEED_CATEGORY[need.type],
        description: need.description,
        channel: 'visit',
        householdId: need.household_id,
        urgent: input.urgent,
      });
      const at = this.ctx.now().toISOString();
      if (!(await visitsRepository.linkOrder(trx, need.id, order.id, at)))
        throw conflict('visit.need_already_ordered');
      await visitCounters.bumpOrdered(trx, need.region_code, at);
      await this.ctx.audit.append(trx, principal.actor, {
        action: 'visit.need_ordered',
        targetType: 'visit_need',
        targetId: need.id,
        regionCode: need.region_code,
        summary: { visitId: need.visit_id, type: need.type, workOrderId: order.id, number: order.number },
      });
      return { needId: need.id, workOrderId: order.id, number: order.number };
    });
  }
}
