import type { Notification } from '../../db/tables.js';
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
 * Claims up to `limit` of a district's due messages in one short transaction: a lease (with several
 * processes on PostgreSQL, `SKIP LOCKED` keeps two from taking the same row). One district per
 * claim, so on Citus the locking read goes to that district's shard alone.
 */
function claim(ctx: ServiceContext, district: string, now: Date, limit: number): Promise<Notification[]> {
  const { db, dialect } = ctx.database;
  return db.transaction().execute(async (trx) => {
    const rows = await outboxRepository.due(trx, dialect, district, now.toISOString(), limit);
    await outboxRepository.lease(
      trx,
      district,
      rows.map((row) => row.id),
      new Date(now.getTime() + LEASE_MS).toISOString(),
    );
    return rows;
  });
}

/** Sends one claimed message outside any transaction and records the outcome. */
async function send(
  ctx: ServiceContext,
  provider: NotificationProvider,
  row: Notification,
  report: DeliveryReport,
): Promise<void> {
  const { db } = ctx.database;
  try {
    if (!row.recipient_phone_enc) throw new Error('A text message without a phone number');
    const text = renderTemplate(row.template as TemplateCode, paramsOf(ctx, row.template, row.params));
    await provider.send({
      id: row.id,
      phone: ctx.crypto.decrypt('person.phone', row.recipient_phone_enc),
      text,
      template: row.template,
    });
    await outboxRepository.markSent(db, row, ctx.now().toISOString());
    report.sent += 1;
  } catch (error) {
    const attempts = row.attempts + 1;
    await outboxRepository.markFailed(db, row, {
      attempts,
      nextAttemptAt: new Date(ctx.now().getTime() + backoffMs(attempts)).toISOString(),
      error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
    });
    report.failed += 1;
  }
}

/**
 * Sends the text messages that are due, district by district: claims a batch of the district's
 * (see `claim`), then sends outside any transaction, then records each outcome. `limit` bounds
 * each district's batch per pass, so a district with thousands waiting does not hold back the
 * others: they get their turn in the same pass, and the rest of the busy one's wait for the next
 * (the scheduler runs this every two seconds). A message is retried with backoff until a provider
 * takes it; a crash mid-send only means it is sent again after the lease.
 */
export async function deliverDueNotifications(
  ctx: ServiceContext,
  provider: NotificationProvider,
  limit = 50,
): Promise<DeliveryReport> {
  const now = ctx.now();
  const report: DeliveryReport = { sent: 0, failed: 0 };
  for (const district of await outboxRepository.districtsDue(ctx.database.db, now.toISOString())) {
    for (const row of await claim(ctx, district, now, limit)) await send(ctx, provider, row, report);
  }
  recordDelivery(ctx.database, report, ctx.now());
  return report;
}
