import { recordDelivery } from '../../metrics/heartbeats.js';
import type { ServiceContext } from '../../services.js';
import { paramsOf } from './outbox.js';
import { outboxRepository } from './outbox.repository.js';
import type { NotificationProvider } from './providers.js';
import { renderTemplate, type TemplateCode } from './templates.js';

/** How long a claimed message is reserved for the process that claimed it. */
const LEASE_MS = 2 * 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;

/** 30 s, 1 min, 2 min, … capped at an hour: a provider that is down for a day loses nothing. */
export const backoffMs = (attempts: number): number => Math.min(30_000 * 2 ** (attempts - 1), MAX_BACKOFF_MS);

export interface DeliveryReport {
  sent: number;
  failed: number;
}

/**
 * Sends the text messages that are due. Claims a batch first (a lease: with several processes on
 * PostgreSQL, `SKIP LOCKED` keeps two from taking the same row), then sends outside any
 * transaction, then records each outcome. A message is retried with backoff until a provider
 * takes it; a crash mid-send only means it is sent again after the lease.
 */
export async function deliverDueNotifications(
  ctx: ServiceContext,
  provider: NotificationProvider,
  limit = 50,
): Promise<DeliveryReport> {
  const { db, dialect } = ctx.database;
  const now = ctx.now();
  const nowIso = now.toISOString();
  const claimed = await db.transaction().execute(async (trx) => {
    const rows = await outboxRepository.due(trx, dialect, nowIso, limit);
    await outboxRepository.lease(
      trx,
      rows.map((row) => row.id),
      new Date(now.getTime() + LEASE_MS).toISOString(),
    );
    return rows;
  });

  const report: DeliveryReport = { sent: 0, failed: 0 };
  for (const row of claimed) {
    try {
      if (!row.recipient_phone_enc) throw new Error('A text message without a phone number');
      const text = renderTemplate(row.template as TemplateCode, paramsOf(ctx, row.template, row.params));
      await provider.send({
        id: row.id,
        phone: ctx.crypto.decrypt('person.phone', row.recipient_phone_enc),
        text,
        template: row.template,
      });
      await outboxRepository.markSent(db, row.id, ctx.now().toISOString());
      report.sent += 1;
    } catch (error) {
      const attempts = row.attempts + 1;
      await outboxRepository.markFailed(db, row.id, {
        attempts,
        nextAttemptAt: new Date(ctx.now().getTime() + backoffMs(attempts)).toISOString(),
        error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
      });
      report.failed += 1;
    }
  }
  recordDelivery(ctx.database, report, ctx.now());
  return report;
}
