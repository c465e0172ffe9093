import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { DISPUTE_CATEGORY, type disputeBody } from '../../../shared/api/relocation.js';
import type { Principal } from '../../auth/principal.js';
import { conflict, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { WorkOrderIntake } from '../work-orders/index.js';
import { relocationCasesRepository as cases } from './relocation-cases.repository.js';

/**
 * A dispute on a relocation case becomes a work order in one step, as a need found on a visit does
 * (`WorkOrderIntake.within`: the intake, the dispute naming its order and the audit row in one
 * transaction, or none of them). The order is placed at the household (or the enterprise's region),
 * category 征地拆迁咨询 unless the caller names another; `GET /api/relocation-cases?order=` is the
 * order's side of the link.
 */
export class RelocationDisputesService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly intake: WorkOrderIntake,
  ) {}

  async toOrder(principal: Principal, caseId: string, input: z.output<typeof disputeBody>) {
    return this.intake.within({ kind: 'staff', principal }, async (trx, take) => {
      const row = await cases.findInScope(trx, principal.scope, caseId);
      if (!row) throw notFound('relocation.not_found');
      if (row.status === 'withdrawn') throw conflict('relocation.dispute_closed_case');
      const order = await take({
        categoryCode: input.categoryCode ?? DISPUTE_CATEGORY,
        description: `【搬迁争议】${row.subject_name}：${input.description}`,
        channel: input.channel,
        ...(row.subject === 'household' ? { householdId: row.subject_id } : { regionCode: row.region_code }),
        urgent: input.urgent,
      });
      const id = uuidv7();
      const at = this.ctx.now().toISOString();
      await cases.insertDispute(trx, {
        id,
        district_code: row.district_code,
        case_id: row.id,
        description: input.description,
        work_order_id: order.id,
        work_order_number: order.number,
        raised_by: principal.actor.id,
        raised_by_name: principal.actor.name,
        created_at: at,
      });
      await this.ctx.audit.append(trx, principal.actor, {
        action: 'relocation.dispute_ordered',
        targetType: 'relocation_case',
        targetId: row.id,
        regionCode: row.region_code,
        summary: { disputeId: id, workOrderId: order.id, number: order.number, channel: input.channel },
      });
      return { caseId: row.id, disputeId: id, workOrderId: order.id, number: order.number };
    });
  }
}
