import { containsPersonalData } from '../../../shared/personal-data-screen.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { workOrdersRepository } from '../work-orders/index.js';

/**
 * The text staff publish on Open311 as an order's description (公开说明): the only way a
 * description other than the resident's screened words reaches the public. Staff write it to be
 * public, so it is published as written, but a text that the personal-data screen would change is
 * refused: an ID number, phone or house number in a public text is a mistake, not a choice.
 * An empty text withdraws it. Audited with the text (public by definition).
 */
export class PublicDescriptionService {
  constructor(private readonly ctx: ServiceContext) {}

  async publish(scope: Scope, actor: AuditActor, orderId: string, text: string) {
    const published = text.trim() === '' ? null : text.trim();
    if (published !== null && containsPersonalData(published))
      throw fieldError('text', 'open311.public_text_personal_data');
    const { db, dialect } = this.ctx.database;
    return db.transaction().execute(async (trx) => {
      const visible = await workOrdersRepository.view(trx, { scope, userId: null }, orderId);
      if (!visible) throw notFound('workorder.not_found');
      const order = (await workOrdersRepository.findUnscoped(trx, visible.id, dialect))!;
      const changed = await workOrdersRepository.update(trx, order.id, order.version, {
        public_description: published,
      });
      if (!changed) throw conflict('workorder.conflict');
      await this.ctx.audit.append(trx, actor, {
        action: 'workorder.public_description',
        targetType: 'work_order',
        targetId: order.id,
        regionCode: order.region_code,
        summary: { number: order.number, before: order.public_description, text: published },
      });
      return { number: order.number, publicDescription: published, version: order.version + 1 };
    });
  }
}
