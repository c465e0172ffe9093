import { v7 as uuidv7 } from 'uuid';
import type { Executor } from '../../db/database.js';
import type { ServiceContext } from '../../services.js';
import { outboxRepository } from './outbox.repository.js';
import type { TemplateCode } from './templates.js';

/**
 * Templates whose params are secret until sent, stored encrypted: a sign-in code, and the answer or
 * result of an order, free text that often names the resident or their circumstances.
 */
const SECRET_TEMPLATES: ReadonlySet<TemplateCode> = new Set(['otp', 'order_resolved', 'order_answered']);

export type Recipient = { phone: string } | { userId: string };

/**
 * Queues a notification in the caller's transaction: it exists if and only if the change that
 * caused it committed. Text messages are sent later by the dispatcher; in-app messages are
 * delivered by being written.
 */
export async function enqueueNotification(
  ctx: ServiceContext,
  trx: Executor,
  input: {
    districtCode: string;
    recipient: Recipient;
    template: TemplateCode;
    params: Record<string, string>;
    workOrderId?: string | undefined;
  },
): Promise<void> {
  const nowIso = ctx.now().toISOString();
  const params = JSON.stringify(input.params);
  const sms = 'phone' in input.recipient;
  await outboxRepository.insert(trx, {
    id: uuidv7(),
    district_code: input.districtCode,
    channel: sms ? 'sms' : 'inbox',
    recipient_phone_enc:
      'phone' in input.recipient ? ctx.crypto.encrypt('person.phone', input.recipient.phone) : null,
    recipient_user_id: 'userId' in input.recipient ? input.recipient.userId : null,
    template: input.template,
    params: SECRET_TEMPLATES.has(input.template) ? ctx.crypto.encrypt('notification.params', params) : params,
    work_order_id: input.workOrderId ?? null,
    status: sms ? 'pending' : 'sent',
    attempts: 0,
    next_attempt_at: nowIso,
    last_error: null,
    sent_at: sms ? null : nowIso,
    read_at: null,
    created_at: nowIso,
  });
}

/** Params of a stored notification, decrypted when they were secret. */
export function paramsOf(ctx: ServiceContext, template: string, stored: string): Record<string, string> {
  // A sealed value never starts with "{": params stored in clear before their template became
  // secret (an order's result, queued before this version) are still read, not sent as a crash.
  const sealed = SECRET_TEMPLATES.has(template as TemplateCode) && !stored.startsWith('{');
  const json = sealed ? ctx.crypto.decrypt('notification.params', stored) : stored;
  return JSON.parse(json) as Record<string, string>;
}
