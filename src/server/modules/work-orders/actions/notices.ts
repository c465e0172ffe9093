import { formatBeijing } from '../../../../shared/beijing-time.js';
import type { Executor } from '../../../db/database.js';
import type { WorkOrder } from '../../../db/tables.js';
import type { ServiceContext } from '../../../services.js';
import type { CatalogueSnapshot } from '../../catalogue/index.js';
import { enqueueNotification, type TemplateCode } from '../../notifications/index.js';
import { handlerRecipients } from '../work-order-people.repository.js';

/* The messages that follow a step: to the resident by text, to whoever holds the order in-app. */

/** A text message to the resident who reported the order, when they left a number. */
export async function tellResident(
  ctx: ServiceContext,
  trx: Executor,
  order: WorkOrder,
  template: TemplateCode,
): Promise<void> {
  if (!order.contact_phone_enc) return;
  await enqueueNotification(ctx, trx, {
    districtCode: order.district_code,
    recipient: { phone: ctx.crypto.decrypt('person.phone', order.contact_phone_enc) },
    template,
    params: { number: order.number, resolution: order.resolution.slice(0, 60) },
    workOrderId: order.id,
  });
}

/** In-app messages to whoever holds the order: its assignee, or the staff of the holding unit. */
export async function tellHandlers(
  ctx: ServiceContext,
  trx: Executor,
  catalogue: CatalogueSnapshot,
  order: WorkOrder,
  template: TemplateCode,
  params: Record<string, string>,
): Promise<void> {
  const category = catalogue.categories.get(order.category_code);
  const recipients = order.assignee_user_id
    ? [order.assignee_user_id]
    : await handlerRecipients(trx, order.handler_region_code);
  for (const userId of recipients) {
    await enqueueNotification(ctx, trx, {
      districtCode: order.district_code,
      recipient: { userId },
      template,
      params: {
        number: order.number,
        category: category?.name ?? '',
        due: formatBeijing(order.due_at),
        ...params,
      },
      workOrderId: order.id,
    });
  }
}
